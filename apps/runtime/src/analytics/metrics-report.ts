import type {
  AgentMetrics,
  BusinessCalendar,
  CaseMetrics,
  MetricsGroup,
  SubflowCounts,
} from '@caseflow/schema';
import type { CaseScan, Store } from '../store/store';
import { agentMetrics } from './agent-metrics';
import { computeMetrics } from './case-metrics';
import { compareGroups, type Dimension, groupCases } from './dimensions';
import { flowCalendars, loadMetricFacts } from './metric-facts';
import { rollupReport, type SKETCH_PERCENTILES } from './rollup-report';

/** The query of GET /api/metrics: cases created in [from, to] of one flow (or all), grouped by `by`. */
export interface MetricsQuery {
  flow?: string;
  from?: number;
  to?: number;
  by: Dimension[];
}

/** The answer of GET /api/metrics (times as epoch ms; the route formats the echo of the query). */
export interface MetricsReport {
  total: CaseMetrics;
  /** One row per group (its dimension values plus its metrics); the total alone without `by`. */
  items: MetricsGroup[];
  /** Per agent over the period: tasks handled, AHT, occupancy (their work in subflows included). */
  agents: AgentMetrics[];
  /** Subflow children opened in the period, counted apart from `total` and `items`. */
  subflows: SubflowCounts;
  /** The occupancy period: [from, to], defaulting to the first case's creation and `now`. */
  period: { from: number; to: number };
}

/**
 * The metrics of the cases of `q`, answered from the rollups (rollup-report.ts): counts and sums
 * exact, p50/p90 from sketches within their stated relative error.
 */
export async function metricsReport(
  store: Store,
  calendars: Readonly<Record<string, BusinessCalendar>>,
  q: MetricsQuery,
  now: number,
): Promise<MetricsReport & { percentiles: typeof SKETCH_PERCENTILES }> {
  return rollupReport(store, calendars, q, now);
}

/** The scan of a metrics query: top-level cases of the flow created in [from, to]. */
export function metricsScan(q: MetricsQuery): CaseScan {
  const scan: CaseScan = {};
  if (q.flow !== undefined) scan.flow = q.flow;
  if (q.from !== undefined) scan.createdFrom = q.from;
  if (q.to !== undefined) scan.createdTo = q.to;
  return scan;
}

/**
 * The report reduced in JS from the fact rows of a full scan: the reference the rollups are
 * tested against (exact percentiles).
 */
export async function factsReport(
  store: Store,
  calendars: Readonly<Record<string, BusinessCalendar>>,
  q: MetricsQuery,
  now: number,
): Promise<MetricsReport> {
  const scan = metricsScan(q);
  // Every case, children included: the agents' figures count their work in subflows; the
  // case figures count the top-level cases only (children are internal steps of those).
  const facts = await loadMetricFacts(store, { ...scan, subflows: 'include' });
  const cases = facts.cases.filter((c) => c.parentCaseId === null);
  const children = facts.cases.filter((c) => c.parentCaseId !== null);
  const calendarOf = await flowCalendars(store, cases, calendars);
  const total = computeMetrics(cases, facts, calendarOf);
  const items =
    q.by.length === 0
      ? [total]
      : groupCases(cases, q.by, (id) => facts.tasks.get(id) ?? [])
          .sort((a, b) => compareGroups(q.by)(a.key, b.key))
          .map((g) => ({
            ...g.key,
            ...computeMetrics(g.cases, facts, calendarOf),
          }));
  const period = { from: q.from ?? cases[0]?.createdAt ?? now, to: q.to ?? now };
  // Agents' work in the period, on cases of the flow opened any day (children included).
  const tasks = await store.analytics.taskFacts({
    ...(q.flow === undefined ? {} : { flow: q.flow }),
    subflows: 'include',
  });
  const subflows = {
    cases: children.length,
    open: children.filter((c) => c.status === 'open').length,
    resolved: children.filter((c) => c.status === 'resolved').length,
  };
  return {
    total,
    items: items as MetricsReport['items'],
    agents: agentMetrics(tasks, period),
    subflows,
    period,
  };
}
