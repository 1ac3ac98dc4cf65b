import type { ArticleAudience } from '@caseflow/schema';
import { hasRole, isCustomerOnly } from '../auth/roles';
import type { UserRow } from '../store/store';

/** Agents in this group may write articles, as owners and admins may. */
export const KB_EDITORS_GROUP = 'kb-editors';

/**
 * The audiences `user` may read (null: anonymous, the public help centre only). Customers read
 * public and customer articles; staff read everything. Pure.
 */
export function audiencesFor(user: UserRow | null): ArticleAudience[] {
  if (!user) return ['public'];
  if (isCustomerOnly(user)) return ['public', 'customers'];
  return ['public', 'customers', 'agents'];
}

/** Whether `user` may write articles and read drafts: owners, admins, and agents in kb-editors. Pure. */
export function mayEditArticles(user: UserRow | null): boolean {
  if (!user?.active) return false;
  return hasRole(user, 'owner') || (hasRole(user, 'agent') && user.groups.includes(KB_EDITORS_GROUP));
}

/** Whether `user` is staff (an agent or above). Pure. */
export function isStaff(user: UserRow | null): boolean {
  return user !== null && hasRole(user, 'agent');
}
