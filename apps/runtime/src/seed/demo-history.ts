import type { Channel, FlowDefinitionInput } from '@caseflow/schema';
import { exampleFlows } from '../../../../examples/index';
import type { ManualClock } from '../clock';
import { catalogVariables, checkRequestForm } from '../executor/catalog-rules';
import { AppError } from '../executor/errors';
import type { Runtime } from '../executor/types';
import type { TaskRow } from '../store/store';
import { demoHistoryCustomers } from './demo-customers';
import { DEMO_CUSTOMERS } from './demo-data';
import { serviceRequestFlow, serviceRequestItems } from './demo-flows';
import { type DemoRandom, demoRandom } from './demo-random';
import { type DemoArrival, demoWorkHours, planArrivals } from './demo-schedule';

/*
 * The demo's history (issue #13 item 7): about 90 days of service desk work produced by the
 * real runtime on a simulated clock. Customers request cards and password resets from the
 * portal, by phone, e-mail and chat; agents of the demo pick tasks up in working hours, answer,
 * escalate, vote and resolve; SLA timers warn and breach on their own; customers reply, confirm
 * and answer surveys; half-way through, a pilot of lost-card v2 (one approval instead of two)
 * starts on 40 % of the customers. Every step is a runtime command in process (no HTTP), so the
 * cases, timelines, SLA clocks, metrics and the pilot report are what the engine made of them.
 * The last day's work is left open: every demo agent finds tasks in their queue.
 */

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;
/** How often simulated time moves: timers fire, the outbox sends, agents look at their queues. */
const TICK = 10 * MIN;
/** Outside working hours only timers, the outbox and the portal move: a coarser step. */
const NIGHT_TICK = 30 * MIN;

export interface HistoryOptions {
  /** The instant the history ends (the real now); it starts `days` before. */
  end: number;
  days?: number;
  /** Seed of the random source: the same seed gives the same history. */
  seed?: number;
  /** Average new cases per weekday (weekends get a third). */
  perWeekday?: number;
  /** Customers besides the six named demo customers. */
  customers?: number;
}

export interface HistoryReport {
  cases: number;
  /** Runtime commands carried out (opens, claims, completions, votes, signals, messages, answers). */
  commands: number;
  /** Commands the runtime refused (a plan overtaken by the case, e.g. a task escalated meanwhile). */
  refused: number;
  surveysAnswered: number;
  pilot: { id: string; version: number } | null;
  /** Open tasks (open or claimed) per group when the history ends. */
  openTasks: Record<string, number>;
}

/** What an agent will do with one task, and when. */
interface TaskPlan {
  agent: string;
  claimAt: number;
  doneAt: number;
  action: { kind: 'complete'; outcome: string } | { kind: 'escalate' };
  claimed: boolean;
}

/** Minutes (median) until a task is picked up and then done, per node; the tail is long. */
const HANDLING: Record<string, { pickup: number; work: number }> = {
  triage: { pickup: 6, work: 8 },
  handle: { pickup: 12, work: 10 },
  'manual-freeze': { pickup: 8, work: 5 },
  'fraud-review': { pickup: 45, work: 30 },
  assess: { pickup: 40, work: 25 },
  'approve-replacement': { pickup: 50, work: 5 },
  'issue-card': { pickup: 120, work: 20 },
  reset: { pickup: 12, work: 8 },
  approve: { pickup: 35, work: 5 },
};
const DEFAULT_HANDLING = { pickup: 30, work: 15 };

/** How tasks end, per node (weights); approvals vote approve/reject. */
const OUTCOMES: Record<string, Record<string, number>> = {
  triage: { 'replace-card': 6, 'await-customer': 2, 'no-action': 2 },
  'fraud-review': { confirmed: 7, 'false-alarm': 3 },
  assess: { fraud: 3, clear: 7 },
  reset: { done: 14, 'cannot-reset': 1 },
  handle: { done: 9, decline: 1 },
};

const FIRST_RESPONSES = [
  'Thanks for telling us. Your card is blocked and we are on it.',
  'Obrigado pelo contato. Seu cartão já está bloqueado e estamos cuidando do caso.',
  'We have frozen your accounts; a colleague checks the last transactions now.',
  'Recebemos seu pedido. Vamos verificar as transações e retornamos em breve.',
];
const STORIES = [
  'Lost it on the bus this morning.',
  'Perdi a carteira no metrô.',
  'Stolen at a restaurant, my bag was taken.',
  'Não encontro o cartão desde ontem.',
  'Left it in an ATM.',
  '',
];

/** Lost-card v2 of the pilot: a replacement card needs one approval instead of two. */
export function pilotLostCard(base: FlowDefinitionInput): FlowDefinitionInput {
  return {
    ...base,
    nodes: base.nodes.map((n) =>
      n.type === 'approval' && n.id === 'approve-replacement'
        ? { ...n, policy: { kind: 'any' as const } }
        : n,
    ),
  };
}

/**
 * Plays `days` of service desk work through `runtime`, whose clock is `clock` (a manual clock
 * standing at `end - days`); leaves it at `end`. Call after seedDemo on the same runtime, on an
 * otherwise empty database. Deterministic for a seed, except for case ids.
 */
export async function seedDemoHistory(
  runtime: Runtime,
  clock: ManualClock,
  options: HistoryOptions,
): Promise<HistoryReport> {
  const { store } = runtime;
  const days = options.days ?? 90;
  const start = options.end - days * DAY;
  clock.set(start);
  const seed = options.seed ?? 20261202;
  const random = demoRandom(seed);
  const hours = demoWorkHours();

  await runtime.saveDraft(serviceRequestFlow.key, serviceRequestFlow, 'olivia');
  const published = await runtime.publish(serviceRequestFlow.key, { note: 'demo', actor: 'olivia' });
  await runtime.activate(serviceRequestFlow.key, published.version, 'admin');
  for (const item of serviceRequestItems) {
    const { key, ...body } = item;
    await runtime.saveCatalogItem(key, body, 'olivia');
  }

  const customers = demoHistoryCustomers(random, options.customers ?? 240, start);
  for (const c of customers) await store.customers.create(c);
  const customerIds = customers.map((c) => c.id);
  const members = new Map<string, string[]>();
  for (const g of await store.groups.list()) members.set(g.name, await store.users.membersOf(g.name));
  const catalog = new Map((await store.catalog.list()).map((i) => [i.key, i]));

  const arrivals = planArrivals(random, hours, {
    start,
    end: options.end,
    perWeekday: options.perWeekday ?? 28,
  });
  const report: HistoryReport = {
    cases: 0,
    commands: 0,
    refused: 0,
    surveysAnswered: 0,
    pilot: null,
    openTasks: {},
  };
  /** Work planned for later: signals, survey answers (runs once `at` has come). */
  const later: Array<{ at: number; run: () => Promise<void> }> = [];
  const plans = new Map<string, TaskPlan>();
  const firstResponded = new Set<string>();
  const recentCases: Array<{ id: string; at: number }> = [];
  const surveysSeen = new Set<string>();
  // Tasks created in the last day stay for the live demo; the others are worked.
  const keepOpenAfter = options.end - 20 * HOUR;
  const pilotAt = start + Math.round(days * 0.5) * DAY;

  // The open tasks as last read; read again only after something may have changed them.
  let tasks: TaskRow[] = [];
  let changed = true;
  // When a timer or outbox message is next due, as last read; read again after anything ran
  // that may have scheduled one (a command, a fire, a delivery). Until then a tick has nothing
  // to poll: most ticks, nights and weekends above all.
  let dueAt: number | null = null;
  let dueStale = true;
  const nextDue = async () => {
    const [timer, message] = await Promise.all([store.timers.nextDueAt(), store.outbox.nextDueAt()]);
    return timer === null ? message : message === null ? timer : Math.min(timer, message);
  };

  /** Runs one command; a refusal (the case moved on) is counted, not thrown. */
  const command = async <T>(fn: () => Promise<T>): Promise<T | null> => {
    report.commands++;
    changed = true;
    dueStale = true;
    try {
      return await fn();
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      report.refused++;
      return null;
    }
  };

  /** Arrival index of a case (a subflow child takes its parent's, with a mark). */
  const ordinals = new Map<string, string>();
  const ordinalOf = async (caseId: string): Promise<string> => {
    const known = ordinals.get(caseId);
    if (known) return known;
    const row = await store.cases.get(caseId);
    const ordinal = row?.parentCaseId ? `${await ordinalOf(row.parentCaseId)}/${row.parentNodeId}` : '?';
    ordinals.set(caseId, ordinal);
    return ordinal;
  };

  const open = async (a: DemoArrival, index: number, override: Record<string, unknown> = {}) => {
    const named = random.chance(0.06) ? random.pick(DEMO_CUSTOMERS) : null;
    const customerId = named?.id ?? random.pick(customerIds);
    const values = { ...requestValues(random, a.item, customerId), ...override };
    // The two demo customers with logins request from the portal themselves.
    const login = customerId === 'c-1001' ? 'carla' : customerId === 'c-1002' ? 'ben' : null;
    let opened: { id: string } | null;
    if (a.channel === 'web' && login) {
      opened = await command(() =>
        runtime.requestFromCatalog({ item: a.item, values, channel: 'web', actor: login }),
      );
    } else if (a.channel === 'web') {
      // A portal request of a customer without a login of the demo: the catalog's form and
      // variables, opened as the customer.
      const item = catalog.get(a.item)!;
      opened = await command(() =>
        runtime.openCase({
          flow: item.flow,
          customerId,
          channel: 'web',
          subject: item.name,
          variables: catalogVariables(item, checkRequestForm(item, values)),
          actor: `customer:${customerId}`,
        }),
      );
    } else {
      // Phone, e-mail and chat reach the service desk, which files the request for the customer.
      const agent = random.pick(members.get('service-desk') ?? ['admin']);
      opened = await command(() =>
        runtime.requestFromCatalog({
          item: a.item,
          values,
          onBehalfOf: customerId,
          channel: a.channel,
          actor: agent,
        }),
      );
    }
    if (opened) {
      report.cases++;
      ordinals.set(opened.id, String(index));
      recentCases.push({ id: opened.id, at: clock.now() });
    }
  };

  const plan = async (task: TaskRow, now: number): Promise<TaskPlan | null> => {
    const agents = task.assignee ? [task.assignee] : (members.get(task.group ?? '') ?? []);
    if (agents.length === 0) return null;
    // Its own random source, keyed by what is stable across runs (arrival order is; ids are not).
    const random = demoRandom(
      hashKey(`${seed}|${await ordinalOf(task.caseId)}|${task.nodeId}|${task.tier}|${task.assignee}`),
    );
    const agent = random.pick(agents);
    const h = HANDLING[task.nodeId] ?? DEFAULT_HANDLING;
    const claimAt = hours.next(now + random.skewed(h.pickup, 0.9) * MIN, random);
    const doneAt = hours.next(claimAt + random.skewed(h.work, 0.7) * MIN, random);
    if (task.kind === 'approval') {
      const outcome = random.chance(0.9) ? 'approve' : 'reject';
      return { agent, claimAt, doneAt, action: { kind: 'complete', outcome }, claimed: true };
    }
    // Now and then the first line hands a case up instead of solving it.
    if (task.tier === 'L1' && (task.nodeId === 'triage' || task.nodeId === 'handle') && random.chance(0.06)) {
      return { agent, claimAt, doneAt, action: { kind: 'escalate' }, claimed: false };
    }
    const weights = OUTCOMES[task.nodeId];
    const outcome = weights ? random.weighted(weights) : (task.outcomes[0] ?? 'done');
    return { agent, claimAt, doneAt, action: { kind: 'complete', outcome }, claimed: task.assignee !== null };
  };

  const work = async (now: number) => {
    if (changed) {
      tasks = [];
      let cursor: string | null = null;
      do {
        const page = await store.tasks.list({ status: ['open', 'claimed'], limit: 500, cursor });
        tasks.push(...page.items);
        cursor = page.next;
      } while (cursor);
      tasks.sort((a, b) => a.createdAt - b.createdAt);
      changed = false;
    }
    for (const task of tasks) {
      let p = plans.get(task.id);
      if (!p) {
        if (task.createdAt >= keepOpenAfter) continue;
        const made = await plan(task, now);
        if (!made) continue;
        p = made;
        plans.set(task.id, p);
      }
      if (!p.claimed && p.claimAt <= now) {
        p.claimed = true;
        await command(() => runtime.claimTask(task.id, p.agent));
        // The first agent to take up a customer's case writes to them (the response SLA stops).
        if (!firstResponded.has(task.caseId) && !(await ordinalOf(task.caseId)).includes('/')) {
          firstResponded.add(task.caseId);
          const kase = await store.cases.get(task.caseId);
          const channel: Channel = kase?.channel === 'phone' ? 'phone' : 'email';
          await command(() =>
            runtime.addMessage(task.caseId, {
              channel,
              body: random.pick(FIRST_RESPONSES),
              from: 'agent',
              author: p.agent,
            }),
          );
        }
      }
      if (p.claimed && p.doneAt <= now) {
        plans.delete(task.id);
        if (p.action.kind === 'escalate') {
          await command(() => runtime.escalateTask(task.id, 'needs card operations', p.agent));
          continue;
        }
        const outcome = p.action.outcome;
        const done = await command(() => runtime.completeTask(task.id, { outcome }, p.agent));
        if (done) afterOutcome(task, outcome, p.agent, now);
      }
    }
  };

  /** What the customer does after an agent's outcome: reply, confirm, or let it time out. */
  const afterOutcome = (task: TaskRow, outcome: string, agent: string, now: number) => {
    const signalLater = (name: string, at: number, tries = 6) => {
      later.push({
        at,
        run: async () => {
          // The agent who worked the task records the customer's answer (signals are staff's).
          const ok = await command(() => runtime.signal(task.caseId, name, {}, agent));
          if (!ok && tries > 1) signalLater(name, clock.now() + 30 * MIN, tries - 1);
        },
      });
    };
    if (task.nodeId === 'triage' && outcome === 'await-customer' && random.chance(0.75)) {
      signalLater('customer-replied', now + random.skewed(5 * HOUR) + 10 * MIN);
    }
    if (task.nodeId === 'reset' && outcome === 'done' && random.chance(0.85)) {
      signalLater('customer-confirmed', now + 20 * MIN + random.skewed(3 * HOUR));
    }
  };

  /** Customers answer some of the surveys they were sent, kinder when the case was quick. */
  const surveys = async (now: number) => {
    const recent = recentCases.filter((c) => c.at >= now - 12 * DAY);
    const openedAt = new Map(recent.map((c) => [c.id, c.at]));
    const ids = recent.map((c) => c.id);
    for (let i = 0; i < ids.length; i += 200) {
      for (const s of await store.surveys.listByCases(ids.slice(i, i + 200))) {
        if (surveysSeen.has(s.token) || s.answeredAt !== null) continue;
        surveysSeen.add(s.token);
        const random = demoRandom(hashKey(`${seed}|${await ordinalOf(s.caseId)}|${s.surveyId}`));
        if (!random.chance(0.5)) continue;
        const took = s.sentAt - (openedAt.get(s.caseId) ?? s.sentAt);
        const score = surveyScore(random, s.kind, took);
        later.push({
          at: s.sentAt + random.skewed(4 * HOUR),
          run: async () => {
            const answered = await command(() => runtime.answerSurvey(s.token, { score }, null));
            if (answered) report.surveysAnswered++;
          },
        });
      }
    }
  };

  let next = 0;
  let lastSurveyScan = start;
  let t = start;
  const tick = async () => {
    // Requests open at their own minute (the heat map and SLA clocks see real times).
    while (next < arrivals.length && arrivals[next]!.at <= t) {
      const a = arrivals[next]!;
      clock.set(Math.max(clock.now(), a.at));
      await open(a, next++);
    }
    clock.set(t);
    if (dueStale) {
      dueAt = await nextDue();
      dueStale = false;
    }
    if (dueAt !== null && dueAt <= t) {
      dueStale = true;
      if ((await runtime.fireDueTimers(t)) > 0) changed = true;
      while ((await runtime.dispatchOutbox(t)) > 0) {
        // Until every message due now went out (the freeze calls answer the cases at once).
        changed = true;
      }
    }
    if (report.pilot === null && t >= pilotAt) {
      report.pilot = await startPilot(runtime);
      dueStale = true;
    }
    const step = hours.isWorking(t) ? TICK : NIGHT_TICK;
    if (hours.isWorking(t)) await work(t);
    if (later.length > 0) {
      const due = later.filter((l) => l.at <= t);
      if (due.length > 0) {
        for (const l of due) later.splice(later.indexOf(l), 1);
        for (const l of due) await l.run();
      }
    }
    if (t - lastSurveyScan >= 6 * HOUR) {
      lastSurveyScan = t;
      await surveys(t);
    }
    t += step;
  };
  // A simulated day per database transaction (each command inside is a savepoint of its own):
  // one commit a day instead of one per command keeps the seed within seconds.
  while (t <= options.end) {
    const dayEnd = Math.min(t + DAY, options.end + 1);
    await store.transaction(async () => {
      while (t < dayEnd) await tick();
    });
  }
  clock.set(options.end);
  await runtime.fireDueTimers(options.end);
  while ((await runtime.dispatchOutbox(options.end)) > 0) {
    // Drain what the last tick queued.
  }
  // A few of the last day's tasks are in an agent's hands already.
  for (const task of (await store.tasks.list({ status: 'open', limit: 500 })).items) {
    const own = demoRandom(hashKey(`${seed}|${await ordinalOf(task.caseId)}|${task.nodeId}|claim`));
    if (task.kind !== 'task' || !own.chance(0.3)) continue;
    const agents = members.get(task.group ?? '') ?? [];
    if (agents.length > 0) await command(() => runtime.claimTask(task.id, own.pick(agents)));
  }
  // However quiet the last day was (a weekend), every queue of the demo has some work in it.
  const openTasks = async () => (await store.tasks.list({ status: ['open', 'claimed'], limit: 500 })).items;
  const groupOf = (task: TaskRow) =>
    task.group ?? [...members].find(([, m]) => task.assignee && m.includes(task.assignee))?.[0] ?? '?';
  const inQueue = async (group: string) => (await openTasks()).filter((t) => groupOf(t) === group).length;
  const drain = async () => {
    while ((await runtime.dispatchOutbox(clock.now())) > 0) {
      // The freeze calls of the cases just opened.
    }
  };
  const tail: Array<{
    group: string;
    min: number;
    arrival: DemoArrival;
    values?: Record<string, unknown>;
    approve?: boolean;
  }> = [
    { group: 'service-desk', min: 4, arrival: { at: options.end, channel: 'web', item: 'update-address' } },
    { group: 'it-support', min: 3, arrival: { at: options.end, channel: 'phone', item: 'password-reset' } },
    {
      group: 'fraud',
      min: 3,
      arrival: { at: options.end, channel: 'web', item: 'report-lost-card' },
      values: { suspiciousTransactions: 2 },
    },
    {
      group: 'card-ops',
      min: 4,
      arrival: { at: options.end, channel: 'phone', item: 'report-lost-card' },
      values: { suspiciousTransactions: 0 },
      approve: true,
    },
  ];
  for (const want of tail) {
    for (let i = 0; i < 6 && (await inQueue(want.group)) < want.min; i++) {
      const before = new Set((await openTasks()).map((t) => t.id));
      await open(want.arrival, arrivals.length + tail.indexOf(want) * 10 + i, want.values);
      await drain();
      if (!want.approve) continue;
      // The service desk asks card operations for a replacement: their approval is pending.
      for (const task of await openTasks()) {
        if (before.has(task.id) || task.nodeId !== 'triage') continue;
        const agent = (members.get('service-desk') ?? ['admin'])[0]!;
        await command(() => runtime.claimTask(task.id, agent));
        await command(() => runtime.completeTask(task.id, { outcome: 'replace-card' }, agent));
      }
    }
  }
  for (const task of await openTasks()) {
    const g = groupOf(task);
    report.openTasks[g] = (report.openTasks[g] ?? 0) + 1;
  }
  return report;
}

/** Publishes lost-card v2 (one approval for a replacement) and pilots it on 40 % of customers. */
async function startPilot(runtime: Runtime): Promise<{ id: string; version: number }> {
  const base = exampleFlows.find((f) => f.key === 'lost-card');
  if (!base) throw new Error('the lost-card example is missing');
  await runtime.saveDraft('lost-card', pilotLostCard(base), 'olivia');
  const { version } = await runtime.publish('lost-card', {
    note: 'Pilot: a replacement card needs one approval instead of two',
    actor: 'olivia',
  });
  const pilot = await runtime.startPilot(
    'lost-card',
    {
      version,
      percentage: 40,
      segments: [],
      customerIds: [],
      note: 'One approval for replacement cards: faster for customers, same rejection rate?',
    },
    'admin',
  );
  return { id: pilot.id, version };
}

/** FNV-1a of `text`: a 32-bit seed. */
function hashKey(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** Form values of a request of `item` by `customerId`. */
function requestValues(random: DemoRandom, item: string, customerId: string): Record<string, unknown> {
  if (item === 'update-address') {
    return {
      street: `Rua ${random.pick(['das Flores', 'Augusta', 'Oscar Freire', 'XV de Novembro'])}, ${random.int(1, 2000)}`,
      city: random.pick(['São Paulo', 'Campinas', 'Santos', 'Rio de Janeiro', 'Curitiba']),
      postcode: `${random.int(10000, 99999)}-${random.int(100, 999)}`,
    };
  }
  if (item === 'dispute-transaction') {
    return {
      merchant: random.pick(['Mercado Bom', 'Loja Azul', 'Posto Central', 'StreamFlix', 'Farmácia Sul']),
      amount: random.int(500, 90000) / 100,
    };
  }
  if (item === 'card-limit') return { limit: random.int(5, 200) * 100 };
  if (item === 'password-reset') {
    return {
      username: `user.${customerId.replace('c-', '')}`,
      accountType: random.chance(0.15) ? 'privileged' : 'standard',
      contact: `${customerId}@example.com.br`,
      reason: random.pick([
        'Forgot it after the holidays',
        'Esqueci a senha',
        'Locked out after three tries',
        '',
      ]),
    };
  }
  return {
    cardLast4: String(random.int(0, 9999)).padStart(4, '0'),
    suspiciousTransactions: random.chance(0.7) ? 0 : random.int(1, 4),
    whatHappened: random.pick(STORIES),
  };
}

/** A survey score on the kind's scale: quick cases score better. */
function surveyScore(random: DemoRandom, kind: string, tookMs: number): number {
  const slow = tookMs > 2 * DAY ? 2 : tookMs > 10 * HOUR ? 1 : 0;
  if (kind === 'nps') return Math.max(0, Math.min(10, random.int(7, 10) - slow * random.int(1, 3)));
  if (kind === 'ces') return Math.max(1, Math.min(7, random.int(1, 3) + slow * random.int(1, 2)));
  const base = random.weighted({ '5': 5, '4': 3, '3': 1.2, '2': 0.5, '1': 0.3 });
  return Math.max(1, Number(base) - (slow > 0 && random.chance(0.5) ? slow : 0));
}
