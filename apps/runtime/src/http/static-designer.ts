import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serveStatic } from '@hono/node-server/serve-static';
import type { Hono } from 'hono';
import { setAnswerHeader } from './answer-header';
import type { AppEnv } from './context';

/**
 * The Content-Security-Policy of the designer's pages. The bearer token sits in localStorage,
 * so no script may run but the build's own files: no inline script, no eval, no other origin.
 * Monaco starts its workers from the build's files (`worker-src 'self'`; `blob:` for the
 * fallback it uses when a worker URL is cross-origin) and injects `<style>` elements for its
 * decorations, hence `style-src 'unsafe-inline'` (styles cannot run code). `data:` only for
 * the favicon and inlined fonts.
 */
export const DESIGNER_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "object-src 'none'",
  "frame-ancestors 'none'",
  "base-uri 'self'",
  "form-action 'self'",
].join('; ');

/**
 * Where the built designer lives: `apps/designer/dist`, found from the URL of the runtime's
 * entry module (`src/main.ts` under tsx and `dist/main.js` after bundling both sit one folder
 * below `apps/runtime`). Pass main's `import.meta.url`.
 */
export function designerDistDir(entryUrl: string): string {
  return resolve(dirname(fileURLToPath(entryUrl)), '../../designer/dist');
}

/**
 * Serves the built SPA for every non-/api GET: files as they are, and index.html for any
 * other path so that client-side routes (/flows/lost-card, /work…) survive a reload, each
 * with the designer's Content-Security-Policy. Answers
 * false (and mounts nothing) when the designer has not been built.
 */
export function mountDesigner(app: Hono<AppEnv>, dir: string): boolean {
  const index = join(dir, 'index.html');
  if (!existsSync(index)) return false;
  const isApi = (path: string) => path === '/api' || path.startsWith('/api/');
  const files = serveStatic({ root: dir });
  app.use('*', async (c, next) => {
    if (isApi(c.req.path)) return next();
    await next();
    setAnswerHeader(c, 'Content-Security-Policy', DESIGNER_CSP);
  });
  app.use('*', async (c, next) => {
    if (isApi(c.req.path) || (c.req.method !== 'GET' && c.req.method !== 'HEAD')) return next();
    return files(c, next);
  });
  app.get('*', async (c, next) => {
    if (isApi(c.req.path) || /\.[a-z0-9]+$/i.test(c.req.path)) return next();
    return c.html(await readFile(index, 'utf8'));
  });
  return true;
}
