import type { CaseInputInit, CaseView, Effect, EffectOf, EngineEvent, TaskSpec } from '@caseflow/schema';
import type { CompiledFlow } from './compile-flow';
import { durationMs } from './duration';
import { type CaseSnapshot, inspect, start, step } from './run-case';

/**
 * An in-memory runtime for compiled flows: it carries out effects the way the real runtime
 * does (timers on a simulated clock, approvers, subflow children, HTTP answers) but keeps
 * everything in memory. The designer's simulator runs on it in the browser; engine tests and
 * property tests drive example flows through it. Deterministic: time only moves by `advance`.
 */
export interface SimulatorOptions {
  flows: Record<string, CompiledFlow>;
  now: number;
  /** Who votes on an approval (default: the listed users, else three members of the group). */
  approvers?: (request: EffectOf<'approval.request'>) => string[];
  /** Answers HTTP actions at once; without it calls stay pending until `respond`. */
  http?: (call: EffectOf<'http.call'>) => { ok: boolean; status?: number; result?: unknown };
  env?: Record<string, string>;
}

export interface SimCase {
  id: string;
  flow: string;
  snapshot: CaseSnapshot;
  parent: { caseId: string; childId: string } | null;
  /** Every effect of this case in order: the simulator's timeline. */
  effects: Effect[];
}

const defaultApprovers = (r: EffectOf<'approval.request'>) =>
  r.users.length > 0 ? r.users : r.group ? [1, 2, 3].map((i) => `${r.group}-${i}`) : [];

export class Simulator {
  now: number;
  readonly cases = new Map<string, SimCase>();
  readonly pendingHttp = new Map<string, { caseId: string; call: EffectOf<'http.call'> }>();
  private readonly timers = new Map<string, { caseId: string; at: number }>();
  private counter = 0;
  private followUps: Array<() => void> | null = null;

  constructor(private readonly options: SimulatorOptions) {
    this.now = options.now;
  }

  /** Opens a case of `flow`; answers its id. */
  open(flow: string, input: Omit<CaseInputInit, 'caseId'> = {}, parent: SimCase['parent'] = null): string {
    const compiled = this.compiled(flow);
    this.counter += 1;
    const id = parent ? `${parent.childId}` : `case-${this.counter}`;
    const result = start(compiled, { env: this.options.env ?? {}, ...input, caseId: id }, this.now);
    const record: SimCase = { id, flow, snapshot: result.snapshot, parent, effects: [] };
    this.cases.set(id, record);
    this.apply(record, result.effects);
    return id;
  }

  /** Feeds one event to a case and carries out its effects; throws EngineError as step does. */
  send(caseId: string, event: EngineEvent): Effect[] {
    const record = this.case(caseId);
    const result = step(this.compiled(record.flow), record.snapshot, event, this.now);
    record.snapshot = result.snapshot;
    this.apply(record, result.effects);
    return result.effects;
  }

  complete(taskId: string, outcome: string, values: Record<string, unknown> = {}, actor = 'agent'): Effect[] {
    return this.send(this.caseOfTask(taskId), { type: 'task.complete', taskId, outcome, values, actor });
  }

  escalate(taskId: string, reason = 'needs help'): Effect[] {
    return this.send(this.caseOfTask(taskId), { type: 'task.escalate', taskId, reason });
  }

  signal(caseId: string, name: string, data?: unknown): Effect[] {
    return this.send(caseId, { type: 'signal', name, data });
  }

  /** Answers a pending HTTP call. */
  respond(callId: string, answer: { ok: boolean; status?: number; result?: unknown }): Effect[] {
    const pending = this.pendingHttp.get(callId);
    if (!pending) throw new Error(`no pending call ${callId}`);
    this.pendingHttp.delete(callId);
    return this.send(pending.caseId, { type: 'http.result', callId, ...answer });
  }

  /** Moves the clock by an ISO duration or milliseconds, firing due timers in order. */
  advance(by: string | number): void {
    const until = this.now + (typeof by === 'number' ? by : durationMs(by));
    for (;;) {
      const next = [...this.timers.entries()]
        .filter(([, t]) => t.at <= until)
        .sort((a, b) => a[1].at - b[1].at || (a[0] < b[0] ? -1 : 1))[0];
      if (!next) break;
      const [timerId, timer] = next;
      this.timers.delete(timerId);
      this.now = Math.max(this.now, timer.at);
      this.send(timer.caseId, { type: 'timer.fire', timerId });
    }
    this.now = until;
  }

  view(caseId: string): CaseView {
    const record = this.case(caseId);
    return inspect(this.compiled(record.flow), record.snapshot);
  }

  /** Open tasks of one case, or of every case. */
  tasks(caseId?: string): TaskSpec[] {
    const ids = caseId ? [caseId] : [...this.cases.keys()];
    return ids.flatMap((id) => this.view(id).openTasks);
  }

  /** The one open task of `nodeId` (throws when there is none or several: a test mistake). */
  task(nodeId: string): TaskSpec {
    const found = this.tasks().filter((t) => t.nodeId === nodeId);
    if (found.length !== 1) throw new Error(`expected one open task at "${nodeId}", found ${found.length}`);
    return found[0]!;
  }

  pendingTimers(): Array<{ timerId: string; caseId: string; at: number }> {
    return [...this.timers.entries()].map(([timerId, t]) => ({ timerId, ...t }));
  }

  case(caseId: string): SimCase {
    const record = this.cases.get(caseId);
    if (!record) throw new Error(`no case ${caseId}`);
    return record;
  }

  private compiled(flow: string): CompiledFlow {
    const compiled = this.options.flows[flow];
    if (!compiled) throw new Error(`flow "${flow}" is not loaded`);
    return compiled;
  }

  private caseOfTask(taskId: string): string {
    for (const [id] of this.cases) if (this.view(id).openTasks.some((t) => t.taskId === taskId)) return id;
    throw new Error(`no open task ${taskId}`);
  }

  /**
   * Carries out effects the way the runtime does. Follow-up events (approvers resolved, HTTP
   * answered, a child case done) wait until every effect of this step is applied, so that a
   * follow-up that cancels a timer never runs before the timer was registered.
   */
  private apply(record: SimCase, effects: Effect[]): void {
    const outermost = this.followUps === null;
    if (outermost) this.followUps = [];
    this.applyNow(record, effects);
    if (!outermost) return;
    try {
      for (let next = this.followUps?.shift(); next; next = this.followUps?.shift()) next();
    } finally {
      this.followUps = null;
    }
  }

  private later(fn: () => void): void {
    this.followUps?.push(fn);
  }

  private applyNow(record: SimCase, effects: Effect[]): void {
    record.effects.push(...effects);
    for (const effect of effects) {
      switch (effect.type) {
        case 'timer.schedule':
          this.timers.set(effect.timerId, { caseId: record.id, at: effect.at });
          break;
        case 'timer.cancel':
          this.timers.delete(effect.timerId);
          break;
        case 'approval.request': {
          const approvers = (this.options.approvers ?? defaultApprovers)(effect);
          this.later(() =>
            this.send(record.id, { type: 'approval.assigned', approvalId: effect.approvalId, approvers }),
          );
          break;
        }
        case 'http.call':
          if (this.options.http) {
            const answer = this.options.http(effect);
            this.later(() => this.send(record.id, { type: 'http.result', callId: effect.callId, ...answer }));
          } else {
            this.pendingHttp.set(effect.callId, { caseId: record.id, call: effect });
          }
          break;
        case 'subflow.start':
          this.later(() =>
            this.open(
              effect.flow,
              { variables: effect.input, customerId: record.snapshot.context.customerId },
              {
                caseId: record.id,
                childId: effect.childId,
              },
            ),
          );
          break;
        case 'case.close':
          if (record.parent) {
            const parent = record.parent;
            const result = record.snapshot.context.vars.result ?? effect.outcome;
            this.later(() =>
              this.send(parent.caseId, {
                type: 'subflow.done',
                childId: parent.childId,
                outcome: effect.outcome,
                result,
              }),
            );
          }
          break;
        default:
          break;
      }
    }
  }
}
