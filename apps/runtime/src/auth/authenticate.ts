import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../http/context';
import { unauthorized } from '../http/errors';
import type { Store } from '../store/store';
import { verifyToken } from './tokens';

/**
 * Reads `Authorization: Bearer <token>`, verifies it and loads the user on every request, so a
 * deleted user's token stops working at once. Sets `user` (null when no header is sent); a
 * header with a bad or expired token is a 401 even on public routes, because a client that
 * sends credentials expects them to count.
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
    const header = c.req.header('authorization');
    if (!header) {
      c.set('user', null);
      return next();
    }
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (!match?.[1]) throw unauthorized('expected "Authorization: Bearer <token>"');
    const claims = verifyToken(match[1], secret, now());
    if (!claims) throw unauthorized('invalid or expired token');
    const user = await store.users.get(claims.sub);
    if (!user) throw unauthorized('invalid or expired token');
    c.set('user', user);
    await next();
  };
}
