import { ROUND_THE_CLOCK } from '@caseflow/engine';
import type {
  AgentMetrics,
  BusinessCalendar,
  CaseMetrics,
  MetricsGroup,
  SubflowCounts,
} from '@caseflow/schema';
import { SUMMARY_DIMENSIONS, type SummaryDimension } from '../store/analytics-summary';
import type { CaseScan, Store } from '../store/store';
import { agentMetrics } from './agent-metrics';
import { computeMetrics } from './case-metrics';
import { type Dimension, groupCases } from './dimensions';
import { flowCalendars, loadMetricFacts } from './metric-facts';
import { summaryAgents, summaryDurationsNonNegative, summaryGroups, summaryMetrics } from './summary-metrics';

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

/** Whether every flow version of the scan measures round the clock (business time = wall time). */
async function roundTheClock(
  store: Store,
  scan: CaseScan,
  calendars: Readonly<Record<string, BusinessCalendar>>,
): Promise<boolean> {
  for (const v of await store.analytics.versions(scan)) {
    const version = await store.flowVersions.get(v.flow, v.version);
    const key = (version?.definition as { calendar?: unknown } | undefined)?.calendar;
    const calendar = typeof key === 'string' ? calendars[key] : undefined;
    if (calendar !== undefined && calendar.key !== ROUND_THE_CLOCK) return false;
  }
  return true;
}

/**
 * The report aggregated by the database (Store.analytics.summary), or null when it cannot
 * answer exactly: a grouping by tasks (tier, group, agent), a business calendar other than
 * 24x7 (business time needs the calendar walk in JS), or a negative duration.
 */
async function summaryReport(
  store: Store,
  calendars: Readonly<Record<string, BusinessCalendar>>,
  q: MetricsQuery,
  scan: CaseScan,
  now: number,
): Promise<MetricsReport | null> {
  const by = q.by as string[];
  if (!by.every((dim) => (SUMMARY_DIMENSIONS as readonly string[]).includes(dim))) return null;
  if (!(await roundTheClock(store, scan, calendars))) return null;
  const to = q.to ?? now;
  const whole = await store.analytics.summary(
    { scan, by: [] },
    { ...(q.from !== undefined && { from: q.from }), to },
  );
  if (!summaryDurationsNonNegative(whole)) return null;
  const total = summaryMetrics(whole, []);
  let items: MetricsReport['items'] = [total as MetricsReport['items'][number]];
  if (by.length > 0) {
    const grouped = await store.analytics.summary({ scan, by: by as SummaryDimension[] }, { to });
    if (!summaryDurationsNonNegative(grouped)) return null;
    items = summaryGroups(grouped, by).map(
      (g) => ({ ...g.named, ...summaryMetrics(grouped, g.key) }) as MetricsReport['items'][number],
    );
  }
  const period = { from: whole.cases.length === 0 ? (q.from ?? now) : whole.period.from, to };
  const subflows = await store.analytics.subflowCounts(scan);
  return { total, items, agents: summaryAgents(whole), subflows, period };
}

/**
 * The metrics of the scanned cases. Aggregated in the database when it can answer exactly
 * (see summaryReport): reading 100,000 fact rows into JS costs more than the whole SQL
 * aggregate. Otherwise loads the facts with the store's analytics reads (SQL does the joins
 * and counts; no snapshots or timelines are read) and reduces them in JS to the totals, the
 * groups and the per-agent figures. Both paths answer the same.
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
  return (await summaryReport(store, calendars, q, scan, now)) ?? factsReport(store, calendars, q, scan, now);
}

/** The report reduced in JS from the fact rows (any grouping, any calendar). */
export async function factsReport(
  store: Store,
  calendars: Readonly<Record<string, BusinessCalendar>>,
  q: MetricsQuery,
  scan: CaseScan,
  now: number,
): Promise<MetricsReport> {
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
      : groupCases(cases, q.by, (id) => facts.tasks.get(id) ?? []).map((g) => ({
          ...g.key,
          ...computeMetrics(g.cases, facts, calendarOf),
        }));
  const period = { from: q.from ?? cases[0]?.createdAt ?? now, to: q.to ?? now };
  const tasks = [...facts.tasks.values()].flat();
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
