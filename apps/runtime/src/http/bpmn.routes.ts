import { LIMITS } from '@caseflow/schema';
import { createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import { requireRole } from '../auth/roles';
import { flowToBpmn } from '../bpmn/flow-to-bpmn';
import type { AppDeps, Router } from './context';
import { notFound } from './errors';
import { bearer, errorResponses, KeyParam, newRouter } from './openapi';

const owner = requireRole('owner');

const exportBpmn = createRoute({
  tags: ['flows'],
  security: bearer,
  method: 'get',
  path: '/flows/{key}/versions/{v}/bpmn',
  summary:
    'The version as BPMN 2.0 XML (process, tasks, gateways, events, a lane per tier) with diagram interchange from the canvas layout',
  middleware: [owner] as const,
  request: { params: KeyParam.extend({ v: z.coerce.number().int().min(1).max(LIMITS.int) }) },
  responses: {
    200: {
      description: 'BPMN 2.0 XML, as a download',
      content: { 'application/xml': { schema: z.string() } },
    },
    ...errorResponses,
  },
});

/** BPMN 2.0 export of published versions, for auditors and BPMN tools (DESIGN §13). */
export function bpmnRoutes({ runtime }: AppDeps): Router {
  const r = newRouter();
  r.openapi(exportBpmn, async (c) => {
    const { key, v } = c.req.valid('param');
    const row = await runtime.getVersion(key, v);
    if (!row) throw notFound('version', `${key}@${v}`);
    // Keys are `[a-z][a-z0-9-]*`: safe in a file name as they are.
    return c.body(flowToBpmn(row.definition), 200, {
      'content-type': 'application/xml; charset=utf-8',
      'content-disposition': `attachment; filename="${key}-v${v}.bpmn"`,
    });
  });
  return r;
}
