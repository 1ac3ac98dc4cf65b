import type { Role } from '@caseflow/schema';
import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../http/context';
import { forbidden, unauthorized } from '../http/errors';
import type { UserRow } from '../store/store';

/**
 * Staff roles form a ladder for route access: an admin may do what an owner may, an owner what
 * an agent may. `customer` is outside the ladder: only routes naming it admit customers.
 */
const LADDER: Record<Exclude<Role, 'customer'>, number> = { agent: 1, owner: 2, admin: 3 };

/** The highest staff rank of a user (0 when they hold none). */
function rank(user: Pick<UserRow, 'roles'>): number {
  let best = 0;
  for (const role of user.roles) if (role !== 'customer') best = Math.max(best, LADDER[role]);
  return best;
}

/** True when the user holds `role` or a staff role above it. Pure. */
export function hasRole(user: Pick<UserRow, 'roles'>, role: Role): boolean {
  if (role === 'customer') return user.roles.includes('customer');
  return rank(user) >= LADDER[role];
}

/** True when the user is a customer and holds no staff role (their reads are scoped). */
export function isCustomerOnly(user: Pick<UserRow, 'roles'>): boolean {
  return rank(user) === 0 && user.roles.includes('customer');
}

/**
 * Middleware admitting users that hold any of `roles` (with the ladder above): 401 when
 * anonymous, 403 otherwise.
 */
export function requireRole(...roles: Role[]): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const user = c.get('user');
    if (!user) throw unauthorized(c.get('authError'));
    if (!roles.some((r) => hasRole(user, r))) throw forbidden(`requires role ${roles.join(' or ')}`);
    await next();
  };
}

/** Middleware admitting any signed-in user. */
export const requireUser: MiddlewareHandler<AppEnv> = async (c, next) => {
  if (!c.get('user')) throw unauthorized(c.get('authError'));
  await next();
};
