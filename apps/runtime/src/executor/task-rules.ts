import { isSupervisor } from '@caseflow/schema';
import { hasRole, isCustomerOnly } from '../auth/roles';
import type { TaskRow, UserRow } from '../store/store';
import { type AppError, badRequest, conflict, forbidden, notEligible } from './errors';

/** A task as the rules need it. */
export type RuledTask = Pick<TaskRow, 'id' | 'kind' | 'group' | 'assignee' | 'approvalId'>;

const isStaffAgent = (user: UserRow) => user.active && !isCustomerOnly(user) && hasRole(user, 'agent');

/**
 * Why `user` may not claim, complete or escalate `task`, or null when they may. Pure.
 * A human task is worked by members of its group, its assignee and admins. An approval task is
 * one approver's ballot: only that approver casts it; other members of the approver group (and
 * admins) meet a 409 naming the holder, everybody else a 403.
 */
export function workRefusal(user: UserRow, task: RuledTask): AppError | null {
  if (!isStaffAgent(user)) return forbidden('only active agents work tasks');
  const member = task.group !== null && user.groups.includes(task.group);
  if (task.kind === 'approval') {
    if (task.assignee === user.username) return null;
    if (member || hasRole(user, 'admin'))
      return conflict(`task ${task.id} is held by ${task.assignee ?? 'nobody'}`, { assignee: task.assignee });
    return forbidden(`approval ${task.id} is not your ballot`);
  }
  if (hasRole(user, 'admin') || task.assignee === user.username || member) return null;
  return forbidden(
    `task ${task.id} belongs to group ${task.group ?? '(none)'}, which you are not a member of`,
  );
}

/** What the delegation rules need to know besides the task. */
export interface DelegationFacts {
  /** Who asks for the delegation. */
  delegator: UserRow;
  task: RuledTask;
  /** The user named in `to`, or null when there is none of that name. */
  target: UserRow | null;
  to: string;
  /** For an approval: whether `to` holds (or cast) another ballot of the same approval. */
  targetHoldsBallot: boolean;
}

/**
 * Why a delegation is refused, or null when it may go ahead. Pure. The delegator must be able to
 * work the task (for an approval: be its approver, or an admin), or, for a human task, be an
 * active supervisor (an agent of the supervisors group, or an admin) — 403; an agent who is no
 * supervisor delegates only a human task they hold or nobody holds (409 naming the holder,
 * as a claim of it would be); the delegate must exist
 * (400), be an active agent, not a customer, and a member of the task's group (422); on an
 * approval the delegate must not hold a ballot of it already (409): four eyes stay four.
 */
export function delegationRefusal(facts: DelegationFacts): AppError | null {
  const { delegator, task, target, to } = facts;
  if (task.kind === 'approval') {
    if (!isStaffAgent(delegator)) return forbidden('only active agents delegate tasks');
    if (task.assignee !== delegator.username && !hasRole(delegator, 'admin')) {
      return forbidden(`only the approver holding ballot ${task.id} (or an admin) may delegate it`);
    }
  } else if (!(isStaffAgent(delegator) && isSupervisor(delegator))) {
    // Supervisors steer the day: they reassign any human task, in whichever group.
    const refusal = workRefusal(delegator, task);
    if (refusal) return refusal;
    // An agent hands on their own work or unheld work: another agent's (a claim, or an offer
    // routing made) is theirs, as for a claim — a peer could otherwise take it by delegating
    // it to themselves.
    if (task.assignee !== null && task.assignee !== delegator.username && !hasRole(delegator, 'admin')) {
      return conflict(`task ${task.id} is held by ${task.assignee}`, { assignee: task.assignee });
    }
  }
  const why = (reason: string, message: string) => notEligible(message, [{ path: 'to', message, reason }]);
  if (!target) return badRequest(`unknown user ${to}`, [{ path: 'to', message: 'unknown user' }]);
  if (!target.active) return why('inactive', `${to} is deactivated`);
  if (isCustomerOnly(target) || !hasRole(target, 'agent')) {
    return why('not-staff', `${to} is ${target.roles.includes('customer') ? 'a customer' : 'not an agent'}`);
  }
  if (task.group === null) return why('no-group', `task ${task.id} has no group to delegate within`);
  if (!target.groups.includes(task.group)) {
    return why('not-member', `${to} is not a member of group ${task.group}`);
  }
  if (task.kind === 'approval' && facts.targetHoldsBallot && target.username !== task.assignee) {
    return conflict(`${to} already holds a ballot of this approval; one person has one vote`, {
      path: 'to',
      reason: 'holds-ballot',
    });
  }
  return null;
}

/**
 * Whether `voter` holds or cast a ballot of `task`'s approval other than `task` itself, among
 * the case's tasks. Cancelled and escalated ballots do not count.
 */
export function holdsOtherBallot(voter: string, task: RuledTask, caseTasks: readonly TaskRow[]): boolean {
  if (task.kind !== 'approval' || task.approvalId === null) return false;
  return caseTasks.some(
    (t) =>
      t.id !== task.id &&
      t.approvalId === task.approvalId &&
      t.assignee === voter &&
      (t.status === 'open' || t.status === 'claimed' || t.status === 'completed'),
  );
}

/** Whether `voter` already cast a vote on `task`'s approval (through another ballot). */
export function votedAlready(voter: string, task: RuledTask, caseTasks: readonly TaskRow[]): boolean {
  if (task.kind !== 'approval' || task.approvalId === null) return false;
  return caseTasks.some(
    (t) =>
      t.id !== task.id &&
      t.approvalId === task.approvalId &&
      t.assignee === voter &&
      t.status === 'completed',
  );
}
