import { Pilot, PilotCreate, PilotReport } from '@caseflow/schema';
import { createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import { flowCalendars, loadMetricFacts } from '../analytics/metric-facts';
import { pilotKb } from '../analytics/pilot-kb';
import { pilotReport } from '../analytics/pilot-report';
import { PILOT_WORKFORCE_TYPES, pilotWorkforce } from '../analytics/pilot-workforce';
import { actorOf } from '../auth/access';
import { requireRole } from '../auth/roles';
import type { Runtime } from '../executor/types';
import type { PilotRow } from '../store/store';
import type { AppDeps, Router } from './context';
import { notFound } from './errors';
import { idempotent } from './idempotency';
import { bearer, errorResponses, IdParam, json, jsonBody, KeyParam, newRouter } from './openapi';
import { toPilot } from './resources';

const tags = ['pilots'];
const admin = requireRole('admin');
const owner = requireRole('owner');

const route = <T extends Parameters<typeof createRoute>[0]>(config: T) =>
  createRoute({ tags, security: bearer, ...config });

const start = route({
  method: 'post',
  path: '/flows/{key}/pilots',
  summary: 'Start a pilot of a version on some customers (list, segments, percentage)',
  middleware: [admin] as const,
  request: { params: KeyParam, body: jsonBody(PilotCreate) },
  responses: { 201: json(Pilot, 'the pilot'), ...errorResponses },
});
const list = route({
  method: 'get',
  path: '/pilots',
  summary: 'Pilots, optionally of one flow',
  middleware: [owner] as const,
  request: { query: z.object({ flow: z.string().max(200).optional() }) },
  responses: { 200: json(z.object({ items: z.array(Pilot), next: z.null() }), 'pilots'), ...errorResponses },
});
const get = route({
  method: 'get',
  path: '/pilots/{id}',
  summary: 'One pilot',
  middleware: [admin] as const,
  request: { params: IdParam },
  responses: { 200: json(Pilot, 'the pilot'), ...errorResponses },
});
const promote = route({
  method: 'post',
  path: '/pilots/{id}/promote',
  summary: 'Make the candidate the active version and end the pilot',
  middleware: [admin] as const,
  request: { params: IdParam },
  responses: { 200: json(Pilot, 'the promoted pilot'), ...errorResponses },
});
const stop = route({
  method: 'post',
  path: '/pilots/{id}/stop',
  summary: 'End the pilot; new cases go to the active version (a stopped pilot: unchanged)',
  middleware: [admin] as const,
  request: { params: IdParam },
  responses: { 200: json(Pilot, 'the stopped pilot'), ...errorResponses },
});
const report = route({
  method: 'get',
  path: '/pilots/{id}/report',
  summary: 'Metrics per cohort (pilot vs control) with counts, significance tests and a recommendation',
  middleware: [owner] as const,
  request: { params: IdParam },
  responses: { 200: json(PilotReport, 'the report'), ...errorResponses },
});

async function pilotOr404(runtime: Runtime, id: string): Promise<PilotRow> {
  const pilot = await runtime.store.pilots.get(id);
  if (!pilot) throw notFound('pilot', id);
  return pilot;
}

/** Pilot life cycle (DESIGN §6): start, read, promote, stop, report. */
export function pilotsRoutes({ runtime }: AppDeps): Router {
  const r = newRouter();
  const store = runtime.store;
  r.use('/flows/:key/pilots', idempotent(store));
  // Start, promote and stop are executor commands (executor/pilot-commands.ts): one transaction
  // each, with the admin check and the invariants inside.
  r.openapi(start, async (c) => {
    const pilot = await runtime.startPilot(
      c.req.valid('param').key,
      c.req.valid('json'),
      actorOf(c.get('user')!),
    );
    return c.json(toPilot(pilot), 201);
  });
  r.openapi(list, async (c) => {
    const { flow } = c.req.valid('query');
    return c.json({ items: (await store.pilots.list(flow)).map(toPilot), next: null }, 200);
  });
  r.openapi(get, async (c) => c.json(toPilot(await pilotOr404(runtime, c.req.valid('param').id)), 200));
  r.openapi(promote, async (c) =>
    c.json(toPilot(await runtime.promotePilot(c.req.valid('param').id, actorOf(c.get('user')!))), 200),
  );
  r.openapi(stop, async (c) =>
    c.json(toPilot(await runtime.stopPilot(c.req.valid('param').id, actorOf(c.get('user')!))), 200),
  );
  r.openapi(report, async (c) => {
    const pilot = await pilotOr404(runtime, c.req.valid('param').id);
    const facts = await loadMetricFacts(store, { pilotId: pilot.id });
    const calendarOf = await flowCalendars(store, facts.cases, runtime.calendars);
    const now = runtime.clock.now();
    const kb = await pilotKb(store, pilot, facts.cases, now);
    // Routing's entries of the pilot's flow since it started, told apart by case cohort.
    const entries = await store.timeline.scan({
      flow: pilot.flow,
      types: PILOT_WORKFORCE_TYPES,
      from: pilot.createdAt,
    });
    const workforce = pilotWorkforce(facts.cases, facts.tasks, entries, now);
    return c.json({ pilot: toPilot(pilot), ...pilotReport(facts, calendarOf, kb, workforce) }, 200);
  });
  return r;
}
