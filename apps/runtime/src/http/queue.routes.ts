import { formatCaseNumber, Priority, Task } from '@caseflow/schema';
import { createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import { requireRole } from '../auth/roles';
import { type QueueRow, workQueue } from '../executor/work-queue';
import type { AppDeps, Router } from './context';
import { bearer, errorResponses, iso, json, newRouter } from './openapi';
import { withOffers } from './task-offers';

const QueueItem = z
  .object({
    task: Task,
    caseNumber: z.string().nullable(),
    subject: z.string(),
    priority: Priority,
    customerId: z.string().nullable(),
    customerName: z.string().nullable(),
    sla: z.object({
      state: z.enum(['breached', 'at-risk', 'on-track', 'paused', 'none']),
      dueAt: z.string().nullable(),
      target: z.string().nullable(),
    }),
  })
  .openapi('QueueItem');

const queue = createRoute({
  method: 'get',
  path: '/queue',
  tags: ['tasks'],
  summary:
    "The caller's work queue: tasks they may take (their groups' open tasks, their claims and ballots) with case number, priority, customer name and SLA state, sorted",
  security: bearer,
  middleware: [requireRole('agent')] as const,
  request: {
    query: z.object({
      scope: z.enum(['mine', 'all']).default('mine'),
      group: z.string().max(200).optional(),
      sort: z.enum(['risk', 'priority', 'age', 'due']).default('risk'),
      limit: z.coerce.number().int().min(1).max(500).default(200),
    }),
  },
  responses: { 200: json(z.object({ items: z.array(QueueItem) }), 'the queue'), ...errorResponses },
});

/** GET /queue: what an agent works from (executor/work-queue.ts decides what is theirs). */
export function queueRoutes({ runtime }: AppDeps): Router {
  const r = newRouter();
  r.openapi(queue, async (c) => {
    const rows = await workQueue(runtime.store, c.get('user')!, c.req.valid('query'));
    const items = rows.map((row) => toQueueItem(row, runtime.toTask));
    const tasks = await withOffers(
      runtime.store,
      items.map((i) => i.task),
    );
    return c.json({ items: items.map((item, i) => ({ ...item, task: tasks[i]! })) }, 200);
  });
  return r;
}

function toQueueItem(
  row: QueueRow,
  toTask: (t: QueueRow['task']) => z.infer<typeof Task>,
): z.infer<typeof QueueItem> {
  return {
    task: toTask(row.task),
    caseNumber: row.caseNumber === null ? null : formatCaseNumber(row.caseNumber),
    subject: row.subject,
    priority: row.priority,
    customerId: row.customerId,
    customerName: row.customerName,
    sla: { state: row.sla.state, dueAt: iso(row.sla.dueAt), target: row.sla.target },
  };
}
