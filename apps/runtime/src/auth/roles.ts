import { isCustomerOnlyRoles, type Role, roleAtLeast, roleAtLeastAny } from '@caseflow/schema';
import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../http/context';
import { forbidden, unauthorized } from '../http/errors';
import type { UserRow } from '../store/store';

/**
 * True when the user holds `role` or a staff role above it, by the one ladder of
 * @caseflow/schema (agent < owner < admin; `customer` outside it). Pure.
 */
export function hasRole(user: Pick<UserRow, 'roles'>, role: Role): boolean {
  return roleAtLeast(user.roles, role);
}

/** True when the user is a customer and holds no staff role (their reads are scoped). */
export function isCustomerOnly(user: Pick<UserRow, 'roles'>): boolean {
  return isCustomerOnlyRoles(user.roles);
}

/**
 * Middleware admitting users that hold any of `roles` (with the ladder above): 401 when
 * anonymous, 403 otherwise.
 */
export function requireRole(...roles: Role[]): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const user = c.get('user');
    if (!user) throw unauthorized(c.get('authError'));
    if (!roleAtLeastAny(user.roles, roles)) throw forbidden(`requires role ${roles.join(' or ')}`);
    await next();
  };
}

/** Middleware admitting any signed-in user. */
export const requireUser: MiddlewareHandler<AppEnv> = async (c, next) => {
  if (!c.get('user')) throw unauthorized(c.get('authError'));
  await next();
};
