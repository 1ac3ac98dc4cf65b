import { AgentResource, PresenceUpdate } from '@caseflow/schema';
import { createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import { requireRole } from '../auth/roles';
import { isRoutableAgent, toAgent } from '../routing/agent-profile';
import type { AppDeps, Router } from './context';
import { notFound } from './errors';
import { bearer, errorResponses, json, jsonBody, newRouter } from './openapi';

const tags = ['routing'];
const agent = requireRole('agent');
const UsernameParam = z.object({ username: z.string().min(1).max(100) });

const listAgents = createRoute({
  method: 'get',
  path: '/agents',
  tags,
  summary: 'Active agents with presence, skills, capacity, working-hours calendar and out-of-office periods',
  security: bearer,
  middleware: [agent] as const,
  request: { query: z.object({ group: z.string().max(100).optional() }) },
  responses: {
    200: json(z.object({ items: z.array(AgentResource), next: z.null() }), 'agents'),
    ...errorResponses,
  },
});
const getAgent = createRoute({
  method: 'get',
  path: '/agents/{username}',
  tags,
  summary: 'One agent with their routing profile',
  security: bearer,
  middleware: [agent] as const,
  request: { params: UsernameParam },
  responses: { 200: json(AgentResource, 'the agent'), ...errorResponses },
});
const putPresence = createRoute({
  method: 'put',
  path: '/agents/{username}/presence',
  tags,
  summary:
    "Set an agent's presence (online, away, offline): their own, or anyone's for a supervisor (an admin or a member of group supervisors). Every change is logged with who made it",
  security: bearer,
  middleware: [agent] as const,
  request: { params: UsernameParam, body: jsonBody(PresenceUpdate) },
  responses: { 200: json(AgentResource, 'the agent with the new presence'), ...errorResponses },
});

/** GET /agents, GET /agents/:username and PUT /agents/:username/presence (DESIGN §12). */
export function agentsRoutes({ runtime }: AppDeps): Router {
  const r = newRouter();
  const store = runtime.store;
  r.openapi(listAgents, async (c) => {
    const { group } = c.req.valid('query');
    const users = (await store.users.list()).filter(
      (u) => isRoutableAgent(u) && (group === undefined || u.groups.includes(group)),
    );
    const profiles = await store.routing.profiles(users.map((u) => u.username));
    const profileOf = new Map(profiles.map((p) => [p.username, p]));
    return c.json(
      { items: users.map((u) => toAgent(u, profileOf.get(u.username) ?? null)), next: null },
      200,
    );
  });
  r.openapi(getAgent, async (c) => {
    const { username } = c.req.valid('param');
    const user = await store.users.get(username);
    if (!user || !isRoutableAgent(user)) throw notFound('agent', username);
    return c.json(toAgent(user, await store.routing.profile(username)), 200);
  });
  r.openapi(putPresence, async (c) => {
    const { username } = c.req.valid('param');
    const { status } = c.req.valid('json');
    const profile = await runtime.setPresence(c.get('user')!.username, username, status);
    const user = await store.users.get(username);
    if (!user) throw notFound('agent', username);
    return c.json(toAgent(user, profile), 200);
  });
  return r;
}
