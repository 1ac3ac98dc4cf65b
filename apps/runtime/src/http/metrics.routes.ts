import { createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import { requireRole } from '../auth/roles';
import { computeMetrics, dimensionOf, heatmap, loadFacts } from './case-metrics';
import type { AppDeps, Router } from './context';
import { notFound } from './errors';
import { bearer, errorResponses, json, KeyParam, newRouter } from './openapi';

const owner = requireRole('owner');
const tags = ['analytics'];
const Dimension = z.enum(['cohort', 'version', 'channel', 'tier']);
/** An ISO date (2026-01-05, midnight UTC) or date-time with offset. */
const Instant = z.union([z.iso.datetime({ offset: true }), z.iso.date()]);

const metrics = createRoute({
  method: 'get',
  path: '/metrics',
  tags,
  summary: 'Service metrics of cases opened in [from, to), optionally grouped',
  security: bearer,
  middleware: [owner] as const,
  request: {
    query: z.object({
      flow: z.string().optional(),
      from: Instant.optional(),
      to: Instant.optional(),
      by: z
        .string()
        .transform((s) => s.split(',').filter(Boolean))
        .pipe(z.array(Dimension))
        .optional(),
    }),
  },
  responses: { 200: json(z.unknown(), 'totals and groups'), ...errorResponses },
});
const heat = createRoute({
  method: 'get',
  path: '/flows/{key}/heatmap',
  tags,
  summary: 'Per node: entered, completed, avgMs, p90Ms, breaches',
  security: bearer,
  middleware: [owner] as const,
  request: { params: KeyParam, query: z.object({ version: z.coerce.number().int().min(1).optional() }) },
  responses: { 200: json(z.unknown(), 'the heat map'), ...errorResponses },
});

/**
 * GET /metrics and GET /flows/:key/heatmap, computed from store rows on each request. A first
 * version: it scans the cases of the window, which is fine for thousands of cases; a rollup
 * table would be the next step for millions.
 */
export function metricsRoutes({ runtime }: AppDeps): Router {
  const r = newRouter();
  r.openapi(metrics, async (c) => {
    const q = c.req.valid('query');
    const facts = await loadFacts(runtime.store, {
      flow: q.flow,
      createdFrom: q.from ? Date.parse(q.from) : undefined,
      createdTo: q.to ? Date.parse(q.to) : undefined,
    });
    const total = computeMetrics(facts.cases, facts);
    const by = q.by ?? [];
    const groups = new Map<string, { key: Record<string, string>; cases: typeof facts.cases }>();
    if (by.length > 0) {
      for (const cs of facts.cases) {
        const key = Object.fromEntries(by.map((d) => [d, dimensionOf(cs, d, facts)]));
        const id = JSON.stringify(key);
        const g = groups.get(id);
        if (g) g.cases.push(cs);
        else groups.set(id, { key, cases: [cs] });
      }
    }
    // `items` holds one row per group of `by` (the totals alone when `by` is empty), so the
    // answer reads like every other list; `total` is always there.
    const rows = [...groups.values()].map((g) => ({ ...g.key, ...computeMetrics(g.cases, facts) }));
    return c.json(
      {
        flow: q.flow ?? null,
        from: q.from ?? null,
        to: q.to ?? null,
        by,
        total,
        items: by.length === 0 ? [total] : rows,
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
    const rows = await runtime.store.timeline.scan({
      flow: key,
      version,
      types: ['node.entered', 'node.left', 'sla.breached'],
    });
    return c.json({ flow: key, version: version ?? null, nodes: heatmap(rows) }, 200);
  });
  return r;
}
