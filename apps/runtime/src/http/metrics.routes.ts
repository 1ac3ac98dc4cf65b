import { MetricsReport } from '@caseflow/schema';
import { createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import { DIMENSIONS } from '../analytics/dimensions';
import { metricsReport } from '../analytics/metrics-report';
import { rollupHeatmap } from '../analytics/rollup-heatmap';
import { SKETCH_PERCENTILES } from '../analytics/rollup-report';
import { workforceReport } from '../analytics/workforce-report';
import { requireRole } from '../auth/roles';
import type { AppDeps, Router } from './context';
import { badRequest, notFound } from './errors';
import { bearer, errorResponses, json, KeyParam, newRouter } from './openapi';

const owner = requireRole('owner');
const tags = ['analytics'];
const Dimension = z.enum(DIMENSIONS);
/** An ISO date (2026-01-05, midnight UTC) or date-time with offset. */
const Instant = z.union([z.iso.datetime({ offset: true }), z.iso.date()]);
/**
 * The longest period one metrics query covers: its working-hours figures walk each agent's
 * business calendar across the period, so a period of centuries would hold the process for
 * minutes.
 */
export const MAX_METRICS_PERIOD_DAYS = 3_660;
const DAY_MS = 86_400_000;

/** 400 naming `field` (the one that widened it) when [from, to] spans more than the bound. */
function checkPeriod(from: number, to: number, field: 'from' | 'to'): void {
  if (to - from <= MAX_METRICS_PERIOD_DAYS * DAY_MS) return;
  const message = `the period may span at most ${MAX_METRICS_PERIOD_DAYS} days`;
  throw badRequest(message, [{ path: field, message }]);
}

const metrics = createRoute({
  method: 'get',
  path: '/metrics',
  tags,
  summary: 'Service metrics of cases opened in [from, to], optionally grouped; per-agent work',
  security: bearer,
  middleware: [owner] as const,
  request: {
    query: z
      .object({
        flow: z.string().max(200).optional(),
        from: Instant.optional(),
        to: Instant.optional(),
        by: z
          .string()
          .transform((s) => s.split(',').filter(Boolean))
          .pipe(z.array(Dimension))
          .optional(),
      })
      .refine((q) => q.from === undefined || q.to === undefined || Date.parse(q.from) <= Date.parse(q.to), {
        path: ['to'],
        message: 'must not be before from',
      }),
  },
  responses: { 200: json(MetricsReport, 'totals and groups'), ...errorResponses },
});
const heat = createRoute({
  method: 'get',
  path: '/flows/{key}/heatmap',
  tags,
  summary: 'Per node: entered, completed, avgMs, p90Ms, breaches',
  security: bearer,
  middleware: [owner] as const,
  request: {
    params: KeyParam,
    query: z.object({ version: z.coerce.number().int().min(1).max(2_147_483_647).optional() }),
  },
  responses: { 200: json(z.unknown(), 'the heat map'), ...errorResponses },
});

/**
 * GET /metrics and GET /flows/:key/heatmap, answered by analytics/ from the rollups (folded
 * from the cases that changed; no scan of cases or timelines). Percentiles come from sketches:
 * the answer says so in `percentiles`.
 */
export function metricsRoutes({ runtime }: AppDeps): Router {
  const r = newRouter();
  r.openapi(metrics, async (c) => {
    const q = c.req.valid('query');
    const by = q.by ?? [];
    // A period given whole is checked before anything is read; one open at its start is
    // checked once the first case tells where it starts.
    if (q.from !== undefined && q.to !== undefined) checkPeriod(Date.parse(q.from), Date.parse(q.to), 'from');
    const report = await metricsReport(
      runtime.store,
      runtime.calendars,
      {
        by,
        ...(q.flow === undefined ? {} : { flow: q.flow }),
        ...(q.from === undefined ? {} : { from: Date.parse(q.from) }),
        ...(q.to === undefined ? {} : { to: Date.parse(q.to) }),
      },
      runtime.clock.now(),
    );
    checkPeriod(report.period.from, report.period.to, q.from === undefined ? 'to' : 'from');
    // `items` holds one row per group of `by` (the totals alone when `by` is empty), so the
    // answer reads like every other list; `total` is always there.
    return c.json(
      {
        flow: q.flow ?? null,
        from: q.from ?? null,
        to: q.to ?? null,
        by,
        total: report.total,
        items: report.items,
        agents: report.agents,
        subflows: report.subflows,
        period: {
          from: new Date(report.period.from).toISOString(),
          to: new Date(report.period.to).toISOString(),
        },
        percentiles: report.percentiles,
        workforce: await workforceReport(
          runtime.store,
          runtime.calendars,
          report.period,
          new Map(report.agents.map((a) => [a.agent, a.busyMs])),
          q.flow,
        ),
        next: null,
      },
      200,
    );
  });
  r.openapi(heat, async (c) => {
    const { key } = c.req.valid('param');
    const flow = await runtime.store.flows.get(key);
    if (!flow) throw notFound('flow', key);
    const version = c.req.valid('query').version ?? flow.activeVersion ?? undefined;
    const nodes = await rollupHeatmap(runtime.store, runtime.calendars, key, version);
    return c.json({ flow: key, version: version ?? null, nodes, percentiles: SKETCH_PERCENTILES }, 200);
  });
  return r;
}
