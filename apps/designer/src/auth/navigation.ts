import { type Role, roleAtLeast, roleAtLeastAny } from '@caseflow/schema';

/** One entry of the main navigation and the roles that may see it (by the role ladder). */
export interface NavItem {
  to: string;
  label: string;
  roles: Role[];
}

/** The routes of DESIGN §7 that appear in the navigation, in display order. */
export const NAV_ITEMS: readonly NavItem[] = [
  { to: '/catalog', label: 'Catalog', roles: ['customer', 'agent'] },
  { to: '/requests', label: 'My requests', roles: ['customer'] },
  { to: '/work', label: 'Work queue', roles: ['agent'] },
  { to: '/flows', label: 'Flows', roles: ['owner'] },
  { to: '/analytics', label: 'Analytics', roles: ['owner'] },
  { to: '/incidents', label: 'Incidents', roles: ['owner'] },
  { to: '/admin', label: 'Admin', roles: ['admin'] },
];

/**
 * Navigation entries visible to a user holding `roles`, by the same ladder the runtime uses:
 * an owner sees what an agent sees, an admin what an owner sees; only customers see their
 * requests. Pure.
 */
export function navFor(roles: readonly Role[]): NavItem[] {
  return NAV_ITEMS.filter((item) => roleAtLeastAny(roles, item.roles));
}

/** Where a user lands after signing in: the first page of their navigation. Pure. */
export function homeFor(roles: readonly Role[]): string {
  if (roleAtLeast(roles, 'owner')) return '/flows';
  if (roleAtLeast(roles, 'agent')) return '/work';
  return '/catalog';
}
