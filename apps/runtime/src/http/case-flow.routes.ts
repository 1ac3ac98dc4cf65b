import { createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import { requireRole } from '../auth/roles';
import { redactCredentials } from '../connections/redact-credentials';
import { visibleCase } from './case-access';
import type { AppDeps, Router } from './context';
import { notFound } from './errors';
import { bearer, errorResponses, IdParam, json, newRouter } from './openapi';

/** The flow version a case runs on: what the case page draws its diagram from. */
export const CaseFlowResource = z.object({
  flow: z.string(),
  version: z.number().int(),
  definition: z.unknown(),
});

const caseFlow = createRoute({
  method: 'get',
  path: '/cases/{id}/flow',
  tags: ['cases'],
  summary: "The definition of the flow version the case runs on (for the case's diagram)",
  security: bearer,
  // Staff only: a definition carries internal routing (conditions, approver groups, calls).
  middleware: [requireRole('agent')] as const,
  request: { params: IdParam },
  responses: { 200: json(CaseFlowResource, 'flow key, version and definition'), ...errorResponses },
});

/**
 * `GET /cases/:id/flow`: the definition of the exact version a case runs on, for agents and
 * above under the case's access rules — agents may not read flow versions themselves
 * (owner+), yet must see the diagram of the cases they work. Customers follow their case by
 * its status, current step and public timeline instead.
 */
export function caseFlowRoutes({ runtime }: AppDeps): Router {
  const r = newRouter();
  r.openapi(caseFlow, async (c) => {
    const record = await visibleCase(runtime, c.get('user')!, c.req.valid('param').id);
    const version = await runtime.getVersion(record.flow, record.version);
    // A case always references a published version; a missing one is a broken database.
    if (!version) throw notFound('version', `${record.flow}@${record.version}`);
    // Every agent reads this: credentials an old flow wrote into http actions stay hidden.
    return c.json(
      { flow: version.flow, version: version.version, definition: redactCredentials(version.definition) },
      200,
    );
  });
  return r;
}
