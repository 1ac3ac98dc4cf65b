import type { Context } from 'hono';

/**
 * Sets a header on the answer a handler has already made (middleware after `next()`). Hono's
 * `c.header` then copies the finished response into a new one, and node-server builds a whole
 * Web Response with a stream body for that copy; the answer's own Headers take the value in
 * place at a fraction of the cost. A response with immutable headers (one that came from
 * `fetch`) still goes the copying way.
 */
export function setAnswerHeader(c: Context, name: string, value: string): void {
  try {
    c.res.headers.set(name, value);
  } catch {
    c.header(name, value);
  }
}
