import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../http/context';
import type { Store } from '../store/store';
import { verifyToken } from './tokens';

/**
 * Reads `Authorization: Bearer <token>`, verifies it and loads the user on every request, so a
 * deleted user's token stops working at once. Sets `user`, or null with `authError` saying why
 * when the header is missing or bad. Public routes (login, surveys, health) therefore still
 * work for a client holding a stale token — a login must never fail because of the old token
 * it replaces — while protected routes answer 401 with that reason (requireRole).
 *
 * Tokens are checked against the wall clock, not the runtime clock: a manual test clock moved
 * days ahead must not sign everybody out.
 */
export function authenticate(
  store: Store,
  secret: string,
  now: () => number = Date.now,
): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    c.set('user', null);
    c.set('authError', 'sign in first');
    const header = c.req.header('authorization');
    if (!header) return next();
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (!match?.[1]) {
      c.set('authError', 'expected "Authorization: Bearer <token>"');
      return next();
    }
    const claims = verifyToken(match[1], secret, now());
    const user = claims ? await store.users.get(claims.sub) : null;
    if (!user) {
      c.set('authError', 'invalid or expired token');
      return next();
    }
    c.set('user', user);
    await next();
  };
}
