import type { Role } from '@caseflow/schema';

/** One entry of the main navigation and the roles that may see it (admin sees all). */
export interface NavItem {
  to: string;
  label: string;
  roles: Role[];
}

/** The routes of DESIGN §7 that appear in the navigation, in display order. */
export const NAV_ITEMS: readonly NavItem[] = [
  { to: '/catalog', label: 'Catalog', roles: ['customer', 'agent', 'owner'] },
  { to: '/requests', label: 'My requests', roles: ['customer'] },
  { to: '/work', label: 'Work queue', roles: ['agent'] },
  { to: '/flows', label: 'Flows', roles: ['owner'] },
  { to: '/analytics', label: 'Analytics', roles: ['owner'] },
  { to: '/admin', label: 'Admin', roles: ['admin'] },
];

/** Navigation entries visible to a user holding `roles`. Pure. */
export function navFor(roles: readonly Role[]): NavItem[] {
  if (roles.includes('admin')) return [...NAV_ITEMS];
  return NAV_ITEMS.filter((item) => item.roles.some((r) => roles.includes(r)));
}

/** Where a user lands after signing in: the first page of their navigation. Pure. */
export function homeFor(roles: readonly Role[]): string {
  if (roles.includes('owner') || roles.includes('admin')) return '/flows';
  if (roles.includes('agent')) return '/work';
  return '/catalog';
}
