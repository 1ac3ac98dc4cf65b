import { GroupCreate, UserCreate } from '@caseflow/schema';
import { createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import { hashPassword } from '../auth/password';
import { requireRole } from '../auth/roles';
import type { AppDeps, Router } from './context';
import { badRequest } from './errors';
import { idempotent } from './idempotency';
import { bearer, errorResponses, json, jsonBody, newRouter } from './openapi';
import { GroupResource, toGroup, toUser, UserResource } from './resources';

const admin = requireRole('admin');
const tags = ['users'];

const listUsers = createRoute({
  method: 'get',
  path: '/users',
  tags,
  summary: 'List users',
  security: bearer,
  middleware: [admin] as const,
  responses: {
    200: json(z.object({ items: z.array(UserResource), next: z.null() }), 'users'),
    ...errorResponses,
  },
});
const createUser = createRoute({
  method: 'post',
  path: '/users',
  tags,
  summary: 'Create a user (password hashed with scrypt)',
  security: bearer,
  middleware: [admin] as const,
  request: { body: jsonBody(UserCreate) },
  responses: { 201: json(UserResource, 'the new user'), ...errorResponses },
});
// Owners read groups too: the flow editor offers them for tiers and approvers.
const listGroups = createRoute({
  method: 'get',
  path: '/groups',
  tags,
  summary: 'List groups (owners too: the flow editor offers them)',
  security: bearer,
  middleware: [requireRole('owner')] as const,
  responses: {
    200: json(z.object({ items: z.array(GroupResource), next: z.null() }), 'groups'),
    ...errorResponses,
  },
});
const createGroup = createRoute({
  method: 'post',
  path: '/groups',
  tags,
  summary: 'Create a group',
  security: bearer,
  middleware: [admin] as const,
  request: { body: jsonBody(GroupCreate) },
  responses: { 201: json(GroupResource, 'the new group'), ...errorResponses },
});

/** GET,POST /users and /groups (admin; owners may list groups). Users of the customer role must name a known customer. */
export function usersRoutes({ runtime }: AppDeps): Router {
  const r = newRouter();
  const store = runtime.store;
  r.openapi(listUsers, async (c) =>
    c.json({ items: (await store.users.list()).map(toUser), next: null }, 200),
  );
  r.use('/users', idempotent(store));
  r.openapi(createUser, async (c) => {
    const body = c.req.valid('json');
    if (body.roles.includes('customer')) {
      if (!body.customerId)
        throw badRequest('a customer user needs a customerId', [
          { path: 'customerId', message: 'required for role customer' },
        ]);
      if (!(await store.customers.get(body.customerId))) {
        throw badRequest(`unknown customer ${body.customerId}`, [
          { path: 'customerId', message: 'unknown customer' },
        ]);
      }
    }
    for (const g of body.groups) {
      if (!(await store.groups.get(g)))
        throw badRequest(`unknown group ${g}`, [{ path: 'groups', message: `unknown group ${g}` }]);
    }
    const user = await store.users.create({
      username: body.username,
      passwordHash: await hashPassword(body.password),
      displayName: body.displayName ?? null,
      roles: body.roles,
      groups: body.groups,
      tiers: body.tiers,
      customerId: body.customerId ?? null,
      createdAt: runtime.clock.now(),
    });
    return c.json(toUser(user), 201);
  });
  r.openapi(listGroups, async (c) =>
    c.json({ items: (await store.groups.list()).map(toGroup), next: null }, 200),
  );
  r.use('/groups', idempotent(store));
  r.openapi(createGroup, async (c) => {
    const body = c.req.valid('json');
    const group = await store.groups.create({ ...body, createdAt: runtime.clock.now() });
    return c.json(toGroup(group), 201);
  });
  return r;
}
