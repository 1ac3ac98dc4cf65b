import type { Effect, EngineEvent, FlowDefinitionInput } from '@caseflow/schema';
import { CaseView } from '@caseflow/schema';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type CompiledFlow, compileFlow } from './compile-flow';
import { EngineError } from './engine-error';
import { type CaseSnapshot, inspect, type StepResult, step } from './run-case';
import { Simulator } from './simulator';
import {
  CHILD_FLOW,
  CHILD_FLOW_KEY,
  flowArbitrary,
  GEN_CALENDAR,
  generateFlow,
  SIGNALS,
} from './testing/flow-generator';
import { validateFlow } from './validate-flow';

/**
 * Properties of the engine over random valid flows (testing/flow-generator) driven by random
 * event sequences through the in-memory Simulator. Every event the simulator feeds a case —
 * including timer fires and the follow-ups of effects — is also stepped on a JSON round trip
 * of the snapshot, so restoring a persisted case must behave exactly like the live one.
 */

const MONDAY_9 = Date.parse('2026-01-05T09:00:00Z');
const child = compileFlow(CHILD_FLOW);
const MINUTE = 60_000;
const STEPS = [MINUTE, 20 * MINUTE, 60 * MINUTE, 5 * 60 * MINUTE, 24 * 60 * MINUTE, 3 * 24 * 60 * MINUTE];

const json = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

/** Runs one step, answering its result or the EngineError it threw (anything else escapes). */
function attempt(compiled: CompiledFlow, snapshot: CaseSnapshot, event: EngineEvent, now: number) {
  try {
    return step(compiled, snapshot, event, now);
  } catch (error) {
    if (error instanceof EngineError) return error;
    throw error;
  }
}

/** State-node keys of the compiler besides node ids: parallel regions, join finals, exits. */
const isCompilerKey = (key: string) => key.startsWith('~');

function stateKeys(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string') out.push(value);
  else if (value && typeof value === 'object') {
    for (const [key, inner] of Object.entries(value)) {
      out.push(key);
      stateKeys(inner, out);
    }
  }
  return out;
}

/**
 * A Simulator that checks every event it feeds a case: the live snapshot and its JSON round
 * trip give the same effects, snapshot or EngineError; internal events that change nothing
 * keep the very same snapshot.
 */
class CheckedSimulator extends Simulator {
  readonly sent: Array<{ caseId: string; event: EngineEvent }> = [];
  private readonly flowsByKey: Record<string, CompiledFlow>;

  constructor(flows: Record<string, CompiledFlow>, now: number) {
    super({ flows, now });
    this.flowsByKey = flows;
  }

  compiledOf(caseId: string): CompiledFlow {
    return this.flowsByKey[this.case(caseId).flow]!;
  }

  override send(caseId: string, event: EngineEvent): Effect[] {
    const record = this.case(caseId);
    const compiled = this.compiledOf(caseId);
    const live = attempt(compiled, record.snapshot, event, this.now);
    const restored = attempt(compiled, json(record.snapshot), event, this.now);
    if (live instanceof EngineError) {
      expect(restored).toBeInstanceOf(EngineError);
      expect((restored as EngineError).code).toBe(live.code);
    } else {
      expect(restored).not.toBeInstanceOf(EngineError);
      expect((restored as StepResult).effects).toEqual(live.effects);
      expect(JSON.stringify((restored as StepResult).snapshot)).toBe(JSON.stringify(live.snapshot));
    }
    this.sent.push({ caseId, event });
    return super.send(caseId, event);
  }
}

/** One random action of an agent, the clock, or the runtime; numbers pick among what is open. */
type Command = { kind: (typeof KINDS)[number]; a: number; b: number };
const KINDS = [
  'complete',
  'complete',
  'complete',
  'vote',
  'escalate',
  'signal',
  'advance',
  'advance',
  'http',
  'stale',
  'repeat',
  'first-response',
  'cancel',
] as const;
const commandArb: fc.Arbitrary<Command> = fc.record({
  kind: fc.constantFrom(...KINDS),
  a: fc.nat(10_000),
  b: fc.nat(10_000),
});
const inputArb = fc.record({
  priority: fc.constantFrom('low', 'normal', 'high', 'critical' as const),
  variables: fc.record({ amount: fc.nat(200), vip: fc.boolean(), region: fc.constantFrom('eu', 'us') }),
});

function setup(flow: FlowDefinitionInput, input: typeof inputArb extends fc.Arbitrary<infer T> ? T : never) {
  const compiled = compileFlow(flow, { calendars: [GEN_CALENDAR] });
  const sim = new CheckedSimulator(
    { [compiled.definition.key]: compiled, [CHILD_FLOW_KEY]: child },
    MONDAY_9,
  );
  const caseId = sim.open(compiled.definition.key, { subject: 'property', ...input });
  return { compiled, sim, caseId };
}

/** Sends an event a user or integration would send; EngineError is an allowed answer. */
function tryUser(sim: Simulator, caseId: string, event: EngineEvent): void {
  try {
    sim.send(caseId, event);
  } catch (error) {
    if (!(error instanceof EngineError)) throw error;
  }
}

const openCases = (sim: Simulator) =>
  [...sim.cases.values()].filter((c) => c.snapshot.context.status === 'open');

function openTasks(sim: Simulator) {
  return openCases(sim).flatMap((c) =>
    Object.values(c.snapshot.context.tasks).map((task) => ({ caseId: c.id, task })),
  );
}

/** Every timer id a case ever scheduled that the runtime no longer holds. */
function staleTimers(sim: Simulator) {
  const pending = new Set(sim.pendingTimers().map((t) => t.timerId));
  return [...sim.cases.values()].flatMap((c) =>
    c.effects.flatMap((e) =>
      e.type === 'timer.schedule' && !pending.has(e.timerId) ? [{ caseId: c.id, timerId: e.timerId }] : [],
    ),
  );
}

/** Asserts that an internal event changes nothing: no effects, the same snapshot. */
function expectNoOp(sim: CheckedSimulator, caseId: string, event: EngineEvent): void {
  const before = JSON.stringify(sim.case(caseId).snapshot);
  expect(sim.send(caseId, event)).toEqual([]);
  expect(JSON.stringify(sim.case(caseId).snapshot)).toBe(before);
}

function run(sim: CheckedSimulator, caseId: string, command: Command): void {
  const { a, b } = command;
  const tasks = openTasks(sim);
  const chosen = tasks[a % Math.max(1, tasks.length)];
  switch (command.kind) {
    case 'complete': {
      if (!chosen) return;
      const outcomes = chosen.task.outcomes;
      const outcome = b % 7 === 0 ? 'not-an-outcome' : outcomes[b % outcomes.length]!;
      tryUser(sim, chosen.caseId, {
        type: 'task.complete',
        taskId: chosen.task.taskId,
        outcome,
        values: { note: `n${b}` },
        actor: 'agent',
      });
      return;
    }
    case 'vote': {
      if (!chosen) return;
      const vote = b % 2 === 0 ? 'approve' : 'reject';
      tryUser(sim, chosen.caseId, {
        type: 'approval.vote',
        taskId: chosen.task.taskId,
        vote,
        voter: `v${b}`,
      });
      return;
    }
    case 'escalate':
      if (!chosen) return;
      tryUser(sim, chosen.caseId, {
        type: 'task.escalate',
        taskId: chosen.task.taskId,
        reason: 'help',
      });
      return;
    case 'signal':
      tryUser(sim, caseId, { type: 'signal', name: SIGNALS[a % SIGNALS.length]!, data: { b } });
      return;
    case 'advance':
      sim.advance(STEPS[a % STEPS.length]!);
      return;
    case 'http': {
      const pending = [...sim.pendingHttp.keys()];
      const callId = pending[a % Math.max(1, pending.length)];
      if (callId)
        sim.respond(
          callId,
          b % 3 === 0 ? { ok: false, status: 503 } : { ok: true, status: 200, result: { b } },
        );
      return;
    }
    case 'stale': {
      const stale = staleTimers(sim);
      const timer = stale[a % Math.max(1, stale.length)];
      if (timer) expectNoOp(sim, timer.caseId, { type: 'timer.fire', timerId: timer.timerId });
      return;
    }
    case 'repeat': {
      const answered = sim.sent.filter(
        (s) =>
          s.event.type === 'http.result' ||
          s.event.type === 'subflow.done' ||
          s.event.type === 'approval.assigned',
      );
      const again = answered[a % Math.max(1, answered.length)];
      if (again) expectNoOp(sim, again.caseId, again.event);
      return;
    }
    case 'first-response':
      tryUser(sim, caseId, { type: 'case.event', name: 'case.firstResponse' });
      return;
    case 'cancel':
      // Rare: most sequences should get to play the flow out.
      if (b % 4 === 0) tryUser(sim, caseId, { type: 'case.cancel', reason: 'customer withdrew' });
      return;
  }
}

/** Invariants of every case after every command. */
function checkCases(sim: CheckedSimulator): void {
  for (const record of sim.cases.values()) {
    const compiled = sim.compiledOf(record.id);
    const { snapshot } = record;
    const ctx = snapshot.context;
    // The active state value names states of the machine, and XState resolves it.
    for (const key of stateKeys(snapshot.value)) {
      if (!isCompilerKey(key)) expect(compiled.env.byId.has(key), `state ${key}`).toBe(true);
    }
    expect(() =>
      compiled.machine.resolveState({ value: snapshot.value as never, context: ctx }),
    ).not.toThrow();
    const view = CaseView.parse(inspect(compiled, snapshot));
    // Generated timers wait `until` a valid FEEL date-time expression: it must be readable.
    const unreadable = record.effects.filter(
      (e) => e.type === 'audit' && e.entry.type === 'timer.invalid-until',
    );
    expect(unreadable).toEqual([]);
    expect(snapshot.status === 'done').toBe(ctx.status !== 'open');
    // Timers the case waits for are exactly the ones the runtime holds for it.
    const held = sim
      .pendingTimers()
      .filter((t) => t.caseId === record.id)
      .map((t) => t.timerId);
    expect(held.sort()).toEqual(Object.keys(ctx.timers).sort());
    if (ctx.status !== 'open') {
      expectNothingLeftBehind(record.effects);
      expect(held).toEqual([]);
      expect(view.openTasks).toEqual([]);
    } else {
      expectConsistentContext(ctx);
      // The machine's state and the context agree: every node the case waits at is active.
      for (const nodeId of Object.keys(ctx.visits)) expect(view.activeNodes).toContain(nodeId);
      // An open case always waits for something: otherwise it could never move again.
      expect(Object.keys(ctx.visits).length, `open case ${record.id} waits for nothing`).toBeGreaterThan(0);
    }
  }
}

/**
 * Bookkeeping of an open case agrees with itself: each running clock has its breach timer,
 * stopped or paused clocks have none, every SLA timer belongs to its clock, and open tasks
 * and task visits point at each other.
 */
function expectConsistentContext(ctx: CaseSnapshot['context']): void {
  for (const [slaId, sla] of Object.entries(ctx.slas)) {
    const running = sla.status === 'running' || sla.status === 'warning';
    if (running)
      expect(sla.breachTimer && ctx.timers[sla.breachTimer], `breach timer of ${slaId}`).toBeTruthy();
    if (!running && sla.status !== 'breached') {
      expect([...sla.warnTimers, sla.breachTimer], `timers of ${sla.status} ${slaId}`).toEqual([null]);
    }
  }
  for (const [timerId, timer] of Object.entries(ctx.timers)) {
    if (!timer.slaId) continue;
    const sla = ctx.slas[timer.slaId];
    expect([...(sla?.warnTimers ?? []), sla?.breachTimer], `owner of ${timerId}`).toContain(timerId);
  }
  for (const task of Object.values(ctx.tasks)) {
    const visit = ctx.visits[task.nodeId];
    if (task.kind === 'task') expect(visit?.taskId, `visit of ${task.taskId}`).toBe(task.taskId);
    else expect(visit?.approvalId, `visit of ${task.taskId}`).toBe(task.approvalId);
  }
  for (const [nodeId, visit] of Object.entries(ctx.visits)) {
    if (visit.kind === 'task') expect(ctx.tasks[visit.taskId ?? ''], `task of ${nodeId}`).toBeDefined();
  }
}

/** Every task a case created ended: completed, cancelled, or escalated into a successor. */
function expectNothingLeftBehind(effects: readonly Effect[]): void {
  const created: string[] = [];
  const ended = new Set<string>();
  for (const e of effects) {
    if (e.type === 'task.create') created.push(e.task.taskId);
    if (e.type === 'task.escalate') {
      created.push(e.task.taskId);
      ended.add(e.taskId);
    }
    if (e.type === 'task.cancel') ended.add(e.taskId);
    if (e.type === 'audit' && e.entry.type === 'task.completed') ended.add(String(e.entry.data.taskId));
  }
  expect(created.filter((id) => !ended.has(id))).toEqual([]);
}

/** Plays the case out: approve, pick first outcomes, answer calls, signal, let time pass. */
function drain(sim: CheckedSimulator, caseId: string): void {
  for (let round = 0; round < 200 && sim.case(caseId).snapshot.context.status === 'open'; round++) {
    const [first] = openTasks(sim);
    const [call] = sim.pendingHttp.keys();
    if (first) {
      const outcome = first.task.kind === 'approval' ? 'approve' : first.task.outcomes[0]!;
      sim.send(first.caseId, { type: 'task.complete', taskId: first.task.taskId, outcome, values: {} });
    } else if (call) sim.respond(call, { ok: true, status: 200, result: {} });
    else {
      const waiting = Object.values(sim.case(caseId).snapshot.context.visits).find((v) => v.kind === 'wait');
      if (waiting?.signal) sim.signal(caseId, waiting.signal);
      else sim.advance(STEPS[5]!);
    }
    checkCases(sim);
  }
}

describe('engine properties', () => {
  it('random valid flows validate without errors and compile to the same config twice', () => {
    fc.assert(
      fc.property(flowArbitrary(40), (flow) => {
        expect(validateFlow(flow).filter((p) => p.severity === 'error')).toEqual([]);
        const first = compileFlow(flow, { calendars: [GEN_CALENDAR] });
        const second = compileFlow(json(flow), { calendars: [GEN_CALENDAR] });
        expect(JSON.stringify(second.config)).toBe(JSON.stringify(first.config));
        expect(json(first.config)).toEqual(first.config);
      }),
      { numRuns: 60 },
    );
  }, 60_000);

  it('random event sequences keep every case in states of its machine, and restore from JSON alike', () => {
    fc.assert(
      fc.property(
        flowArbitrary(25),
        inputArb,
        fc.array(commandArb, { maxLength: 40 }),
        (flow, input, commands) => {
          const { sim, caseId } = setup(flow, input);
          checkCases(sim);
          for (const command of commands) {
            run(sim, caseId, command);
            checkCases(sim);
          }
        },
      ),
      { numRuns: 50 },
    );
  }, 60_000);

  it('every case played out ends, with every task it created settled and no timer left', () => {
    fc.assert(
      fc.property(
        flowArbitrary(25),
        inputArb,
        fc.array(commandArb, { maxLength: 10 }),
        (flow, input, commands) => {
          const { sim, caseId } = setup(flow, input);
          for (const command of commands) run(sim, caseId, command);
          drain(sim, caseId);
          expect(sim.case(caseId).snapshot.context.status).not.toBe('open');
        },
      ),
      { numRuns: 50 },
    );
  }, 60_000);

  it('the simulator registers every timer a step schedules before it feeds follow-up events', () => {
    // start → approval (2 listed approvers, quorum 3, SLA) → rejected → end. Entering the
    // approval schedules the SLA timers after approval.request; the follow-up
    // approval.assigned rejects at once (2 voters cannot reach 3) and cancels those timers.
    const flow: FlowDefinitionInput = {
      key: 'quorum-too-high',
      name: 'Quorum too high',
      nodes: [
        { id: 'start', type: 'start' },
        {
          id: 'approve',
          type: 'approval',
          approvers: { users: ['ann', 'bob'] },
          policy: { kind: 'quorum', count: 3 },
          sla: { target: 'P1D', warnAt: [0.5] },
        },
        { id: 'rejected', type: 'end', outcome: 'rejected' },
        { id: 'approved', type: 'end', outcome: 'resolved' },
      ],
      edges: [
        { from: 'start', to: 'approve' },
        { from: 'approve', to: 'approved', on: 'approved' },
        { from: 'approve', to: 'rejected', on: 'rejected' },
      ],
    };
    const compiled = compileFlow(flow);
    const sim = new Simulator({ flows: { [flow.key]: compiled }, now: MONDAY_9 });
    const id = sim.open(flow.key);
    expect(sim.view(id).status).toBe('rejected');
    expect(sim.case(id).snapshot.context.timers).toEqual({});
    expect(sim.pendingTimers()).toEqual([]);
  });

  it('a timer waits until `now() + duration(...)`: now() is a FEEL date and time', () => {
    const flow: FlowDefinitionInput = {
      key: 'until-now',
      name: 'Until now plus two hours',
      nodes: [
        { id: 'start', type: 'start' },
        { id: 'later', type: 'timer', until: 'now() + duration("PT2H")' },
        { id: 'done', type: 'end' },
      ],
      edges: [
        { from: 'start', to: 'later' },
        { from: 'later', to: 'done' },
      ],
    };
    const sim = new Simulator({ flows: { [flow.key]: compileFlow(flow) }, now: MONDAY_9 });
    const id = sim.open(flow.key);
    expect(sim.pendingTimers().map((t) => t.at)).toEqual([MONDAY_9 + 2 * 60 * MINUTE]);
    sim.advance('PT1H');
    expect(sim.view(id).status).toBe('open');
    sim.advance('PT1H');
    expect(sim.view(id).status).toBe('resolved');
  });

  it('a breached task SLA stops as breached, with its elapsed time, when the task completes', () => {
    const flow: FlowDefinitionInput = {
      key: 'late-task',
      name: 'Late task',
      nodes: [
        { id: 'start', type: 'start' },
        {
          id: 'work',
          type: 'task',
          title: 'Work',
          outcomes: ['done'],
          sla: { target: 'PT1H', onBreach: 'notify' },
        },
        { id: 'end', type: 'end' },
      ],
      edges: [
        { from: 'start', to: 'work' },
        { from: 'work', to: 'end', on: 'done' },
      ],
    };
    const sim = new Simulator({ flows: { [flow.key]: compileFlow(flow) }, now: MONDAY_9 });
    const id = sim.open(flow.key);
    sim.advance('PT2H');
    sim.complete(sim.task('work').taskId, 'done');
    const stops = sim.case(id).effects.filter((e) => e.type === 'sla.stop');
    expect(stops).toEqual([
      {
        type: 'sla.stop',
        slaId: `${id}.t1.sla`,
        at: MONDAY_9 + 2 * 60 * MINUTE,
        status: 'breached',
        elapsedMs: 2 * 60 * MINUTE,
      },
    ]);
  });

  it('generates the same flow from the same size and seed', () => {
    expect(generateFlow(50, 7)).toEqual(generateFlow(50, 7));
    expect(generateFlow(50, 7)).not.toEqual(generateFlow(50, 8));
  });
});
