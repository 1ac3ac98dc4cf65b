import {
  CannedResponse,
  CannedResponseInput,
  Locale,
  RenderedResponse,
  RenderResponseBody,
} from '@caseflow/schema';
import { createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import { actorOf } from '../auth/access';
import { requireRole } from '../auth/roles';
import type { AppDeps, Router } from '../http/context';
import { bearer, errorResponses, json, jsonBody, newRouter } from '../http/openapi';
import {
  createResponse,
  deleteResponse,
  listResponses,
  renderResponse,
  updateResponse,
} from './response-commands';

const tags = ['canned responses'];
const IdParam = z.object({ id: z.string().min(1).max(100) });

const route = <T extends Parameters<typeof createRoute>[0]>(config: T) =>
  createRoute({ tags, security: bearer, middleware: [requireRole('agent')] as const, ...config });

const list = route({
  method: 'get',
  path: '/responses',
  summary: 'Canned responses the caller may use: shared ones and those of their groups, by title',
  request: { query: z.object({ locale: Locale.optional() }) },
  responses: {
    200: json(z.object({ items: z.array(CannedResponse), next: z.null() }), 'responses'),
    ...errorResponses,
  },
});
const create = route({
  method: 'post',
  path: '/responses',
  summary: 'Create a canned response (owners any; agents for their own groups)',
  request: { body: jsonBody(CannedResponseInput) },
  responses: { 201: json(CannedResponse, 'the new response'), ...errorResponses },
});
const replace = route({
  method: 'put',
  path: '/responses/{id}',
  summary: 'Replace a canned response',
  request: { params: IdParam, body: jsonBody(CannedResponseInput) },
  responses: { 200: json(CannedResponse, 'the response'), ...errorResponses },
});
const remove = route({
  method: 'delete',
  path: '/responses/{id}',
  summary: 'Delete a canned response',
  request: { params: IdParam },
  responses: { 204: { description: 'deleted' }, ...errorResponses },
});
const render = route({
  method: 'post',
  path: '/responses/{id}/render',
  summary: 'The response for one case, its FEEL placeholders filled in',
  request: { params: IdParam, body: jsonBody(RenderResponseBody) },
  responses: { 200: json(RenderedResponse, 'title and rendered body'), ...errorResponses },
});

/** GET,POST /responses, PUT,DELETE /responses/:id and POST /responses/:id/render (DESIGN §10). */
export function responsesRoutes({ runtime }: AppDeps): Router {
  const r = newRouter();
  const deps = { store: runtime.store, clock: runtime.clock };
  const actor = (user: { username: string } | null) => actorOf(user!);
  r.openapi(list, async (c) => {
    const items = await listResponses(deps, actor(c.get('user')), c.req.valid('query'));
    return c.json({ items, next: null }, 200);
  });
  r.openapi(create, async (c) =>
    c.json(await createResponse(deps, actor(c.get('user')), c.req.valid('json')), 201),
  );
  r.openapi(replace, async (c) =>
    c.json(
      await updateResponse(deps, actor(c.get('user')), c.req.valid('param').id, c.req.valid('json')),
      200,
    ),
  );
  r.openapi(remove, async (c) => {
    await deleteResponse(deps, actor(c.get('user')), c.req.valid('param').id);
    return c.body(null, 204);
  });
  r.openapi(render, async (c) =>
    c.json(
      await renderResponse(deps, actor(c.get('user')), c.req.valid('param').id, c.req.valid('json').caseId),
      200,
    ),
  );
  return r;
}
