import {
  CaseInput,
  type CaseInputInit,
  type CaseView,
  type Effect,
  type EngineEvent,
} from '@caseflow/schema';
import { initialTransition, transition } from 'xstate';
import type { CompiledFlow } from './compile-flow';
import { EngineError } from './engine-error';
import { surfaceBudgetError } from './feel-budget';
import { type CaseContext, withinStep } from './machine/case-context';
import { shownSlaStatus } from './machine/sla-clock';

/** A persisted case: plain JSON, safe to store and to restore in another process. */
export interface CaseSnapshot {
  status: string;
  value: unknown;
  context: CaseContext;
}

export interface StepResult {
  snapshot: CaseSnapshot;
  /** What the runtime must do, in order; nothing has been executed. */
  effects: Effect[];
}

type AnyActions = ReadonlyArray<{ type: string; params?: unknown }>;

function result(
  snapshot: { status: string; value: unknown; context: unknown },
  actions: AnyActions,
): StepResult {
  const effects: Effect[] = [];
  for (const action of actions) if (action.type === 'effects') effects.push(...(action.params as Effect[]));
  return {
    snapshot: { status: snapshot.status, value: snapshot.value, context: snapshot.context as CaseContext },
    effects,
  };
}

/**
 * Opens a case: the first snapshot and the effects of running up to the first wait. Pure.
 * Throws ExpressionBudgetError (with the node) when an expression goes over its budget.
 */
export function start(compiled: CompiledFlow, input: CaseInputInit, now: number): StepResult {
  return withinStep(() =>
    surfaceBudgetError(() => {
      const [boot] = initialTransition(compiled.machine, { input: CaseInput.parse(input), now });
      const [snapshot, actions] = transition(compiled.machine, boot, { type: 'case.start' });
      return result(snapshot, actions as AnyActions);
    }),
  );
}

/** Events produced by the runtime's own machinery: a stale or repeated one is a no-op. */
const INTERNAL = new Set(['timer.fire', 'http.result', 'subflow.done', 'approval.assigned']);

/**
 * Feeds one event to a case. Pure: built on XState's `transition`, restoring the snapshot,
 * never keeping an actor. Throws EngineError when the case cannot take the event (with what
 * it accepts now); stale timers and repeated results give the same snapshot and no effects.
 * Throws ExpressionBudgetError (with the node) when an expression goes over its budget: the
 * snapshot passed in stays the case's state.
 */
export function step(
  compiled: CompiledFlow,
  snapshot: CaseSnapshot,
  event: EngineEvent,
  now: number,
): StepResult {
  const context = snapshot.context;
  if (context.status !== 'open') {
    if (INTERNAL.has(event.type)) return { snapshot, effects: [] };
    throw new EngineError('case-closed', `the case is ${context.status}`);
  }
  const accepted = admit(context, event);
  if (accepted === null) return { snapshot, effects: [] };
  const resolved = compiled.machine.resolveState({
    value: snapshot.value as never,
    context: { ...context, now },
  });
  return withinStep(() =>
    surfaceBudgetError(() => {
      const [next, actions] = transition(compiled.machine, resolved, accepted);
      return result(next, actions as AnyActions);
    }),
  );
}

/**
 * Checks an event against the case's open work before it reaches the machine: unknown tasks,
 * outcomes a task does not offer, signals nobody waits for. Answers the event to run (a
 * completed approval task becomes a vote), or null for a stale internal event.
 */
function admit(ctx: CaseContext, event: EngineEvent): EngineEvent | null {
  switch (event.type) {
    case 'task.complete': {
      const task = ctx.tasks[event.taskId];
      if (!task) throw new EngineError('unknown-task', `task ${event.taskId} is not open`, allowed(ctx));
      if (!task.outcomes.includes(event.outcome)) {
        throw new EngineError(
          'invalid-outcome',
          `"${event.outcome}" is not an outcome of task ${event.taskId}; choose one of ${task.outcomes.join(', ')}`,
          task.outcomes,
        );
      }
      if (task.kind === 'approval') {
        const voter = event.actor ?? task.assignee ?? 'unknown';
        return {
          type: 'approval.vote',
          taskId: task.taskId,
          vote: event.outcome as 'approve' | 'reject',
          voter,
        };
      }
      return event;
    }
    case 'task.escalate': {
      const task = ctx.tasks[event.taskId];
      if (!task) throw new EngineError('unknown-task', `task ${event.taskId} is not open`, allowed(ctx));
      if (task.kind !== 'task') {
        throw new EngineError(
          'event-not-allowed',
          'approval tasks are delegated, not escalated',
          allowed(ctx),
        );
      }
      return event;
    }
    case 'approval.vote': {
      const task = ctx.tasks[event.taskId];
      if (task?.kind !== 'approval') {
        throw new EngineError('unknown-task', `approval task ${event.taskId} is not open`, allowed(ctx));
      }
      return event;
    }
    case 'signal': {
      const waiting = Object.values(ctx.visits).some((v) => v.kind === 'wait' && v.signal === event.name);
      if (!waiting)
        throw new EngineError('event-not-allowed', `no step waits for signal "${event.name}"`, allowed(ctx));
      return event;
    }
    case 'timer.fire':
      return ctx.timers[event.timerId] ? event : null;
    case 'http.result':
      return Object.values(ctx.visits).some((v) => v.callId === event.callId) ? event : null;
    case 'subflow.done':
      return Object.values(ctx.visits).some((v) => v.childId === event.childId) ? event : null;
    case 'approval.assigned': {
      const approval = ctx.approvals[event.approvalId];
      return approval && approval.approvers === null ? event : null;
    }
    default:
      return event;
  }
}

function allowed(ctx: CaseContext): string[] {
  const out: string[] = [];
  for (const task of Object.values(ctx.tasks)) {
    if (task.kind === 'approval') out.push(`approval.vote:${task.taskId}`);
    else out.push(`task.complete:${task.taskId}`, `task.escalate:${task.taskId}`);
  }
  for (const visit of Object.values(ctx.visits))
    if (visit.kind === 'wait') out.push(`signal:${visit.signal}`);
  if (ctx.status === 'open') out.push('case.event', 'case.cancel');
  return out;
}

/** What the case accepts now, as `type` or `type:subject` strings. Pure. */
export function allowedEvents(_compiled: CompiledFlow, snapshot: CaseSnapshot): string[] {
  return allowed(snapshot.context);
}

function leaves(value: unknown, out: string[]): string[] {
  if (typeof value === 'string') out.push(value);
  else if (value && typeof value === 'object') for (const child of Object.values(value)) leaves(child, out);
  return out;
}

/** The case as the runtime and designer show it, read off a snapshot. Pure. */
export function inspect(compiled: CompiledFlow, snapshot: CaseSnapshot): CaseView {
  const ctx = snapshot.context;
  const open = ctx.status === 'open';
  return {
    status: ctx.status,
    activeNodes: open ? leaves(snapshot.value, []).filter((id) => compiled.env.byId.has(id)) : [],
    variables: ctx.vars,
    results: ctx.results,
    openTasks: Object.values(ctx.tasks),
    slas: Object.entries(ctx.slas).map(([slaId, s]) => ({
      slaId,
      scope: s.scope,
      taskId: s.taskId,
      status: shownSlaStatus(s),
      target: s.target,
      calendar: s.calendar,
      dueAt: s.dueAt,
      elapsedMs: s.elapsedMs,
    })),
  };
}
