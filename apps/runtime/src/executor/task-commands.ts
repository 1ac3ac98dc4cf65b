import { validateFormValues } from '@caseflow/engine';
import { type FormSchema, isSupervisor, type Task } from '@caseflow/schema';
import type { TaskRow, UserRow } from '../store/store';
import { actingUser, activeUser } from './acting-user';
import { toTask } from './case-resource';
import type { CaseSession } from './case-session';
import { badRequest, conflict, notFound } from './errors';
import type { RuntimeCore } from './runtime-core';
import { delegationRefusal, holdsOtherBallot, votedAlready, workRefusal } from './task-rules';
import type { Actor, CaseRecord } from './types';

const APPROVAL_OUTCOMES = ['approve', 'reject'] as const;

async function openTask(session: CaseSession, taskId: string): Promise<TaskRow> {
  return checkOpen(await session.tx.tasks.get(taskId), taskId);
}

function checkOpen(task: TaskRow | null, taskId: string): TaskRow {
  if (!task) throw notFound('task', taskId);
  if (task.status !== 'open' && task.status !== 'claimed') {
    throw conflict(`task ${taskId} is ${task.status}`, { status: task.status });
  }
  return task;
}

/**
 * The open task with its case loaded into the session, and the acting user, all read in one
 * statement (tasks.getWithCaseAndUser): 404/409 for the task first, then 403 for the user. On
 * PostgreSQL (READ COMMITTED) the task row and the case must come from one snapshot: read by
 * two statements, a completion committed by another process between them would leave the task
 * "open" here but already done in the snapshot, and the engine would answer 404 (unknown
 * task). A task closed before the read is a 409 like any other closed task; one closed after
 * it fails the revision check at commit and the retry answers 409. (When the session already
 * holds the case, this task read is the later one, as consistency needs.)
 */
async function openTaskAs(
  session: CaseSession,
  taskId: string,
  actor: Actor,
): Promise<{ task: TaskRow; user: UserRow }> {
  const both = await session.tx.tasks.getWithCaseAndUser(taskId, actor);
  const task = checkOpen(both?.task ?? null, taskId);
  const user = activeUser(both!.user, actor);
  await session.adopt(both!.case);
  return { task, user };
}

/** The open task `actor` may work (task-rules.ts `workRefusal`), its case in the session. */
async function openTaskToWork(session: CaseSession, taskId: string, actor: Actor): Promise<TaskRow> {
  const { task, user } = await openTaskAs(session, taskId, actor);
  const refusal = workRefusal(user, task);
  if (refusal) throw refusal;
  return task;
}

/** Throws the refusal of task-rules.ts when `actor` may not work `task`. */
async function assertMayWork(session: CaseSession, task: TaskRow, actor: Actor): Promise<void> {
  const refusal = workRefusal(await actingUser(session.tx, actor), task);
  if (refusal) throw refusal;
}

/**
 * Assigns an open task to `user` (idempotent for the holder): 404 unknown, 403 not an active
 * agent of its group, 409 held by another (an approval ballot is always its approver's).
 */
export function claimTask(core: RuntimeCore, taskId: string, user: Actor): Promise<Task> {
  return core.events.run(async (session) => {
    const task = await openTask(session, taskId);
    await assertMayWork(session, task, user);
    const claimed = await session.tx.tasks.claim(taskId, user, session.now);
    if (!claimed)
      throw conflict(`task ${taskId} is held by ${task.assignee ?? 'someone else'}`, {
        assignee: task.assignee,
      });
    await session.ctx.router?.taskTaken(session, claimed, user);
    if (task.assignee !== user || task.status !== 'claimed') {
      const live = await session.require(task.caseId);
      session.record(live, {
        type: 'task.claimed',
        actor: user,
        nodeId: task.nodeId,
        data: { taskId, group: task.group },
      });
    }
    return toTask(claimed);
  });
}

/**
 * Completes a task in one transaction. Only an active agent of its group (or its assignee, or
 * an admin) may (403). A human task needs one of its outcomes (400 with the allowed ones) and
 * form values that pass its form (400 with field errors); an approval task takes `approve` or
 * `reject`, which becomes the actor's `approval.vote` — one vote per person and approval (409
 * when they voted through another ballot already). A task held by someone else is 409.
 */
export function completeTask(
  core: RuntimeCore,
  taskId: string,
  input: { outcome: string; values?: Record<string, unknown>; comment?: string },
  actor: Actor,
): Promise<CaseRecord> {
  return core.events.run(async (session) => {
    const task = await openTaskToWork(session, taskId, actor);
    if (task.assignee !== null && task.assignee !== actor) {
      throw conflict(`task ${taskId} is held by ${task.assignee}`, { assignee: task.assignee });
    }
    const live = await session.require(task.caseId);
    let values: Record<string, unknown> = input.values ?? {};
    if (task.kind === 'approval') {
      const vote = APPROVAL_OUTCOMES.find((o) => o === input.outcome);
      if (!vote)
        throw badRequest(`an approval is answered with approve or reject`, {
          path: 'outcome',
          allowed: APPROVAL_OUTCOMES,
        });
      if (votedAlready(actor, task, await session.tx.tasks.listByCase(task.caseId))) {
        throw conflict(`${actor} has voted on this approval already; one person has one vote`, {
          reason: 'voted',
        });
      }
      await markCompleted(session, task, vote, {}, actor);
      session.record(live, {
        type: 'task.completed',
        actor,
        nodeId: task.nodeId,
        data: { taskId, group: task.group, outcome: vote },
      });
      await session.send(
        task.caseId,
        {
          type: 'approval.vote',
          taskId: task.taskKey,
          vote,
          voter: actor,
          ...(input.comment ? { comment: input.comment } : {}),
        },
        actor,
      );
    } else {
      if (!task.outcomes.includes(input.outcome)) {
        throw badRequest(`"${input.outcome}" is not an outcome of this task`, {
          path: 'outcome',
          allowed: task.outcomes,
        });
      }
      if (task.form) {
        const checked = validateFormValues(task.form as FormSchema, values);
        if (checked.errors.length > 0) {
          throw badRequest('the form has errors', {
            fields: checked.errors.map((e) => ({ ...e, path: `values.${e.field}` })),
          });
        }
        values = checked.values;
      }
      await markCompleted(session, task, input.outcome, values, actor);
      session.record(live, {
        type: 'task.completed',
        actor,
        nodeId: task.nodeId,
        data: {
          taskId,
          group: task.group,
          outcome: input.outcome,
          ...(input.comment ? { comment: input.comment } : {}),
        },
      });
      await session.send(
        task.caseId,
        { type: 'task.complete', taskId: task.taskKey, outcome: input.outcome, values, actor },
        actor,
      );
    }
    return session.committedCase(task.caseId);
  });
}

async function markCompleted(
  session: CaseSession,
  task: TaskRow,
  outcome: string,
  values: Record<string, unknown>,
  actor: Actor,
): Promise<void> {
  await session.tx.tasks.update(task.id, {
    status: 'completed',
    outcome,
    values,
    assignee: task.assignee ?? actor,
    closedAt: session.now,
    updatedAt: session.now,
  });
  await session.ctx.router?.taskClosed(session, task);
}

/**
 * Moves a human task to the next tier on an agent's request (the engine decides where); 403
 * for anyone who may not work the task, 409 naming the holder for a task another agent holds
 * (supervisors and admins excepted), as for completing it.
 */
export function escalateTask(
  core: RuntimeCore,
  taskId: string,
  reason: string,
  actor: Actor,
): Promise<CaseRecord> {
  return core.events.run(async (session) => {
    const { task, user } = await openTaskAs(session, taskId, actor);
    const refusal = workRefusal(user, task);
    if (refusal) throw refusal;
    // A peer could otherwise take a task routing offered to someone else away from them.
    if (task.assignee !== null && task.assignee !== actor && !isSupervisor(user)) {
      throw conflict(`task ${taskId} is held by ${task.assignee}`, { assignee: task.assignee });
    }
    await session.send(task.caseId, { type: 'task.escalate', taskId: task.taskKey, reason, actor }, actor);
    return session.committedCase(task.caseId);
  });
}

/**
 * Hands an open task to another user, with the rules of task-rules.ts `delegationRefusal`: the
 * delegator may work the task (an approval: is its approver or an admin), the delegate is an
 * active agent of the task's group, no customer, and holds no other ballot of the approval.
 * 404 unknown task, 409 not open. Delegating to the current holder changes nothing.
 */
export function delegateTask(core: RuntimeCore, taskId: string, to: string, actor: Actor): Promise<Task> {
  return core.events.run(async (session) => {
    const { tx } = session;
    const task = await openTask(session, taskId);
    const delegator = await actingUser(tx, actor);
    const target = await tx.users.get(to);
    const refusal = delegationRefusal({
      delegator,
      task,
      target,
      to,
      targetHoldsBallot: holdsOtherBallot(to, task, await tx.tasks.listByCase(task.caseId)),
    });
    if (refusal) throw refusal;
    if (task.assignee === to) return toTask(task);
    const updated = await tx.tasks.update(taskId, {
      assignee: to,
      status: 'claimed',
      updatedAt: session.now,
    });
    if (!updated) throw notFound('task', taskId);
    await session.ctx.router?.taskTaken(session, updated, to);
    const live = await session.require(task.caseId);
    session.record(live, {
      type: 'task.delegated',
      actor,
      nodeId: task.nodeId,
      data: { taskId, group: task.group, from: task.assignee, to },
    });
    return toTask(updated);
  });
}

/**
 * The agent holding a task gives it back with a reason (DESIGN §12): it is open again, on the
 * timeline, and routing offers it to the next agent (never to them again). Only the holder may
 * decline (409 naming the holder otherwise; 403 for anyone who may not work it); approval
 * ballots belong to their approver and cannot be declined (409).
 */
export function declineTask(core: RuntimeCore, taskId: string, reason: string, actor: Actor): Promise<Task> {
  return core.events.run(async (session) => {
    const task = await openTaskToWork(session, taskId, actor);
    if (task.kind === 'approval') {
      throw conflict('an approval ballot cannot be declined; delegate it instead', { reason: 'approval' });
    }
    if (task.assignee !== actor) {
      throw conflict(`only the agent holding task ${taskId} can decline it`, { assignee: task.assignee });
    }
    const router = session.ctx.router;
    if (router) await router.giveBack(session, task, actor, 'declined', reason);
    const again = await session.tx.tasks.get(taskId);
    if (!again) throw notFound('task', taskId);
    return toTask(again);
  });
}
