import { hasRole } from '../auth/roles';
import type { UserRow } from '../store/store';

/*
 * Who may use and who may write a canned response. Owners and admins manage every response;
 * an agent uses the shared ones (no groups) and those of their groups, and writes only
 * responses that belong to groups they are in, so a team keeps its own replies without an
 * owner and cannot touch another team's or the shared ones.
 */

/** Whether `user` may see and insert a response limited to `groups`. Pure. */
export function mayUseResponse(user: Pick<UserRow, 'roles' | 'groups'>, groups: readonly string[]): boolean {
  if (hasRole(user, 'owner')) return true;
  if (!hasRole(user, 'agent')) return false;
  return groups.length === 0 || groups.some((g) => user.groups.includes(g));
}

/** Whether `user` may create, change or delete a response limited to `groups`. Pure. */
export function mayWriteResponse(
  user: Pick<UserRow, 'roles' | 'groups'>,
  groups: readonly string[],
): boolean {
  if (hasRole(user, 'owner')) return true;
  if (!hasRole(user, 'agent')) return false;
  return groups.length > 0 && groups.every((g) => user.groups.includes(g));
}
