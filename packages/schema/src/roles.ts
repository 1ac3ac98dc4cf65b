import type { Role } from './primitives';

/*
 * The role ladder, defined once for the runtime and the designer. Staff roles are ordered:
 * an admin may do what an owner may, an owner what an agent may. `customer` is outside the
 * ladder: a staff role never implies it, and it implies no staff role, so only routes and
 * screens that name `customer` admit customers.
 */

/** Staff roles in ascending order of authority. */
export const STAFF_LADDER = ['agent', 'owner', 'admin'] as const;
/** A role on the staff ladder. */
export type StaffRole = (typeof STAFF_LADDER)[number];

/** The highest staff rank among `roles`: 0 for none, 1 agent, 2 owner, 3 admin. Pure. */
export function staffRank(roles: readonly Role[]): number {
  let best = 0;
  for (const role of roles) {
    const rank = STAFF_LADDER.indexOf(role as StaffRole) + 1;
    if (rank > best) best = rank;
  }
  return best;
}

/**
 * True when `roles` hold `role` or a staff role above it (`customer` only by holding it).
 * Pure; the one answer to "may this user act as `role`" on both sides.
 */
export function roleAtLeast(roles: readonly Role[], role: Role): boolean {
  if (role === 'customer') return roles.includes('customer');
  return staffRank(roles) >= STAFF_LADDER.indexOf(role) + 1;
}

/** True when `roles` hold any of `wanted` by the ladder (an empty list admits nobody). Pure. */
export function roleAtLeastAny(roles: readonly Role[], wanted: readonly Role[]): boolean {
  return wanted.some((r) => roleAtLeast(roles, r));
}

/** True for a customer holding no staff role: their reads are scoped to their own customer. Pure. */
export function isCustomerOnlyRoles(roles: readonly Role[]): boolean {
  return staffRank(roles) === 0 && roles.includes('customer');
}
