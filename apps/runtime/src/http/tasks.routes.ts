import {
  Case,
  Task,
  TaskComplete,
  TaskDecline,
  TaskDelegate,
  TaskEscalate,
  TaskStatus,
} from '@caseflow/schema';
import { createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import { actorOf } from '../auth/access';
import { requireRole } from '../auth/roles';
import { countEvent } from './case-access';
import type { AppDeps, Router } from './context';
import { notFound } from './errors';
import { bearer, errorResponses, IdParam, json, jsonBody, newRouter, PageQuery, pageOf } from './openapi';
import { withOffers } from './task-offers';

const tags = ['tasks'];
const agent = requireRole('agent');

/** `?status=open,claimed` → ['open','claimed']; each value must be a task status. */
const StatusList = z
  .string()
  .transform((s) => s.split(',').filter(Boolean))
  .pipe(z.array(TaskStatus).min(1));

const listTasks = createRoute({
  method: 'get',
  path: '/tasks',
  tags,
  summary: 'Queue view: tasks by status, group, tier, assignee or case (oldest first)',
  security: bearer,
  middleware: [agent] as const,
  request: {
    query: PageQuery.extend({
      status: StatusList.optional(),
      group: z.string().max(200).optional(),
      tier: z.string().max(200).optional(),
      assignee: z.string().max(200).optional(),
      case: z.string().max(200).optional(),
      /** `mine=1`: only the queues of the caller's groups. */
      mine: z.enum(['1', 'true', '0', 'false']).optional(),
    }),
  },
  responses: { 200: json(pageOf(Task), 'a page of tasks'), ...errorResponses },
});
const getTask = createRoute({
  method: 'get',
  path: '/tasks/{id}',
  tags,
  summary: 'One task',
  security: bearer,
  middleware: [agent] as const,
  request: { params: IdParam },
  responses: { 200: json(Task, 'the task'), ...errorResponses },
});
const withBody = <B extends z.ZodType, R extends z.ZodType>(path: string, summary: string, body: B, out: R) =>
  createRoute({
    method: 'post',
    path,
    tags,
    summary,
    security: bearer,
    middleware: [agent] as const,
    request: { params: IdParam, body: jsonBody(body) },
    responses: { 200: json(out, 'done'), ...errorResponses },
  });

const claim = createRoute({
  method: 'post',
  path: '/tasks/{id}/claim',
  tags,
  summary: 'Claim a task (agents of its group)',
  security: bearer,
  middleware: [agent] as const,
  request: { params: IdParam },
  responses: { 200: json(Task, 'the claimed task'), ...errorResponses },
});
const complete = withBody(
  '/tasks/{id}/complete',
  'Complete with an outcome; approvals take approve or reject',
  TaskComplete,
  Case,
);
const escalate = withBody('/tasks/{id}/escalate', 'Escalate to the next tier', TaskEscalate, Case);
const delegate = withBody('/tasks/{id}/delegate', 'Reassign to another user', TaskDelegate, Task);
const decline = withBody(
  '/tasks/{id}/decline',
  'Give a task you hold back with a reason; routing offers it to the next agent, never to you again',
  TaskDecline,
  Task,
);

/** Tasks: queue view and claim / complete / escalate / delegate (agents of the task's group). */
export function tasksRoutes({ runtime, metrics }: AppDeps): Router {
  const r = newRouter();
  r.openapi(listTasks, async (c) => {
    const q = c.req.valid('query');
    let group: string | string[] | undefined = q.group;
    if (q.mine === '1' || q.mine === 'true') {
      const mine = c.get('user')!.groups;
      group = q.group === undefined ? mine : mine.filter((g) => g === q.group);
      if (group.length === 0) return c.json({ items: [], next: null }, 200);
    }
    const page = await runtime.store.tasks.list({
      status: q.status,
      group,
      tier: q.tier,
      assignee: q.assignee,
      caseId: q.case,
      limit: q.limit,
      cursor: q.cursor ?? null,
    });
    const items = await withOffers(
      runtime.store,
      page.items.map((t) => runtime.toTask(t)),
    );
    return c.json({ items, next: page.next }, 200);
  });
  r.openapi(getTask, async (c) => {
    const { id } = c.req.valid('param');
    const task = await runtime.store.tasks.get(id);
    if (!task) throw notFound('task', id);
    const [shown] = await withOffers(runtime.store, [runtime.toTask(task)]);
    return c.json(shown!, 200);
  });
  // Who may claim, complete, escalate or delegate is decided by the task commands inside their
  // transaction (executor/task-rules.ts); the routes only parse, call and map.
  r.openapi(claim, async (c) => {
    const actor = actorOf(c.get('user')!);
    return c.json(await runtime.claimTask(c.req.valid('param').id, actor), 200);
  });
  r.openapi(complete, async (c) => {
    const { id } = c.req.valid('param');
    const record = await runtime.completeTask(id, c.req.valid('json'), actorOf(c.get('user')!));
    const kind = record.tasks.find((t) => t.id === id)?.kind;
    countEvent(metrics, kind === 'approval' ? 'approval.vote' : 'task.complete', record);
    return c.json(record, 200);
  });
  r.openapi(escalate, async (c) => {
    const { id } = c.req.valid('param');
    const record = await runtime.escalateTask(id, c.req.valid('json').reason, actorOf(c.get('user')!));
    countEvent(metrics, 'task.escalate', record);
    return c.json(record, 200);
  });
  r.openapi(delegate, async (c) => {
    const { id } = c.req.valid('param');
    return c.json(await runtime.delegateTask(id, c.req.valid('json').to, actorOf(c.get('user')!)), 200);
  });
  r.openapi(decline, async (c) => {
    const { id } = c.req.valid('param');
    return c.json(await runtime.declineTask(id, c.req.valid('json').reason, actorOf(c.get('user')!)), 200);
  });
  return r;
}
