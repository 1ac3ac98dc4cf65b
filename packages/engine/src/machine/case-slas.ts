import type { CaseSla } from '@caseflow/schema';
import type { Draft } from './case-context';
import type { FlowEnv } from './flow-env';
import { onSlaTimer, pauseSla, pendingSla, resumeSla, type SlaSpec, startSla, stopSla } from './sla-clock';
import { escalateTask } from './task-work';

/**
 * Case-level SLA clocks start, stop and pause on named case events ("case.opened",
 * "case.firstResponse"...) and on entering nodes; they pause while the case sits at a pause
 * node. Each clock runs at most once.
 */
function spec(env: FlowEnv, sla: CaseSla): SlaSpec {
  return {
    scope: 'case',
    defId: sla.id,
    taskId: null,
    target: sla.target,
    calendar: sla.calendar ?? env.def.calendar,
    warnAt: sla.warnAt,
  };
}

function begin(d: Draft, env: FlowEnv, sla: CaseSla): void {
  if (d.ctx.slas[sla.id]?.status === 'pending') startSla(d, env, sla.id, spec(env, sla));
}

/** Registers every case SLA as pending and starts those that start when the case opens. */
export function openCaseSlas(d: Draft, env: FlowEnv): void {
  for (const sla of env.def.slas) d.ctx.slas[sla.id] = pendingSla(spec(env, sla));
  caseEventForSlas(d, env, 'case.opened');
}

/** A named case event happened: start or stop the clocks that listen for it. */
export function caseEventForSlas(d: Draft, env: FlowEnv, name: string): void {
  for (const sla of env.def.slas) {
    if (sla.start.event === name) begin(d, env, sla);
    if (sla.stop.event === name) stopSla(d, env, sla.id);
  }
}

/** The case entered `nodeId`. */
export function enterNodeForSlas(d: Draft, env: FlowEnv, nodeId: string): void {
  for (const sla of env.def.slas) {
    if (sla.start.atNodes?.includes(nodeId)) begin(d, env, sla);
    if (sla.stop.atNodes?.includes(nodeId)) stopSla(d, env, sla.id);
    else if (sla.pause?.atNodes.includes(nodeId)) pauseSla(d, env, sla.id);
  }
}

/** The case left `nodeId`: clocks paused there run again. */
export function leaveNodeForSlas(d: Draft, env: FlowEnv, nodeId: string): void {
  for (const sla of env.def.slas) {
    if (sla.pause?.atNodes.includes(nodeId)) resumeSla(d, env, sla.id, sla.warnAt);
  }
}

/**
 * The case closed: every clock still running stops — met, or breached if it was; a cancelled
 * case's are cancelled (work nobody finished met no promise, and compliance must not count it).
 */
export function closeCaseSlas(d: Draft, env: FlowEnv, cancelled = false): void {
  for (const slaId of Object.keys(d.ctx.slas)) stopSla(d, env, slaId, cancelled);
}

function warnAtOf(env: FlowEnv, d: Draft, slaId: string): readonly number[] {
  const sla = d.ctx.slas[slaId];
  if (!sla) return [];
  if (sla.scope === 'case') return env.def.slas.find((s) => s.id === sla.defId)?.warnAt ?? [];
  const node = env.byId.get(sla.defId);
  return node && (node.type === 'task' || node.type === 'approval') ? (node.sla?.warnAt ?? []) : [];
}

/**
 * A timer fired at case level: SLA warnings and breaches. On breach a case SLA escalates
 * every open task and notifies its recipients; a task SLA escalates its task or notifies, as
 * its node says (the `edge` variant is a transition of the node itself). Timers of nodes the
 * case has left are stale and ignored.
 */
export function slaTimerFired(d: Draft, env: FlowEnv, timerId: string): void {
  const timer = d.ctx.timers[timerId];
  if (!timer) return;
  delete d.ctx.timers[timerId];
  if (timer.purpose === 'node' || !timer.slaId) return;
  const slaId = timer.slaId;
  if (onSlaTimer(d, env, slaId, timer.purpose, warnAtOf(env, d, slaId)) !== 'breach') return;
  const sla = d.ctx.slas[slaId]!;
  if (sla.scope === 'case') {
    const def = env.def.slas.find((s) => s.id === sla.defId);
    if (def?.onBreach.escalate) {
      for (const task of Object.values(d.ctx.tasks)) {
        if (task.kind === 'task') escalateTask(d, env, task.taskId, `case SLA "${def.id}" breached`);
      }
    }
    d.notify(def?.onBreach.notify ?? [], 'sla-breached', null, { slaId, scope: 'case' });
    return;
  }
  const node = env.byId.get(sla.defId);
  if (!node || (node.type !== 'task' && node.type !== 'approval') || !node.sla) return;
  notifyTaskBreach(d, env, slaId);
  if (node.type === 'task' && node.sla.onBreach === 'escalate' && sla.taskId) {
    escalateTask(d, env, sla.taskId, 'SLA breached');
  }
}

/**
 * Tells whom a breached task or approval SLA names (`notify`); with `onBreach: "notify"` and
 * nobody named, the group that holds the work. Escalation and the breach edge come on top.
 */
export function notifyTaskBreach(d: Draft, env: FlowEnv, slaId: string): void {
  const sla = d.ctx.slas[slaId];
  const node = sla ? env.byId.get(sla.defId) : undefined;
  if (!sla || !node || (node.type !== 'task' && node.type !== 'approval') || !node.sla) return;
  const named = node.sla.notify;
  const recipients =
    named.length > 0 || node.sla.onBreach !== 'notify' ? named : defaultRecipients(env, node.id);
  d.notify(recipients, 'sla-breached', node.id, { slaId, taskId: sla.taskId });
}

function defaultRecipients(env: FlowEnv, nodeId: string): string[] {
  const node = env.byId.get(nodeId);
  if (node?.type === 'approval' && node.approvers.group) return [`group:${node.approvers.group}`];
  if (node?.type === 'task') {
    const group = env.def.tiers.find((t) => t.id === node.assign.tier)?.group ?? node.assign.group;
    return group ? [`group:${group}`] : ['assignee'];
  }
  return ['assignee'];
}
