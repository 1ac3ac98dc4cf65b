import { notFound } from '../http/errors';
import type { UserRow } from '../store/store';
import { isCustomerOnly } from './roles';

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
