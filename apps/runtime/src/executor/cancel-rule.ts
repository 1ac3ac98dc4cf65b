import { isSupervisor } from '@caseflow/schema';
import { hasRole, isCustomerOnly } from '../auth/roles';
import type { CaseRow, TaskRow, UserRow } from '../store/store';
import { isOwnRequest } from './customer-case';
import { type AppError, conflict, forbidden, notFound } from './errors';

const WORKING = new Set<TaskRow['status']>(['open', 'claimed']);

/**
 * Why `user` may not cancel the case `row` whose tasks are `tasks`, or null when they may. Pure.
 * Cancelling drops the case's work for everyone, so it is for the people working the case:
 * supervisors and admins cancel any case; an agent cancels a case they opened, one with an open
 * task they hold or one of their groups holds, or, when no task is open (the case waits on the
 * customer, a timer or a subflow), one a group of theirs worked on. Approval ballots do not
 * count: an approver decides, they do not withdraw the request. A customer withdraws a request
 * they opened themselves while no internal work of it (a subflow, `openChildren`) is under way;
 * a case staff opened about them (a fraud review, say) is the team's to close, and any case not
 * theirs does not exist for them (404).
 */
export function cancelRefusal(
  user: UserRow,
  row: Pick<CaseRow, 'id' | 'createdBy' | 'customerId' | 'parentCaseId'>,
  tasks: readonly TaskRow[],
  openChildren = 0,
): AppError | null {
  if (isCustomerOnly(user)) {
    const stranger = strangerRefusal(user, row);
    if (stranger) return stranger;
    if (row.createdBy !== user.username)
      return forbidden('only a request you opened yourself can be withdrawn; write to us instead');
    if (openChildren > 0)
      return conflict(
        'work on this request is under way and cannot be stopped from here; write to us instead',
      );
    return null;
  }
  if (!user.active || !hasRole(user, 'agent'))
    return forbidden('only agents cancel cases (and customers their own requests)');
  if (isSupervisor(user) || row.createdBy === user.username) return null;
  const ours = (t: TaskRow) =>
    t.kind !== 'approval' &&
    (t.assignee === user.username || (t.group !== null && user.groups.includes(t.group)));
  const open = tasks.filter((t) => WORKING.has(t.status));
  if (open.length > 0 ? open.some(ours) : tasks.some(ours)) return null;
  const groups = [...new Set(open.map((t) => t.group).filter((g): g is string => g !== null))];
  return forbidden(
    open.length > 0
      ? `case ${row.id} is worked by ${groups.length > 0 ? `group ${groups.join(', ')}` : 'others'}; only they, a supervisor or an admin may cancel it`
      : `case ${row.id} was not opened or worked by you or your groups; only a supervisor or an admin may cancel it`,
  );
}

/**
 * 404 when the case is not the customer `user`'s own top-level case (the same answer as for an
 * unknown id), 403 for a deactivated account; null when it is theirs. Pure.
 */
export function strangerRefusal(
  user: UserRow,
  row: Pick<CaseRow, 'id' | 'customerId' | 'parentCaseId'>,
): AppError | null {
  if (!isOwnRequest(user.customerId, row)) return notFound('case', row.id);
  return user.active ? null : forbidden('this account is deactivated');
}
