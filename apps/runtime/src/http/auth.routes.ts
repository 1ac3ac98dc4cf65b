import { ErrorBody, LoginRequest, LoginResponse, OwnProfilePatch, PasswordChange } from '@caseflow/schema';
import { createRoute } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { createSignIn, TooManyAttempts } from '../auth/login';
import { createLoginThrottle } from '../auth/login-throttle';
import { requireUser } from '../auth/roles';
import type { SessionContext } from '../auth/sessions';
import { changeOwnPassword, endSession, updateOwnProfile } from '../auth/user-commands';
import type { AppDeps, AppEnv, Router } from './context';
import { errorResponses, json, jsonBody, newRouter } from './openapi';
import { requestSource } from './request-source';
import { toUser, UserResource } from './resources';

const tags = ['auth'];

const login = createRoute({
  method: 'post',
  path: '/auth/login',
  tags,
  summary: 'Sign in with username and password; answers a bearer token naming a new session',
  request: { body: jsonBody(LoginRequest) },
  responses: {
    200: json(LoginResponse, 'a bearer token and the user'),
    400: errorResponses[400],
    401: errorResponses[401],
    429: json(ErrorBody, 'too many failed sign-ins from this address or for this username (see Retry-After)'),
  },
});

const logout = createRoute({
  method: 'post',
  path: '/auth/logout',
  tags,
  summary: "Ends the caller's session: its token stops working at once",
  security: [{ bearerAuth: [] }],
  middleware: [requireUser] as const,
  responses: { 204: { description: 'signed out' }, 401: errorResponses[401] },
});

const password = createRoute({
  method: 'post',
  path: '/auth/password',
  tags,
  summary: "Changes the caller's password; every other session of theirs ends",
  security: [{ bearerAuth: [] }],
  middleware: [requireUser] as const,
  request: { body: jsonBody(PasswordChange) },
  responses: {
    204: { description: 'changed' },
    400: errorResponses[400],
    401: errorResponses[401],
    409: errorResponses[409],
  },
});

const me = createRoute({
  method: 'get',
  path: '/auth/me',
  tags,
  summary: 'The signed-in user (for a client restoring its session)',
  security: [{ bearerAuth: [] }],
  middleware: [requireUser] as const,
  responses: { 200: json(UserResource, 'the user'), 401: errorResponses[401] },
});

const patchMe = createRoute({
  method: 'patch',
  path: '/auth/me',
  tags,
  summary:
    "Changes the caller's own profile: their language (en, pt-BR), which screens and what they receive use; a customer's also becomes their customer profile's",
  security: [{ bearerAuth: [] }],
  middleware: [requireUser] as const,
  request: { body: jsonBody(OwnProfilePatch) },
  responses: { 200: json(UserResource, 'the user'), 400: errorResponses[400], 401: errorResponses[401] },
});

/**
 * POST /auth/login, /auth/logout, /auth/password, GET /auth/me and PATCH /auth/me. The rules live in the
 * commands (auth/login.ts, auth/user-commands.ts); this file parses, calls and maps. A 429
 * carries Retry-After in seconds.
 */
export function authRoutes({ runtime, config }: AppDeps): Router {
  const r = newRouter();
  const signIn = createSignIn({
    store: runtime.store,
    secret: config.secret,
    limits: config.sessions,
    throttle: createLoginThrottle(),
    now: Date.now,
    // In demo mode an agent who signs in is at work (seed/demo-presence.ts).
    demoPresence: config.demoPresence
      ? { presenceNow: () => runtime.clock.now(), cameOnline: (groups) => runtime.routingChanged(groups) }
      : undefined,
  });
  const contextOf = (c: Context<AppEnv>): SessionContext => ({
    source: requestSource(c, config.trustProxy),
    userAgent: c.req.header('user-agent') ?? null,
  });

  r.openapi(login, async (c) => {
    try {
      return c.json(await signIn(c.req.valid('json'), contextOf(c)), 200);
    } catch (error) {
      if (error instanceof TooManyAttempts) c.header('Retry-After', String(error.retryAfterSeconds));
      throw error;
    }
  });
  r.openapi(logout, async (c) => {
    const sessionId = c.get('sessionId');
    if (sessionId) {
      await endSession(runtime.store, sessionId, Date.now(), runtime.clock.now());
      // The presence may have changed: routing's cached view of the agents is stale.
      runtime.router.directory.invalidate();
    }
    return c.body(null, 204);
  });
  r.openapi(password, async (c) => {
    await changeOwnPassword(
      runtime.store,
      c.get('user')!.username,
      c.get('sessionId'),
      c.req.valid('json'),
      Date.now(),
    );
    return c.body(null, 204);
  });
  r.openapi(me, (c) => c.json(toUser(c.get('user')!), 200));
  r.openapi(patchMe, async (c) => {
    const user = await updateOwnProfile(
      runtime.store,
      c.get('user')!.username,
      c.req.valid('json'),
      Date.now(),
    );
    return c.json(toUser(user), 200);
  });
  return r;
}
