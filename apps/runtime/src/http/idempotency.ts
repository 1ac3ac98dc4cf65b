import { createHash } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { Store } from '../store/store';
import type { AppEnv } from './context';
import { AppError } from './errors';

/** Keys are kept a day; a client retrying later than that gets a fresh execution. */
export const IDEMPOTENCY_TTL_MS = 24 * 60 * 60 * 1000;

/**
 * `Idempotency-Key` support for creating POSTs. The first successful (2xx) answer for a
 * (user, key) pair is stored and answered again to every retry with the same method, path and
 * body; reusing the key for a different request is a 422. Failures are not stored (as Stripe
 * does): a 4xx changed nothing and a 5xx may not have, so a retry simply runs again. Without
 * the header, or without a signed-in user, the middleware does nothing.
 */
export function idempotent(store: Store): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const key = c.req.header('idempotency-key');
    if (c.req.method !== 'POST' || !key) return next();
    if (key.length > 200)
      throw new AppError('validation', 400, 'Idempotency-Key is longer than 200 characters');
    const userId = c.get('user')?.username ?? 'anonymous';
    const body = await c.req.text();
    const requestHash = createHash('sha256').update(`${c.req.method} ${c.req.path}\n${body}`).digest('hex');
    const previous = await store.idempotency.get(userId, key);
    if (previous) {
      if (previous.requestHash !== requestHash) {
        throw new AppError(
          'idempotency-key-reused',
          422,
          'this Idempotency-Key was used for a different request',
        );
      }
      c.header('Idempotent-Replayed', 'true');
      return c.json(previous.body as object, previous.status as ContentfulStatusCode);
    }
    await next();
    const status = c.res.status;
    if (status < 200 || status >= 300 || !c.res.headers.get('content-type')?.includes('application/json'))
      return;
    const answer = await c.res.clone().json();
    await store.idempotency.put({ userId, key, requestHash, status, body: answer, createdAt: Date.now() });
  };
}
