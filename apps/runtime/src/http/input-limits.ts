import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from './context';
import { AppError, badRequest } from './errors';
import { MAX_JSON_DEPTH, scanJson } from './json-scan';

/** The media types Hono's validator parses as JSON (application/json, application/*+json). */
const JSON_TYPE = /^application\/([\w.-]+\+)?json\s*(;|$)/i;

/**
 * Refuses, for every route at once, input that would crash a store or the code that walks it
 * (DESIGN §8 "Limits"), with a 400 naming the field:
 * - a NUL character (`%00`) in the URL path or query string (PostgreSQL refuses it in text);
 * - in a JSON body: nesting deeper than `maxDepth`, a NUL character or a lone surrogate in
 *   any string, checked on the text before anything parses it.
 * The body is read once here; Hono caches its bytes and text, so the route's validator parses
 * that text and a route that checks a signature reads the bytes as sent.
 * Size is the body limit's business, which runs before this.
 */
export function inputLimits(maxDepth = MAX_JSON_DEPTH): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    refuseNulInUrl(c.req.url);
    const method = c.req.method;
    // The method, not `c.req.raw.body`: asking the Web Request for its body builds it (request-body.ts).
    if (method !== 'GET' && method !== 'HEAD' && JSON_TYPE.test(c.req.header('content-type') ?? '')) {
      let text: string;
      try {
        // The bytes are read and kept as sent: a webhook's signature covers them, and text
        // re-encoded after a lossy decode (invalid UTF-8, a BOM) no longer matches it. The
        // route's validator reads the text cached beside them.
        const bytes = await c.req.arrayBuffer();
        text = new TextDecoder().decode(bytes);
        // Hono keeps promises in its body cache (its type says the values).
        (c.req.bodyCache as { text?: Promise<string> }).text = Promise.resolve(text);
      } catch {
        throw badRequest('the request body could not be read');
      }
      const problem = scanJson(text, maxDepth);
      if (problem) {
        const where = problem.path ? `body.${problem.path}` : 'body';
        throw new AppError('validation', 400, `${where}: ${problem.message}`, [
          { path: problem.path, message: problem.message },
        ]);
      }
      // The route's validator parses the cached text (Hono's `req.json()` reads `text`, never a
      // cached `json`: parsing here too parsed every body twice); no JSON is its 400.
    }
    return next();
  };
}

/** Throws a 400 naming the query parameter (or the path) that carries an encoded NUL. */
function refuseNulInUrl(url: string): void {
  if (!url.includes('%00')) return;
  const parsed = new URL(url);
  for (const [name, value] of parsed.searchParams) {
    if (name.includes('\0') || value.includes('\0')) {
      const path = name.includes('\0') ? 'query' : name;
      throw new AppError('validation', 400, `${path}: NUL characters (%00) are not allowed`, [
        { path, message: 'NUL characters are not allowed' },
      ]);
    }
  }
  if (parsed.pathname.includes('%00')) {
    throw new AppError('validation', 400, 'path: NUL characters (%00) are not allowed', [
      { path: 'path', message: 'NUL characters are not allowed' },
    ]);
  }
}
