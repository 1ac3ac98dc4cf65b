import { ErrorBody, LoginRequest, LoginResponse } from '@caseflow/schema';
import { createRoute } from '@hono/zod-openapi';
import { createLoginThrottle } from '../auth/login-throttle';
import { DUMMY_HASH_PROMISE, verifyPassword } from '../auth/password';
import { requireUser } from '../auth/roles';
import { signToken } from '../auth/tokens';
import type { AppDeps, Router } from './context';
import { AppError } from './errors';
import { errorResponses, json, jsonBody, newRouter } from './openapi';
import { toUser, UserResource } from './resources';

const login = createRoute({
  method: 'post',
  path: '/auth/login',
  tags: ['auth'],
  summary: 'Sign in with username and password; answers a bearer token',
  request: { body: jsonBody(LoginRequest) },
  responses: {
    200: json(LoginResponse, 'a bearer token and the user'),
    400: errorResponses[400],
    401: errorResponses[401],
    429: json(ErrorBody, 'too many failed attempts for this username (see Retry-After)'),
  },
});

const me = createRoute({
  method: 'get',
  path: '/auth/me',
  tags: ['auth'],
  summary: 'The signed-in user (for a client restoring its session)',
  security: [{ bearerAuth: [] }],
  middleware: [requireUser] as const,
  responses: { 200: json(UserResource, 'the user'), 401: errorResponses[401] },
});

/**
 * GET /auth/me answers the user behind the token.
 *
 * POST /auth/login. Unknown usernames cost one scrypt like known ones, so the answer time does
 * not tell which usernames exist; both failures give the same 401. Ten failures for a username
 * within five minutes answer 429 until the window passes.
 */
export function authRoutes({ runtime, config }: AppDeps): Router {
  const r = newRouter();
  const throttle = createLoginThrottle();
  r.openapi(login, async (c) => {
    const { username, password } = c.req.valid('json');
    const wait = throttle.retryAfter(username, Date.now());
    if (wait > 0) {
      c.header('Retry-After', String(Math.ceil(wait / 1000)));
      throw new AppError('too-many-attempts', 429, 'too many failed sign-ins; try again later');
    }
    const found = await runtime.store.users.getCredentials(username);
    const ok = await verifyPassword(password, found?.passwordHash ?? (await DUMMY_HASH_PROMISE));
    if (!found || !ok) {
      throttle.failed(username, Date.now());
      throw new AppError('invalid-credentials', 401, 'wrong username or password');
    }
    throttle.succeeded(username);
    const { user } = found;
    const token = signToken(user.username, config.secret, Date.now());
    return c.json(
      {
        token,
        user: {
          username: user.username,
          roles: user.roles,
          groups: user.groups,
          customerId: user.customerId,
        },
      },
      200,
    );
  });
  r.openapi(me, (c) => c.json(toUser(c.get('user')!), 200));
  return r;
}
