import { createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import { requireRole } from '../auth/roles';
import { REDACTED, redactCredentials } from '../connections/redact-credentials';
import type { OutboxRow } from '../store/store';
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

const retry = createRoute({
  method: 'post',
  path: '/outbox/{id}/retry',
  tags: ['ops'],
  summary:
    'Try a dead or failed message once more, now (admin); answers it after the attempt (delivered, failed or dead again)',
  security: bearer,
  middleware: [requireRole('admin')] as const,
  request: { params: z.object({ id: z.string().min(1).max(200) }) },
  responses: { 200: json(OutboxResource, 'the message after the attempt'), ...errorResponses },
});

/**
 * An outbox row as admins read it: credentials of http actions hidden, and a survey's token
 * (the customer's credential for answering it, also inside its mailed link): staff never
 * hold it.
 */
function answerOf(row: OutboxRow): ReturnType<typeof toOutbox> {
  const o = redactCredentials(toOutbox(row));
  const token = row.kind === 'survey' ? row.payload.token : undefined;
  if (typeof token !== 'string' || token === '') return o;
  return JSON.parse(JSON.stringify(o).replaceAll(token, REDACTED)) as ReturnType<typeof toOutbox>;
}

/** GET /outbox (admin): what was sent, retried or gave up; POST /outbox/:id/retry. */
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
    return c.json({ items: page.items.map(answerOf), next: page.next }, 200);
  });
  r.openapi(retry, async (c) => {
    const row = await runtime.retryOutbox(c.req.valid('param').id, c.get('user')!.username);
    return c.json(answerOf(row), 200);
  });
  return r;
}
