import { createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import { requireRole } from '../auth/roles';
import { redactCredentials } from '../connections/redact-credentials';
import type { AppDeps, Router } from './context';
import { bearer, errorResponses, json, newRouter, PageQuery, pageOf } from './openapi';
import { OutboxResource, toOutbox } from './resources';

const list = createRoute({
  method: 'get',
  path: '/outbox',
  tags: ['ops'],
  summary: 'Outbox messages with delivery status (dead letters included), newest first',
  security: bearer,
  middleware: [requireRole('admin')] as const,
  request: {
    query: PageQuery.extend({
      case: z.string().max(200).optional(),
      status: z.enum(['pending', 'delivered', 'failed', 'dead']).optional(),
    }),
  },
  responses: { 200: json(pageOf(OutboxResource), 'a page of outbox messages'), ...errorResponses },
});

/** GET /outbox (admin): what was sent, retried or gave up. */
export function outboxRoutes({ runtime }: AppDeps): Router {
  const r = newRouter();
  r.openapi(list, async (c) => {
    const q = c.req.valid('query');
    const page = await runtime.store.outbox.list({
      caseId: q.case,
      status: q.status,
      limit: q.limit,
      cursor: q.cursor ?? null,
    });
    // Payloads of http actions from flows written before connections may carry credentials.
    return c.json({ items: page.items.map((o) => redactCredentials(toOutbox(o))), next: page.next }, 200);
  });
  return r;
}
