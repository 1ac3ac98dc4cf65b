import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../http/context';
import type { Store } from '../store/store';
import { type SessionLimits, sessionEnded, shouldTouch } from './session-policy';
import { sessionIdOf } from './session-token';

/**
 * Reads `Authorization: Bearer <token>`, checks its signature, then reads the session it names
 * and the session's user on every request (one primary-key read; no per-process cache), so
 * logout, revocation, deactivation and expiry take effect at once in every runtime process on
 * the database. Sets `user` and `sessionId`, or null with `authError` saying why. Public routes
 * (login, surveys, health) therefore still work for a client holding a stale token — a login
 * must never fail because of the old token it replaces — while protected routes answer 401
 * with that reason (requireRole).
 *
 * Sessions run on the wall clock, not the runtime clock: a manual test clock moved days ahead
 * must not sign everybody out. lastSeenAt is written at most once a minute per session.
 */
export function authenticate(
  store: Store,
  secret: string,
  limits: SessionLimits,
  now: () => number = Date.now,
): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    c.set('user', null);
    c.set('sessionId', null);
    c.set('authError', 'sign in first');
    const header = c.req.header('authorization');
    if (!header) return next();
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (!match?.[1]) {
      c.set('authError', 'expected "Authorization: Bearer <token>"');
      return next();
    }
    const id = sessionIdOf(match[1], secret);
    const found = id ? await store.sessions.getWithUser(id) : null;
    if (!found) {
      c.set('authError', 'invalid or expired token');
      return next();
    }
    const at = now();
    const ended = sessionEnded(found.session, found.user, at, limits);
    if (ended) {
      c.set('authError', ended);
      return next();
    }
    if (shouldTouch(found.session, at)) await store.sessions.touch(found.session.id, at);
    c.set('user', found.user);
    c.set('sessionId', found.session.id);
    await next();
  };
}
