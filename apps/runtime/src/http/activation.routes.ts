import { ActivationRejection, ActivationRequest, ActivationRequestCreate } from '@caseflow/schema';
import { createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import { actorOf } from '../auth/access';
import { requireRole } from '../auth/roles';
import type { ActivationRequestRow } from '../store/activation-store';
import type { AppDeps, Router } from './context';
import { bearer, errorResponses, IdParam, isoAt, json, jsonBody, KeyParam, newRouter } from './openapi';

const tags = ['flows'];
const owner = requireRole('owner');
const admin = requireRole('admin');

const route = <T extends Parameters<typeof createRoute>[0]>(config: T) =>
  createRoute({ tags, security: bearer, ...config });

const Items = z.object({ items: z.array(ActivationRequest), next: z.null() });

/** A stored request as the API answers it (instants as ISO strings). */
export function toActivationRequest(r: ActivationRequestRow): ActivationRequest {
  return {
    ...r,
    requestedAt: isoAt(r.requestedAt),
    decidedAt: r.decidedAt === null ? null : isoAt(r.decidedAt),
  };
}

const create = route({
  method: 'post',
  path: '/flows/{key}/activation-requests',
  summary: 'Ask admins to make a published version live, with a note (owner of flows or admin)',
  middleware: [owner] as const,
  request: { params: KeyParam, body: jsonBody(ActivationRequestCreate) },
  responses: { 201: json(ActivationRequest, 'the pending request'), ...errorResponses },
});
const list = route({
  method: 'get',
  path: '/flows/{key}/activation-requests',
  summary: "The flow's activation requests and activations, newest first: who, when, note, decision",
  middleware: [owner] as const,
  request: { params: KeyParam },
  responses: { 200: json(Items, 'requests'), ...errorResponses },
});
const reject = route({
  method: 'post',
  path: '/flows/{key}/activation-requests/{id}/reject',
  summary: 'Reject a pending activation request with a note (admin)',
  middleware: [admin] as const,
  request: { params: KeyParam.merge(IdParam), body: jsonBody(ActivationRejection) },
  responses: { 200: json(ActivationRequest, 'the rejected request'), ...errorResponses },
});
const pending = route({
  method: 'get',
  path: '/activation-requests',
  summary: 'Pending activation requests of every flow, oldest first (admin)',
  middleware: [admin] as const,
  responses: { 200: json(Items, 'pending requests'), ...errorResponses },
});

/**
 * Activation requests (publish → activate made explicit). The admin's activation itself is
 * `POST /flows/:key/activate {version, note?}` in flows.routes.ts; the rules are in the commands.
 */
export function activationRoutes({ runtime }: AppDeps): Router {
  const r = newRouter();
  r.openapi(create, async (c) => {
    const row = await runtime.requestActivation(
      c.req.valid('param').key,
      c.req.valid('json'),
      actorOf(c.get('user')!),
    );
    return c.json(toActivationRequest(row), 201);
  });
  r.openapi(list, async (c) => {
    const rows = await runtime.listActivationRequests(c.req.valid('param').key, actorOf(c.get('user')!));
    return c.json({ items: rows.map(toActivationRequest), next: null }, 200);
  });
  r.openapi(reject, async (c) => {
    const { key, id } = c.req.valid('param');
    const row = await runtime.rejectActivation(key, id, c.req.valid('json').note, actorOf(c.get('user')!));
    return c.json(toActivationRequest(row), 200);
  });
  r.openapi(pending, async (c) => {
    const rows = await runtime.pendingActivations(actorOf(c.get('user')!));
    return c.json({ items: rows.map(toActivationRequest), next: null }, 200);
  });
  return r;
}
