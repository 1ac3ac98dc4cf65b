import { GroupAssignmentUpdate, GroupRouting, SupervisorOverview } from '@caseflow/schema';
import { createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import { requireUser } from '../auth/roles';
import { setGroupPaused } from '../executor/group-assignment';
import { supervisorOverview } from '../executor/supervisor-overview';
import type { AppDeps, Router } from './context';
import { bearer, errorResponses, json, jsonBody, newRouter } from './openapi';

const DAY_MS = 86_400_000;

const overview = createRoute({
  method: 'get',
  path: '/supervisor/overview',
  tags: ['supervisor'],
  summary:
    'Supervisors (admins, members of the supervisors group): queues per group and tier, tasks at risk and breached, throughput since `since`, agents with their load and work, breach notifications',
  security: bearer,
  middleware: [requireUser] as const,
  request: {
    query: z.object({
      since: z
        .string()
        .datetime({ offset: true })
        .optional()
        .describe(
          "start of the throughput window (the caller's midnight); default the runtime's UTC midnight",
        ),
    }),
  },
  responses: { 200: json(SupervisorOverview, 'the overview'), ...errorResponses },
});

const assignment = createRoute({
  method: 'put',
  path: '/supervisor/groups/{name}/assignment',
  tags: ['supervisor'],
  summary:
    "Pause or resume a group's automatic assignment (supervisors); answers the group's routing settings",
  security: bearer,
  middleware: [requireUser] as const,
  request: {
    params: z.object({ name: z.string().min(1).max(100) }),
    body: jsonBody(GroupAssignmentUpdate),
  },
  responses: { 200: json(GroupRouting, "the group's routing settings"), ...errorResponses },
});

/**
 * GET /supervisor/overview and PUT /supervisor/groups/:name/assignment (DESIGN §12); who may is
 * decided in the query and the command themselves.
 */
export function supervisorRoutes({ runtime }: AppDeps): Router {
  const r = newRouter();
  r.openapi(overview, async (c) => {
    const now = runtime.clock.now();
    const given = c.req.valid('query').since;
    // A window of at most a day back: "today", however the caller's midnight falls.
    const since = given === undefined ? now - (now % DAY_MS) : Math.max(Date.parse(given), now - DAY_MS);
    return c.json(await supervisorOverview(runtime.store, c.get('user')!.username, { now, since }), 200);
  });
  r.openapi(assignment, async (c) => {
    const { name } = c.req.valid('param');
    const { paused } = c.req.valid('json');
    const actor = c.get('user')!.username;
    const routing = await setGroupPaused(runtime.store, actor, name, paused, runtime.clock.now());
    // Resumed: the group's waiting work is offered now rather than at the next sweep.
    await runtime.routingChanged([name]);
    return c.json(routing, 200);
  });
  return r;
}
