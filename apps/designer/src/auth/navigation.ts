import { isSupervisor, type Role, roleAtLeast, roleAtLeastAny } from '@caseflow/schema';

/** One entry of the main navigation and the roles that may see it (by the role ladder). */
export interface NavItem {
  to: string;
  /** Message id of its label (common.messages.ts). */
  labelId: string;
  roles: Role[];
  /** Only for supervisors (admins and members of the supervisors group), besides `roles`. */
  supervisors?: true;
}

/**
 * The routes of DESIGN §7 that appear in the navigation, in display order: a member of staff's
 * own work first, the customer-facing pages after it, so that on a narrow header what folds
 * under "More" is what they use least (customers keep catalog, requests, help).
 */
export const NAV_ITEMS: readonly NavItem[] = [
  { to: '/work', labelId: 'nav.work', roles: ['agent'] },
  { to: '/supervisor', labelId: 'supervisor.nav', roles: ['agent'], supervisors: true },
  { to: '/flows', labelId: 'nav.flows', roles: ['owner'] },
  { to: '/analytics', labelId: 'nav.analytics', roles: ['owner'] },
  { to: '/incidents', labelId: 'nav.incidents', roles: ['owner'] },
  { to: '/admin', labelId: 'nav.admin', roles: ['admin'] },
  { to: '/groups', labelId: 'nav.groups', roles: ['admin'] },
  { to: '/outbox', labelId: 'nav.outbox', roles: ['admin'] },
  { to: '/catalog', labelId: 'nav.catalog', roles: ['customer', 'agent'] },
  { to: '/requests', labelId: 'nav.requests', roles: ['customer'] },
  { to: '/help', labelId: 'kb.nav.help', roles: ['customer', 'agent'] },
  { to: '/kb', labelId: 'kb.nav.kb', roles: ['agent'] },
];

/**
 * Navigation entries visible to a user holding `roles`, by the same ladder the runtime uses:
 * an owner sees what an agent sees, an admin what an owner sees; only customers see their
 * requests; supervisors' entries need the supervisors group (or admin). Pure.
 */
export function navFor(roles: readonly Role[], groups: readonly string[] = []): NavItem[] {
  return NAV_ITEMS.filter(
    (item) => roleAtLeastAny(roles, item.roles) && (!item.supervisors || isSupervisor({ roles, groups })),
  );
}

/** Where a user lands after signing in: the first page of their navigation. Pure. */
export function homeFor(roles: readonly Role[]): string {
  if (roleAtLeast(roles, 'owner')) return '/flows';
  if (roleAtLeast(roles, 'agent')) return '/work';
  return '/catalog';
}
