import { forbidden, notFound } from '../http/errors';
import type { TaskRow, UserRow } from '../store/store';
import { hasRole, isCustomerOnly } from './roles';

/** The actor written to the timeline for a user: the username. */
export function actorOf(user: Pick<UserRow, 'username'>): string {
  return user.username;
}

/**
 * Guards a read of something owned by a customer (a case, a request, a survey). A customer
 * may only see their own; anything else answers 404, never 403, so that ids do not leak.
 */
export function assertVisible(user: UserRow, ownerCustomerId: string | null, what: string, id: string): void {
  if (!isCustomerOnly(user)) return;
  if (user.customerId === null || ownerCustomerId !== user.customerId) throw notFound(what, id);
}

/**
 * Guards work on a task: admins may act on any task; other staff only on tasks of their
 * groups or assigned to them (approvals are assigned to the approver). 403 otherwise.
 */
export function assertCanWorkTask(
  user: UserRow,
  task: Pick<TaskRow, 'group' | 'assignee' | 'id'> & { group: string | null },
): void {
  if (hasRole(user, 'admin')) return;
  if (!hasRole(user, 'agent')) throw forbidden('only agents work tasks');
  if (task.assignee === user.username) return;
  if (task.group !== null && user.groups.includes(task.group)) return;
  throw forbidden(
    `task ${task.id} belongs to group ${task.group ?? '(none)'}, which you are not a member of`,
  );
}
