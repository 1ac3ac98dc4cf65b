import type { BusinessCalendar } from '@caseflow/schema';
import type { CaseScan, Store } from '../store/store';
import { type AgentMetrics, agentMetrics } from './agent-metrics';
import { type CaseMetrics, computeMetrics } from './case-metrics';
import { type Dimension, groupCases } from './dimensions';
import { flowCalendars, loadMetricFacts } from './metric-facts';

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
  items: Array<Record<string, string> & CaseMetrics>;
  /** Per agent over the period: tasks handled, AHT, occupancy. */
  agents: AgentMetrics[];
  /** The occupancy period: [from, to], defaulting to the first case's creation and `now`. */
  period: { from: number; to: number };
}

/**
 * Loads the facts of the scanned cases with the store's analytics reads (SQL does the joins
 * and counts; no snapshots or timelines are read) and reduces them to the totals, the groups
 * and the per-agent figures.
 */
export async function metricsReport(
  store: Store,
  calendars: Readonly<Record<string, BusinessCalendar>>,
  q: MetricsQuery,
  now: number,
): Promise<MetricsReport> {
  const scan: CaseScan = {};
  if (q.flow !== undefined) scan.flow = q.flow;
  if (q.from !== undefined) scan.createdFrom = q.from;
  if (q.to !== undefined) scan.createdTo = q.to;
  const facts = await loadMetricFacts(store, scan);
  const calendarOf = await flowCalendars(store, facts.cases, calendars);
  const total = computeMetrics(facts.cases, facts, calendarOf);
  const items =
    q.by.length === 0
      ? [total]
      : groupCases(facts.cases, q.by, (id) => facts.tasks.get(id) ?? []).map((g) => ({
          ...g.key,
          ...computeMetrics(g.cases, facts, calendarOf),
        }));
  const period = { from: q.from ?? facts.cases[0]?.createdAt ?? now, to: q.to ?? now };
  const tasks = [...facts.tasks.values()].flat();
  return { total, items: items as MetricsReport['items'], agents: agentMetrics(tasks, period), period };
}
