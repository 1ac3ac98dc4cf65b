import { FlowChoices } from '@caseflow/schema';
import { createRoute } from '@hono/zod-openapi';
import { actorOf } from '../auth/access';
import { requireRole } from '../auth/roles';
import { flowChoices } from '../executor/flow-choices';
import type { AppDeps, Router } from './context';
import { bearer, errorResponses, json, newRouter } from './openapi';

const get = createRoute({
  method: 'get',
  path: '/flow-choices',
  tags: ['flows'],
  summary:
    'What a flow may refer to: groups, business calendars, notification templates, connection names, flows (the editor lists them instead of asking for ids)',
  security: bearer,
  middleware: [requireRole('owner')] as const,
  responses: { 200: json(FlowChoices, 'the choices'), ...errorResponses },
});

/** GET /flow-choices (owners and admins). */
export function flowChoicesRoutes({ runtime }: AppDeps): Router {
  const r = newRouter();
  r.openapi(get, async (c) =>
    c.json(await flowChoices(runtime.store, runtime.calendars, actorOf(c.get('user')!)), 200),
  );
  return r;
}
