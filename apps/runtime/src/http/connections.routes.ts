import { Connection, ConnectionInput, ConnectionName } from '@caseflow/schema';
import { createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import { requireRole } from '../auth/roles';
import type { AppDeps, Router } from './context';
import { idempotent } from './idempotency';
import { bearer, errorResponses, json, jsonBody, newRouter } from './openapi';

const tags = ['connections'];
const admin = requireRole('admin');
const NameParam = z.object({ name: z.string().min(1).max(64) });

const route = <T extends Parameters<typeof createRoute>[0]>(config: T) =>
  createRoute({ tags, security: bearer, middleware: [admin] as const, ...config });

const list = route({
  method: 'get',
  path: '/connections',
  summary: 'Connections http actions call by name (secrets never shown: "secret": "set")',
  responses: {
    200: json(z.object({ items: z.array(Connection), next: z.null() }), 'connections'),
    ...errorResponses,
  },
});
const create = route({
  method: 'post',
  path: '/connections',
  summary: 'Create a connection: base URL, allowed hosts and write-only credentials',
  request: { body: jsonBody(ConnectionInput) },
  responses: { 201: json(Connection, 'the new connection'), ...errorResponses },
});
const get = route({
  method: 'get',
  path: '/connections/{name}',
  summary: 'One connection',
  request: { params: NameParam },
  responses: { 200: json(Connection, 'the connection'), ...errorResponses },
});
const replace = route({
  method: 'put',
  path: '/connections/{name}',
  summary: 'Replace a connection; a secret left out is kept while the auth kind stays',
  request: {
    params: NameParam,
    body: jsonBody(ConnectionInput.extend({ name: ConnectionName.optional() })),
  },
  responses: { 200: json(Connection, 'the connection'), ...errorResponses },
});
const remove = route({
  method: 'delete',
  path: '/connections/{name}',
  summary: 'Delete a connection; 409 naming the active flow versions that call it',
  request: { params: NameParam },
  responses: { 204: { description: 'deleted' }, ...errorResponses },
});

/** GET,POST /connections and GET,PUT,DELETE /connections/:name (admin; DESIGN §8). */
export function connectionsRoutes({ runtime }: AppDeps): Router {
  const r = newRouter();
  const connections = runtime.connections;
  r.openapi(list, async (c) => c.json({ items: await connections.list(c.get('user')!), next: null }, 200));
  r.use('/connections', idempotent(runtime.store));
  r.openapi(create, async (c) => c.json(await connections.create(c.get('user')!, c.req.valid('json')), 201));
  r.openapi(get, async (c) => c.json(await connections.get(c.get('user')!, c.req.valid('param').name), 200));
  r.openapi(replace, async (c) =>
    c.json(await connections.update(c.get('user')!, c.req.valid('param').name, c.req.valid('json')), 200),
  );
  r.openapi(remove, async (c) => {
    await connections.delete(c.get('user')!, c.req.valid('param').name);
    return c.body(null, 204);
  });
  return r;
}
