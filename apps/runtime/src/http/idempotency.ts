import { createHash } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import type { IdempotencyRow, Store } from '../store/store';
import type { AppEnv } from './context';
import { AppError } from './errors';

/** Keys are kept a day; a client retrying later than that gets a fresh execution. */
export const IDEMPOTENCY_TTL_MS = 24 * 60 * 60 * 1000;

/** Thrown inside the transaction to roll back a request that failed. */
class Failed extends Error {}
/** Thrown inside the transaction when a concurrent request with the same key committed first. */
class Lost extends Error {}

/**
 * `Idempotency-Key` support for creating POSTs. The request runs in one store transaction
 * together with the record of its answer, so a crash either keeps both or neither: a retry
 * after a crash never opens a second case. The first successful (2xx) answer for a
 * (user, key) pair is answered again to every retry with the same method, path and body;
 * reusing the key for a different request is a 422. A failed request (4xx/5xx) is rolled back
 * and not recorded, so a corrected retry runs; only an incident it opened is kept. Of two concurrent requests with one key, the
 * second is rolled back and answers the first one's result. Without the header, or without a
 * signed-in user, the middleware does nothing.
 */
export function idempotent(store: Store): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const userId = c.get('user')?.username;
    const key = c.req.header('idempotency-key');
    if (c.req.method !== 'POST' || !key || !userId) return next();
    if (key.length > 200)
      throw new AppError('validation', 400, 'Idempotency-Key is longer than 200 characters');
    const body = await c.req.text();
    const requestHash = createHash('sha256').update(`${c.req.method} ${c.req.path}\n${body}`).digest('hex');

    let previous: IdempotencyRow | null = null;
    try {
      await store.transaction(async (tx) => {
        previous = await tx.idempotency.get(userId, key);
        if (previous) return;
        await next();
        const status = c.res.status;
        // An incident is kept (the event itself rolled back already); the key is not recorded.
        if (isIncident(c.error)) return;
        if (c.error || status >= 400) throw new Failed();
        if (!c.res.headers.get('content-type')?.includes('application/json')) return;
        const answer: unknown = await c.res.clone().json();
        const row = { userId, key, requestHash, status, body: answer, createdAt: Date.now() };
        if (!(await tx.idempotency.put(row))) throw new Lost();
      });
    } catch (error) {
      if (error instanceof Failed) return; // c.res already holds the error answer
      if (!(error instanceof Lost)) throw error;
      const winner = await store.idempotency.get(userId, key);
      if (!winner) throw new AppError('conflict', 409, 'a request with this Idempotency-Key is in progress');
      // The handler already answered (with the case we rolled back): replace that answer.
      // Hono ignores a middleware's return value once the context is finalized.
      c.res = replay(winner, requestHash);
      return;
    }
    if (previous) return replay(previous, requestHash);
  };
}

/** The 422 of an event that opened an incident: the incident row must survive the request. */
function isIncident(error: unknown): boolean {
  return error instanceof AppError && error.code === 'incident';
}

/** The stored answer again, marked as a replay; 422 when the key came with another request. */
function replay(row: IdempotencyRow, requestHash: string): Response {
  if (row.requestHash !== requestHash) {
    throw new AppError(
      'idempotency-key-reused',
      422,
      'this Idempotency-Key was used for a different request',
    );
  }
  return new Response(JSON.stringify(row.body), {
    status: row.status,
    headers: { 'content-type': 'application/json', 'idempotent-replayed': 'true' },
  });
}
