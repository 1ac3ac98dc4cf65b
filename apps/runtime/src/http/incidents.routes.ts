import { Incident, type IncidentRef, IncidentResolve, IncidentStatus } from '@caseflow/schema';
import { createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import { requireRole } from '../auth/roles';
import type { IncidentRow } from '../store/store';
import type { AppDeps, Router } from './context';
import {
  bearer,
  errorResponses,
  IdParam,
  iso,
  isoAt,
  json,
  jsonBody,
  newRouter,
  PageQuery,
  pageOf,
} from './openapi';

const tags = ['ops'];
const incidentError = json(
  z.object({ error: z.object({ code: z.string(), message: z.string(), details: z.unknown().optional() }) }),
  'the re-run failed again: `incident` with details.incidentId (attempts went up by one)',
);

const list = createRoute({
  method: 'get',
  path: '/incidents',
  tags,
  summary:
    'Incidents (events, timers, deliveries that failed for a reason the flow does not model), newest first',
  security: bearer,
  middleware: [requireRole('owner')] as const,
  request: {
    query: PageQuery.extend({ status: IncidentStatus.optional(), case: z.string().max(200).optional() }),
  },
  responses: { 200: json(pageOf(Incident), 'a page of incidents'), ...errorResponses },
});
const retry = createRoute({
  method: 'post',
  path: '/incidents/{id}/retry',
  tags,
  summary: 'Re-run what the incident failed on; success resolves it',
  security: bearer,
  middleware: [requireRole('admin')] as const,
  request: { params: IdParam },
  responses: { 200: json(Incident, 'the resolved incident'), ...errorResponses, 422: incidentError },
});
const resolve = createRoute({
  method: 'post',
  path: '/incidents/{id}/resolve',
  tags,
  summary: 'Close the incident without re-running it; the note says why',
  security: bearer,
  middleware: [requireRole('admin')] as const,
  request: { params: IdParam, body: jsonBody(IncidentResolve) },
  responses: { 200: json(Incident, 'the resolved incident'), ...errorResponses },
});

/** An incident row as the API shows it (the source reduced to what it is, not its data). */
export function toIncident(i: IncidentRow): Incident {
  const command = typeof i.source.command === 'string' ? { command: i.source.command } : {};
  return {
    id: i.id,
    caseId: i.caseId,
    nodeId: i.nodeId,
    kind: i.kind,
    message: i.message,
    status: i.status,
    attempts: i.attempts,
    source: { type: i.source.type, ...command },
    createdAt: isoAt(i.createdAt),
    updatedAt: isoAt(i.updatedAt),
    resolvedAt: iso(i.resolvedAt),
    resolvedBy: i.resolvedBy,
    note: i.note,
  };
}

/** The open incidents of a case as the staff Case resource shows them. */
export function toIncidentRef(i: IncidentRow): IncidentRef {
  return { id: i.id, kind: i.kind, message: i.message, nodeId: i.nodeId };
}

/** GET /incidents (owner+), POST /incidents/:id/retry and /resolve (admin; DESIGN §8). */
export function incidentsRoutes({ runtime }: AppDeps): Router {
  const r = newRouter();
  r.openapi(list, async (c) => {
    const q = c.req.valid('query');
    const page = await runtime.listIncidents(
      { status: q.status, caseId: q.case, limit: q.limit, cursor: q.cursor ?? null },
      c.get('user')!,
    );
    return c.json({ items: page.items.map(toIncident), next: page.next }, 200);
  });
  r.openapi(retry, async (c) => {
    const incident = await runtime.retryIncident(c.req.valid('param').id, c.get('user')!);
    return c.json(toIncident(incident), 200);
  });
  r.openapi(resolve, async (c) => {
    const { note } = c.req.valid('json');
    const incident = await runtime.resolveIncident(c.req.valid('param').id, note, c.get('user')!);
    return c.json(toIncident(incident), 200);
  });
  return r;
}
