import type { EffectOf, TaskSpec } from '@caseflow/schema';
import type { NewTask } from '../store/store';
import type { CaseSession, LiveCase } from './case-session';

type TaskEffect = EffectOf<'task.create' | 'task.cancel' | 'task.escalate' | 'approval.request'>;

/** A task row from the engine's spec. The engine's ids are already unique (`${caseId}.t1`). */
export function taskRow(caseId: string, spec: TaskSpec, now: number): NewTask {
  return {
    id: spec.taskId,
    caseId,
    taskKey: spec.taskId,
    nodeId: spec.nodeId,
    kind: spec.kind,
    title: spec.title,
    status: 'open',
    tier: spec.tier,
    group: spec.group,
    assignee: spec.assignee,
    outcomes: spec.outcomes,
    form: spec.form ?? null,
    approvalId: spec.approvalId ?? null,
    dueAt: spec.dueAt,
    createdAt: now,
  };
}

/**
 * Task effects: create (row, status open), cancel (open/claimed → cancelled), escalate (old
 * → escalated, successor created on the next tier) and approval.request, whose approvers the
 * runtime resolves (members of the group ∪ listed users) and answers with `approval.assigned`
 * in the same transaction.
 */
export async function applyTaskEffect(
  session: CaseSession,
  live: LiveCase,
  effect: TaskEffect,
  actor: string,
): Promise<void> {
  const { tx, now } = session;
  const caseId = live.row.id;
  switch (effect.type) {
    case 'task.create': {
      const created = await tx.tasks.insert(taskRow(caseId, effect.task, now));
      session.record(live, {
        type: 'task.created',
        actor,
        nodeId: effect.task.nodeId,
        data: taskData(effect.task),
      });
      await session.ctx.router?.taskCreated(session, live, created);
      return;
    }
    case 'task.cancel': {
      const task = await tx.tasks.getByKey(caseId, effect.taskId);
      if (!task || (task.status !== 'open' && task.status !== 'claimed')) return;
      await tx.tasks.update(task.id, { status: 'cancelled', closedAt: now, updatedAt: now });
      await session.ctx.router?.taskClosed(session, task);
      session.record(live, {
        type: 'task.cancelled',
        actor,
        nodeId: task.nodeId,
        data: { taskId: task.id, group: task.group, reason: effect.reason },
      });
      return;
    }
    case 'task.escalate': {
      const old = await tx.tasks.getByKey(caseId, effect.taskId);
      if (old && (old.status === 'open' || old.status === 'claimed')) {
        await tx.tasks.update(old.id, { status: 'escalated', closedAt: now, updatedAt: now });
        await session.ctx.router?.taskClosed(session, old);
      }
      const successor = await tx.tasks.insert(taskRow(caseId, effect.task, now));
      session.record(live, {
        type: 'task.escalated',
        actor,
        nodeId: effect.task.nodeId,
        data: {
          taskId: effect.taskId,
          successor: effect.task.taskId,
          fromTier: effect.fromTier,
          toTier: effect.toTier,
          group: effect.task.group,
          reason: effect.reason,
        },
      });
      // The successor joins its tier's queue after the escalation is on the timeline.
      await session.ctx.router?.taskCreated(session, live, successor);
      return;
    }
    case 'approval.request': {
      const members = effect.group ? await tx.users.membersOf(effect.group) : [];
      const approvers = [...new Set([...members, ...effect.users])].sort();
      if (approvers.length === 0) {
        session.ctx.logger.warn(
          { caseId, nodeId: effect.nodeId, group: effect.group },
          'approval has nobody to approve it; the engine decides on an empty panel',
        );
      }
      session.enqueue(
        caseId,
        { type: 'approval.assigned', approvalId: effect.approvalId, approvers },
        actor,
        false,
      );
      return;
    }
  }
}

function taskData(task: TaskSpec): Record<string, unknown> {
  return {
    taskId: task.taskId,
    kind: task.kind,
    title: task.title,
    tier: task.tier,
    group: task.group,
    assignee: task.assignee,
  };
}
