import { createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import { DEMO_PASSWORD, DEMO_USERS } from '../seed/demo-data';
import type { AppDeps, Router } from './context';
import { notFound } from './errors';
import { errorResponses, json, newRouter } from './openapi';

const DemoAccount = z.object({
  username: z.string(),
  displayName: z.string().nullable(),
  roles: z.array(z.string()),
  groups: z.array(z.string()),
  /** The demo password, or null when this account's was set otherwise (admin with CASEFLOW_ADMIN_PASSWORD). */
  password: z.string().nullable(),
});
const Demo = z.object({ demo: z.literal(true), accounts: z.array(DemoAccount) });

const demo = createRoute({
  method: 'get',
  path: '/demo',
  tags: ['ops'],
  summary: 'Demo mode only (CASEFLOW_DEMO=1): the demo accounts the login page lists; 404 otherwise',
  responses: { 200: json(Demo, 'the demo accounts that are still active'), ...errorResponses },
});

/** GET /demo: says the runtime runs the demo, and which demo logins still work. */
export function demoRoutes({ runtime, config }: AppDeps): Router {
  const r = newRouter();
  r.openapi(demo, async (c) => {
    if (!config.demo) throw notFound('demo mode (CASEFLOW_DEMO is off)');
    const users = new Map((await runtime.store.users.list()).map((u) => [u.username, u]));
    const accounts = DEMO_USERS.flatMap((d) => {
      const user = users.get(d.username);
      // Accounts an admin deactivated are not offered.
      if (!user?.active) return [];
      return [
        {
          username: user.username,
          displayName: user.displayName,
          roles: user.roles,
          groups: user.groups,
          password: d.username === 'admin' && config.adminPassword ? null : DEMO_PASSWORD,
        },
      ];
    });
    return c.json({ demo: true as const, accounts }, 200);
  });
  return r;
}
