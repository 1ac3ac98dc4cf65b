import { elapsedMs } from '@caseflow/engine';
import { MetricsReport, PilotReport } from '@caseflow/schema';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exampleCalendars } from '../../examples/index';
import { type RuntimeProcess, startRuntime } from '../support/runtime-process';
import { scenarioBackends } from '../support/test-database';

/**
 * A pilot measured end to end over HTTP on the manual clock, on SQLite and PostgreSQL:
 * publish helpdesk v1 and v2 → pilot v2 on 30 % plus the gold segment → 500 cases for 200
 * customers, worked by agents (claims, messages, escalations) over simulated hours that cross
 * the end of the business day → the metrics, the per-agent figures and the heat map equal
 * what this test computes itself from every case's timeline → promote; v1 cases opened before
 * still finish on v1.
 */

const CALENDAR = exampleCalendars.find((c) => c.key === 'business')!;
const CUSTOMERS = 200;
const CASES = 500;
/** Control cases left open until after the promotion. */
const HELD = 20;

const definition = (version: 1 | 2) => ({
  key: 'helpdesk',
  name: 'Helpdesk',
  kind: 'case',
  tiers: [
    { id: 'L1', name: 'IT support', group: 'it-support', mode: 'solver' },
    { id: 'L2', name: 'Service desk', group: 'service-desk' },
  ],
  calendar: 'business',
  slas: [
    {
      id: 'resolution',
      target: version === 1 ? 'PT2H' : 'PT1H',
      start: { event: 'case.opened' },
      stop: { atNodes: ['done'] },
    },
  ],
  nodes: [
    { id: 'start', type: 'start' },
    {
      id: 'solve',
      type: 'task',
      title: version === 1 ? 'Solve the request' : 'Solve the request (new script)',
      assign: { tier: 'L1' },
      outcomes: ['solved'],
    },
    { id: 'done', type: 'end', outcome: 'resolved' },
  ],
  edges: [
    { from: 'start', to: 'solve' },
    { from: 'solve', to: 'done', on: 'solved' },
  ],
});

interface Entry {
  seq: number;
  at: string;
  type: string;
  actor: string | null;
  data: Record<string, unknown>;
}
interface Opened {
  id: string;
  /** The first task, known from the open answer. */
  taskId: string;
  customerId: string;
  version: number;
  cohort: string | null;
}

/** Runs `fn` over `items` with at most `width` calls in flight. */
async function pool<T, R>(items: T[], width: number, fn: (item: T, i: number) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: width }, async () => {
      while (next < items.length) {
        const i = next++;
        out[i] = await fn(items[i]!, i);
      }
    }),
  );
  return out;
}

/** A number within the stated relative error of the runtime's percentile sketches (1 %). */
function near(v: unknown): unknown {
  if (typeof v !== 'number') return v;
  return {
    asymmetricMatch: (x: unknown) => typeof x === 'number' && Math.abs(x - v) <= 0.01 * Math.abs(v),
    toString: () => `within 1 % of ${v}`,
  };
}

/** `o` with every p50 / p90 / p90Ms as `near` (the runtime answers them from sketches). */
function sketched<T>(o: T): T {
  if (o === null || typeof o !== 'object') return o;
  return Object.fromEntries(
    Object.entries(o).map(([k, v]) => [k, ['p50', 'p90', 'p90Ms'].includes(k) ? near(v) : sketched(v)]),
  ) as T;
}

/** Nearest-rank spread, written here again so that the test does not trust the runtime's. */
function expectedSpread(values: number[]) {
  if (values.length === 0) return { count: 0, avg: null, p50: null, p90: null };
  const s = [...values].sort((a, b) => a - b);
  const rank = (q: number) => s[Math.ceil(q * s.length) - 1];
  return {
    count: s.length,
    avg: Math.round(s.reduce((a, b) => a + b, 0) / s.length),
    p50: rank(0.5),
    p90: rank(0.9),
  };
}

type Expected = Record<string, unknown> & {
  escalations: number;
  resolutionMs: ReturnType<typeof expectedSpread>;
  resolutionBusinessMs: ReturnType<typeof expectedSpread>;
};

describe.each(scenarioBackends())('pilot analytics over HTTP on $backend', ({ backend, skip }) => {
  describe.skipIf(skip)('scenario', () => {
    let rt: RuntimeProcess;
    const opened: Opened[] = [];
    const gold = new Set<string>();
    let pilotId = '';
    beforeAll(async () => {
      rt = await startRuntime({}, { backend });
    }, 180_000);
    afterAll(() => rt?.stop());

    const ok = async (method: string, path: string, as: string, body?: unknown) => {
      const res = await rt.api(method, path, { as, body });
      expect(res.status, `${method} ${path}: ${JSON.stringify(res.body)}`).toBeLessThan(300);
      return res.body;
    };
    const openTaskOf = async (caseId: string) => {
      const c = await ok('GET', `/api/cases/${caseId}`, 'admin');
      return c.tasks.find((t: { status: string }) => t.status === 'open' || t.status === 'claimed');
    };
    const work = async (c: Opened, i: number, escalate: boolean) => {
      const caseId = c.id;
      const agent = i % 2 === 0 ? 'ivan' : 'ines';
      const task = { id: c.taskId };
      await ok('POST', `/api/tasks/${task.id}/claim`, agent);
      await ok('POST', `/api/cases/${caseId}/messages`, agent, {
        channel: 'email',
        from: 'agent',
        body: 'on it',
      });
      if (i % 6 === 0) {
        await ok('POST', `/api/cases/${caseId}/messages`, agent, {
          channel: 'email',
          from: 'agent',
          body: 'more',
        });
      }
      if (escalate) {
        await ok('POST', `/api/tasks/${task.id}/escalate`, agent, { reason: 'needs the desk' });
        const next = await openTaskOf(caseId);
        await ok('POST', `/api/tasks/${next.id}/claim`, 'lena');
        return next.id as string;
      }
      return task.id as string;
    };

    it('publishes v1 and v2 and pilots v2 on 30 % plus the gold segment', async () => {
      await ok('PUT', '/api/flows/helpdesk', 'olivia', { definition: definition(1) });
      expect((await ok('POST', '/api/flows/helpdesk/publish', 'olivia', { note: 'v1' })).version).toBe(1);
      await ok('POST', '/api/flows/helpdesk/activate', 'admin', { version: 1 });
      await ok('PUT', '/api/flows/helpdesk', 'olivia', { definition: definition(2) });
      expect((await ok('POST', '/api/flows/helpdesk/publish', 'olivia', { note: 'v2' })).version).toBe(2);
      const pilot = await ok('POST', '/api/flows/helpdesk/pilots', 'admin', {
        version: 2,
        percentage: 30,
        segments: ['segment = "gold"'],
        note: 'new script',
      });
      pilotId = pilot.id;
      const ids = Array.from({ length: CUSTOMERS }, (_, i) => `k${String(i).padStart(3, '0')}`);
      await pool(ids, 8, async (id, i) => {
        const segment = i % 5 === 0 ? 'gold' : 'standard';
        if (segment === 'gold') gold.add(id);
        // Agents answer them by e-mail below, which needs an address (422 without one).
        await ok('POST', '/api/customers', 'admin', {
          id,
          name: `Customer ${i}`,
          segment,
          email: `${id}@example.com`,
        });
      });
    }, 180_000);

    it('opens 500 cases for 200 customers: sticky cohorts, a sane pilot share', async () => {
      const channels = ['email', 'chat', 'phone', 'web'];
      for (let batch = 0; batch < 5; batch++) {
        const indexes = Array.from({ length: CASES / 5 }, (_, k) => batch * (CASES / 5) + k);
        const answers = await pool(indexes, 12, async (i) => {
          const customerId = `k${String(i % CUSTOMERS).padStart(3, '0')}`;
          const c = await ok('POST', '/api/cases', 'lena', {
            flow: 'helpdesk',
            customerId,
            channel: channels[i % 4],
            subject: `request ${i}`,
          });
          return {
            id: c.id,
            taskId: c.tasks[0].id,
            customerId,
            version: c.version,
            cohort: c.cohort,
          } as Opened;
        });
        opened.push(...answers);
        await rt.advance('PT10M');
      }
      const cohortOf = new Map<string, string>();
      for (const c of opened) {
        expect(c.cohort === 'pilot' ? 2 : 1).toBe(c.version);
        const known = cohortOf.get(c.customerId);
        if (known) expect(c.cohort, `customer ${c.customerId}`).toBe(known);
        else cohortOf.set(c.customerId, c.cohort!);
      }
      expect(cohortOf.size).toBe(CUSTOMERS);
      for (const id of gold) expect(cohortOf.get(id)).toBe('pilot');
      // 160 standard customers at 30 %: mean 48, sd 5.8; ±4 sd.
      const standardInPilot = [...cohortOf].filter(([id, c]) => !gold.has(id) && c === 'pilot').length;
      expect(standardInPilot).toBeGreaterThanOrEqual(25);
      expect(standardInPilot).toBeLessThanOrEqual(71);
    }, 180_000);

    it('works the cases over hours that cross the end of the business day', async () => {
      const held = opened.filter((c) => c.cohort === 'control').slice(-HELD);
      const heldIds = new Set(held.map((c) => c.id));
      const toWork = opened.filter((c) => !heldIds.has(c.id));
      const chunks = [0, 1, 2, 3, 4].map((k) => toWork.filter((_, i) => i % 5 === k));
      for (const [k, chunk] of chunks.entries()) {
        const taskIds = await pool(chunk, 12, (c) => work(c, opened.indexOf(c), opened.indexOf(c) % 9 === 0));
        // Later chunks take longer; the last one finishes after 17:00 in Berlin.
        await rt.advance(k === 4 ? 'PT9H' : `PT${15 + 25 * k}M`);
        await pool(taskIds, 12, async (taskId, i) => {
          const c = chunk[i]!;
          const agent = opened.indexOf(c) % 9 === 0 ? 'lena' : opened.indexOf(c) % 2 === 0 ? 'ivan' : 'ines';
          await ok('POST', `/api/tasks/${taskId}/complete`, agent, { outcome: 'solved', values: {} });
        });
      }
    }, 180_000);

    it('equals the metrics computed from the timelines, per version and per agent', async () => {
      const cases = await pool(opened, 12, async (c) => ({
        ...c,
        entries: (await ok('GET', `/api/cases/${c.id}/timeline`, 'olivia')).items as Entry[],
      }));
      const expected = new Map<string, Expected>();
      const agents = new Map<string, { handled: number; handling: number[] }>();
      for (const version of ['1', '2']) {
        const mine = cases.filter((c) => String(c.version) === version);
        let resolved = 0;
        let fcr = 0;
        let escalations = 0;
        let messages = 0;
        let responses = 0;
        let met = 0;
        let breached = 0;
        let handled = 0;
        const first: number[] = [];
        const firstBusiness: number[] = [];
        const resolution: number[] = [];
        const resolutionBusiness: number[] = [];
        const handling: number[] = [];
        for (const c of mine) {
          const at = (e: Entry) => Date.parse(e.at);
          const openedAt = at(c.entries.find((e) => e.type === 'case.opened')!);
          const closed = c.entries.find((e) => e.type === 'case.closed');
          const agentMessages = c.entries.filter((e) => e.type === 'message' && e.data.from === 'agent');
          const escalated = c.entries.filter((e) => e.type === 'task.escalated').length;
          messages += c.entries.filter((e) => e.type === 'message').length;
          responses += agentMessages.length;
          escalations += escalated;
          met += c.entries.filter((e) => e.type === 'sla.met').length;
          breached += c.entries.filter((e) => e.type === 'sla.breached').length;
          if (agentMessages[0]) {
            first.push(at(agentMessages[0]) - openedAt);
            firstBusiness.push(elapsedMs(CALENDAR, openedAt, at(agentMessages[0])));
          }
          if (closed?.data.outcome === 'resolved') {
            resolved++;
            if (escalated === 0 && agentMessages.length <= 1) fcr++;
            resolution.push(at(closed) - openedAt);
            resolutionBusiness.push(elapsedMs(CALENDAR, openedAt, at(closed)));
          }
          for (const done of c.entries.filter((e) => e.type === 'task.completed')) {
            handled++;
            const claim = c.entries
              .filter(
                (e) => e.type === 'task.claimed' && e.data.taskId === done.data.taskId && e.seq < done.seq,
              )
              .at(-1);
            const a = agents.get(done.actor!) ?? { handled: 0, handling: [] };
            a.handled++;
            if (claim) {
              handling.push(at(done) - at(claim));
              a.handling.push(at(done) - at(claim));
            }
            agents.set(done.actor!, a);
          }
        }
        expected.set(version, {
          version,
          cases: mine.length,
          resolved,
          fcrCases: fcr,
          escalations,
          messages,
          responses,
          slaMet: met,
          breaches: breached,
          tasksHandled: handled,
          firstResponseMs: expectedSpread(first),
          firstResponseBusinessMs: expectedSpread(firstBusiness),
          resolutionMs: expectedSpread(resolution),
          resolutionBusinessMs: expectedSpread(resolutionBusiness),
          ahtMs: expectedSpread(handling),
        });
      }
      const answer = await ok('GET', '/api/metrics?flow=helpdesk&by=version', 'olivia');
      // The answer is exactly the shared schema: parsing drops no field and fails on none.
      expect(MetricsReport.parse(answer)).toEqual(answer);
      expect(answer.total.cases).toBe(CASES);
      for (const version of ['1', '2']) {
        const row = answer.items.find((r: { version: string }) => r.version === version);
        expect(row, `version ${version}`).toMatchObject(sketched(expected.get(version)!));
      }
      // Business time really differs from wall time for the cases finished after hours.
      const v1 = expected.get('1')!;
      expect(v1.resolutionBusinessMs.p90).toBeLessThan(v1.resolutionMs.p90!);
      expect(v1.escalations).toBeGreaterThan(0);
      for (const [agent, a] of agents) {
        const row = answer.agents.find((r: { agent: string }) => r.agent === agent);
        expect(row, agent).toMatchObject({
          tasksHandled: a.handled,
          ahtMs: Math.round(a.handling.reduce((s, v) => s + v, 0) / a.handling.length),
        });
        expect(row.occupancy).toBeGreaterThan(0);
        expect(row.occupancy).toBeLessThanOrEqual(1);
      }

      for (const version of [1, 2]) {
        const nodes = new Map<
          string,
          { entered: number; completed: number; durations: number[]; breaches: number }
        >();
        const node = (id: string) => {
          const n = nodes.get(id) ?? { entered: 0, completed: 0, durations: [], breaches: 0 };
          nodes.set(id, n);
          return n;
        };
        for (const c of cases.filter((x) => x.version === version)) {
          const enteredAt = new Map<string, number>();
          for (const e of c.entries) {
            const nodeId = e.data.nodeId as string | undefined;
            if (e.type === 'sla.breached') {
              // A breach counts on its node, or on the nodes the case is in at that moment.
              if (nodeId) node(nodeId).breaches++;
              else for (const open of enteredAt.keys()) node(open).breaches++;
            } else if (nodeId && e.type === 'node.entered') {
              node(nodeId).entered++;
              enteredAt.set(nodeId, Date.parse(e.at));
            } else if (nodeId && e.type === 'node.left') {
              const n = node(nodeId);
              n.completed++;
              n.durations.push(Date.parse(e.at) - enteredAt.get(nodeId)!);
              enteredAt.delete(nodeId);
            }
          }
        }
        const heat = await ok('GET', `/api/flows/helpdesk/heatmap?version=${version}`, 'olivia');
        expect(heat.nodes.length).toBe(nodes.size);
        for (const [nodeId, n] of nodes) {
          const s = expectedSpread(n.durations);
          expect(heat.nodes.find((x: { nodeId: string }) => x.nodeId === nodeId)).toMatchObject(
            sketched({
              nodeId,
              entered: n.entered,
              completed: n.completed,
              avgMs: s.avg,
              p90Ms: s.p90,
              breaches: n.breaches,
            }),
          );
        }
        expect(nodes.get('solve')!.entered).toBe(cases.filter((x) => x.version === version).length);
        expect(nodes.get('solve')!.breaches).toBeGreaterThan(0);
      }
    }, 180_000);

    it('reports the pilot with tests per metric and a recommendation', async () => {
      const report = await ok('GET', `/api/pilots/${pilotId}/report`, 'olivia');
      expect(PilotReport.parse(report)).toEqual(report);
      const pilotCases = opened.filter((c) => c.cohort === 'pilot').length;
      expect(report.cohorts.pilot.cases).toBe(pilotCases);
      expect(report.cohorts.control.cases).toBe(CASES - pilotCases);
      for (const c of report.comparison) {
        expect(c.test).toMatch(/two-proportion z-test|Mann-Whitney U/);
        if (c.p !== null) expect(c.p).toBeGreaterThanOrEqual(0);
      }
      expect(['promote', 'keep running', 'stop']).toContain(report.recommendation.action);
      expect(report.recommendation.reason.length).toBeGreaterThan(0);
    }, 120_000);

    it('promotes: v1 cases opened before still finish on v1, new cases get v2', async () => {
      await ok('POST', `/api/pilots/${pilotId}/promote`, 'admin');
      const held = opened.filter((c) => c.cohort === 'control').slice(-HELD);
      await rt.advance('PT5M');
      await pool(held, 8, async (c, i) => {
        const task = { id: c.taskId };
        const agent = i % 2 === 0 ? 'ivan' : 'ines';
        await ok('POST', `/api/tasks/${task.id}/claim`, agent);
        await ok('POST', `/api/tasks/${task.id}/complete`, agent, { outcome: 'solved', values: {} });
        const after = await ok('GET', `/api/cases/${c.id}`, 'admin');
        expect(after).toMatchObject({ version: 1, status: 'resolved' });
      });
      const fresh = await ok('POST', '/api/cases', 'lena', {
        flow: 'helpdesk',
        customerId: 'k001',
        channel: 'chat',
      });
      expect(fresh.version).toBe(2);
    }, 120_000);
  });
});
