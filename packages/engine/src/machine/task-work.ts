import type { NodeOf, TaskSpec, Tier } from '@caseflow/schema';
import { dueAt } from '../business-calendar';
import { type Draft, renderText } from './case-context';
import { calendarFor, type FlowEnv, nodeOf } from './flow-env';
import { startSla, stopSla } from './sla-clock';

/** The SLA id of a task: one clock per task, so an escalated successor starts afresh. */
export const taskSlaId = (taskId: string) => `${taskId}.sla`;

function tierById(env: FlowEnv, id: string | undefined): Tier | undefined {
  return id === undefined ? undefined : env.def.tiers.find((t) => t.id === id);
}

/** A new task of a task node on `tier` (or the node's own assignment), not yet announced. */
function buildTask(d: Draft, env: FlowEnv, node: NodeOf<'task'>, tier: Tier | undefined): TaskSpec {
  const taskId = d.nextId('t');
  const sla = node.sla;
  const calendar = sla?.calendar ?? env.def.calendar;
  const task: TaskSpec = {
    taskId,
    nodeId: node.id,
    kind: 'task',
    title: renderText(d, node.title),
    tier: tier?.id ?? null,
    group: tier?.group ?? node.assign.group ?? null,
    assignee: tier ? null : (node.assign.user ?? null),
    outcomes: node.outcomes,
    dueAt: sla ? dueAt(calendarFor(env, calendar), d.now, sla.target) : null,
  };
  if (node.form) task.form = node.form;
  return task;
}

function startTaskSla(d: Draft, env: FlowEnv, node: NodeOf<'task'>, task: TaskSpec): void {
  if (!node.sla) return;
  startSla(d, env, taskSlaId(task.taskId), {
    scope: 'task',
    defId: node.id,
    taskId: task.taskId,
    target: node.sla.target,
    calendar: node.sla.calendar ?? env.def.calendar,
    warnAt: node.sla.warnAt,
  });
}

/** Opens the task of a task node on its first tier; answers its id. */
export function openTask(d: Draft, env: FlowEnv, node: NodeOf<'task'>): string {
  const task = buildTask(d, env, node, tierById(env, node.assign.tier));
  d.ctx.tasks[task.taskId] = task;
  d.emit({ type: 'task.create', task });
  startTaskSla(d, env, node, task);
  return task.taskId;
}

/**
 * Moves a task one tier up: the task ends as escalated and a successor with a fresh SLA opens
 * on the next tier's group. On the top tier (or without tiers) it cannot move, so the
 * escalation notifies the task's group instead. Answers the id of
 * the task that is open afterwards.
 */
export function escalateTask(d: Draft, env: FlowEnv, taskId: string, reason: string): string {
  const task = d.ctx.tasks[taskId];
  if (!task) return taskId;
  const node = nodeOf(env, task.nodeId, 'task');
  const tiers = env.def.tiers;
  const at = tiers.findIndex((t) => t.id === task.tier);
  const next = at >= 0 ? tiers[at + 1] : undefined;
  if (!next) {
    // A breach tells the SLA's own recipients itself; this tells the holders of the work.
    d.notify([task.group ? `group:${task.group}` : 'assignee'], 'escalation-top-tier', node.id, {
      taskId,
      title: task.title,
      tier: task.tier,
      reason,
    });
    d.audit('task.escalation-capped', { taskId, tier: task.tier, reason }, node.id);
    return taskId;
  }
  stopSla(d, env, taskSlaId(taskId), true);
  delete d.ctx.tasks[taskId];
  const successor = buildTask(d, env, node, next);
  d.ctx.tasks[successor.taskId] = successor;
  d.emit({ type: 'task.escalate', taskId, task: successor, fromTier: task.tier, toTier: next.id, reason });
  startTaskSla(d, env, node, successor);
  const visit = d.ctx.visits[node.id];
  if (visit) d.ctx.visits[node.id] = { ...visit, taskId: successor.taskId };
  return successor.taskId;
}

/** Closes an open task: completed (its values become the node's result) or cancelled. */
export function closeTask(
  d: Draft,
  env: FlowEnv,
  taskId: string,
  how:
    | { completed: { outcome: string; values: Record<string, unknown>; actor?: string } }
    | { cancelled: string },
): void {
  const task = d.ctx.tasks[taskId];
  if (!task) return;
  delete d.ctx.tasks[taskId];
  if ('completed' in how) {
    const { outcome, values, actor } = how.completed;
    stopSla(d, env, taskSlaId(taskId));
    d.audit('task.completed', { taskId, outcome, values, ...(actor ? { actor } : {}) }, task.nodeId);
  } else {
    stopSla(d, env, taskSlaId(taskId), true);
    d.emit({ type: 'task.cancel', taskId, reason: how.cancelled });
  }
}
