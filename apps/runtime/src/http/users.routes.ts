import { GroupCreate, GroupUpdate, PasswordReset, UserCreate, UserPatch } from '@caseflow/schema';
import { createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import {
  createGroup as createGroupCommand,
  listGroups as groupsWithMembers,
  updateGroup,
} from '../auth/group-commands';
import { requireRole } from '../auth/roles';
import { createUser as createUserCommand, resetPassword, updateUser } from '../auth/user-commands';
import type { AppDeps, Router } from './context';
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
const UsernameParam = z.object({ username: z.string().min(1).max(100) });
const patchUser = createRoute({
  method: 'patch',
  path: '/users/{username}',
  tags,
  summary:
    'Change a user (only the fields given), including their routing profile (skills, capacity, calendar, outOfOffice); active: false revokes their sessions at once. An admin cannot deactivate or demote themselves; the last active admin stays',
  security: bearer,
  middleware: [admin] as const,
  request: { params: UsernameParam, body: jsonBody(UserPatch) },
  responses: { 200: json(UserResource, 'the changed user'), ...errorResponses },
});
const resetUserPassword = createRoute({
  method: 'post',
  path: '/users/{username}/password',
  tags,
  summary: "Set a user's password (admin); every session of theirs ends",
  security: bearer,
  middleware: [admin] as const,
  request: { params: UsernameParam, body: jsonBody(PasswordReset) },
  responses: { 204: { description: 'set' }, ...errorResponses },
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
const GroupParam = z.object({ name: z.string().min(1).max(100) });
const putGroup = createRoute({
  method: 'put',
  path: '/groups/{name}',
  tags,
  summary:
    "Change a group's description, members (the whole list: users not named leave it) and/or routing settings `{mode, offerTimeout?, overflow?: {to, afterWait?, afterQueue?}, paused?}`. The name is the group's key",
  security: bearer,
  middleware: [admin] as const,
  request: { params: GroupParam, body: jsonBody(GroupUpdate) },
  responses: { 200: json(GroupResource, 'the changed group'), ...errorResponses },
});

/**
 * GET,POST /users, PATCH /users/:username, POST /users/:username/password, GET,POST /groups and
 * PUT /groups/:name
 * (admin; owners may list groups). The rules are the commands' (auth/user-commands.ts).
 */
export function usersRoutes({ runtime }: AppDeps): Router {
  const r = newRouter();
  const store = runtime.store;
  r.openapi(listUsers, async (c) => {
    const [users, profiles] = await Promise.all([store.users.list(), store.routing.profiles()]);
    const profileOf = new Map(profiles.map((p) => [p.username, p]));
    return c.json({ items: users.map((u) => toUser(u, profileOf.get(u.username) ?? null)), next: null }, 200);
  });
  r.use('/users', idempotent(store));
  r.openapi(createUser, async (c) => {
    const user = await createUserCommand(
      store,
      c.get('user')!.username,
      c.req.valid('json'),
      runtime.clock.now(),
    );
    return c.json(toUser(user), 201);
  });
  r.openapi(patchUser, async (c) => {
    const { username } = c.req.valid('param');
    const { user, profile } = await updateUser(
      store,
      c.get('user')!.username,
      username,
      c.req.valid('json'),
      Date.now(),
      Object.keys({ '24x7': true, ...runtime.calendars }),
    );
    // Skills, capacity, hours or groups may let waiting work go to them now.
    await runtime.routingChanged(user.groups);
    return c.json(toUser(user, profile), 200);
  });
  r.openapi(resetUserPassword, async (c) => {
    const { username } = c.req.valid('param');
    const { next } = c.req.valid('json');
    await resetPassword(store, c.get('user')!.username, c.get('sessionId'), username, next, Date.now());
    return c.body(null, 204);
  });
  r.openapi(listGroups, async (c) =>
    c.json({ items: (await groupsWithMembers(store)).map(toGroup), next: null }, 200),
  );
  r.use('/groups', idempotent(store));
  r.openapi(createGroup, async (c) => {
    const group = await createGroupCommand(
      store,
      c.get('user')!.username,
      c.req.valid('json'),
      runtime.clock.now(),
    );
    return c.json(toGroup(group), 201);
  });
  r.openapi(putGroup, async (c) => {
    const { name } = c.req.valid('param');
    const group = await updateGroup(
      store,
      c.get('user')!.username,
      name,
      c.req.valid('json'),
      runtime.clock.now(),
    );
    // A group that routes now (or has new members) hands its waiting work out.
    await runtime.routingChanged([name]);
    return c.json(toGroup(group), 200);
  });
  return r;
}
