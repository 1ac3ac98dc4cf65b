import { createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import type { AppDeps, Router } from './context';
import { json, newRouter } from './openapi';

const Health = z.object({ status: z.literal('ok'), db: z.enum(['sqlite', 'postgres']) });
const health = createRoute({
  method: 'get',
  path: '/health',
  tags: ['ops'],
  summary: 'Liveness: answers when the process serves requests and the store answers',
  responses: { 200: json(Health, 'healthy') },
});

/** GET /health: `{status:"ok", db}` after a cheap store round trip (a dead database fails it). */
export function healthRoutes({ runtime }: AppDeps): Router {
  const r = newRouter();
  r.openapi(health, async (c) => {
    await runtime.store.users.count();
    return c.json({ status: 'ok' as const, db: runtime.store.dialect }, 200);
  });
  return r;
}
