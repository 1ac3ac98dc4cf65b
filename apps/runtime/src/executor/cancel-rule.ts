import { isSupervisor } from '@caseflow/schema';
import { hasRole, isCustomerOnly } from '../auth/roles';
import type { CaseRow, TaskRow, UserRow } from '../store/store';
import { type AppError, forbidden } from './errors';

const WORKING = new Set<TaskRow['status']>(['open', 'claimed']);

/**
 * Why `user` may not cancel the case `row` whose tasks are `tasks`, or null when they may. Pure.
 * Cancelling drops the case's work for everyone, so it is for the people working the case:
 * supervisors and admins cancel any case; an agent cancels a case they opened, one with an open
 * task they hold or one of their groups holds, or, when no task is open (the case waits on the
 * customer, a timer or a subflow), one a group of theirs worked on. Approval ballots do not
 * count: an approver decides, they do not withdraw the request.
 */
export function cancelRefusal(
  user: UserRow,
  row: Pick<CaseRow, 'id' | 'createdBy'>,
  tasks: readonly TaskRow[],
): AppError | null {
  if (!user.active || isCustomerOnly(user) || !hasRole(user, 'agent'))
    return forbidden('only agents cancel cases');
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
