import { ClockMove } from '@caseflow/schema';
import { createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import { requireUser } from '../auth/roles';
import { moveClock } from '../executor/runtime';
import type { AppDeps, Router } from './context';
import { bearer, errorResponses, json, jsonBody, newRouter } from './openapi';

const Moved = z.object({ now: z.string(), fired: z.number().int() });

const move = createRoute({
  method: 'post',
  path: '/_test/clock',
  tags: ['test'],
  summary: 'Move the manual clock and fire every timer that became due (CASEFLOW_CLOCK=manual only)',
  security: bearer,
  middleware: [requireUser] as const,
  request: { body: jsonBody(ClockMove) },
  responses: { 200: json(Moved, 'the new time and how many timers fired'), ...errorResponses },
});
const read = createRoute({
  method: 'get',
  path: '/_test/clock',
  tags: ['test'],
  summary: 'The manual clock',
  responses: { 200: json(z.object({ now: z.string() }), 'the current time') },
});

/**
 * The test clock. Mounted only when CASEFLOW_CLOCK=manual (app.ts decides), so the route does
 * not exist in production. Anyone may read it; only an admin may move it, and by at most ten
 * years at a time (moveClock checks both).
 */
export function testClockRoutes({ runtime }: AppDeps): Router {
  const r = newRouter();
  r.openapi(read, (c) => c.json({ now: new Date(runtime.clock.now()).toISOString() }, 200));
  r.openapi(move, async (c) => {
    const { now, fired } = await moveClock(runtime, c.req.valid('json'), c.get('user')!);
    return c.json({ now: new Date(now).toISOString(), fired }, 200);
  });
  return r;
}
