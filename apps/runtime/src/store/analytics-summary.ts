import type { SurveyKind } from '@caseflow/schema';
import type { CaseScan } from './store';

/*
 * Store.analytics.summary: the figures of GET /api/metrics aggregated in the database (counts,
 * sums and nearest-rank picks per group). The analytics module turns them into CaseMetrics; it
 * uses them when every scanned case is measured round the clock and the grouping is by case
 * columns, and reads the fact rows otherwise.
 */

/** The dimensions the database can group by (the case's own columns). */
export const SUMMARY_DIMENSIONS = ['cohort', 'version', 'channel', 'catalogItem'] as const;
export type SummaryDimension = (typeof SUMMARY_DIMENSIONS)[number];

/** What to summarise: the scanned cases, grouped by `by` (none: one group). */
export interface SummaryQuery {
  scan: CaseScan;
  by: SummaryDimension[];
}

/** Group key values, one per `by` dimension, in order (strings as dimensions.ts spells them). */
export type GroupKey = string[];

/** Per group: case counts and the (createdAt, id) rank of its first case (1-based). */
export interface SummaryCases {
  key: GroupKey;
  cases: number;
  resolved: number;
  fcrCases: number;
  firstCreatedAt: number;
  order: number;
}
/** A duration distribution of a group: r resolution, f first response, a handling. */
export interface SummaryDuration {
  key: GroupKey;
  kind: 'r' | 'f' | 'a';
  count: number;
  sum: number;
  min: number;
  /** The values at the nearest ranks ⌈0.5 n⌉ and ⌈0.9 n⌉ (the same when they coincide). */
  picks: Array<{ rank: number; value: number }>;
}
/** One agent's work over the period (busyMs: union of claim spans clipped to it). */
export interface SummaryAgent {
  agent: string;
  handled: number;
  handlingSum: number;
  handlingCount: number;
  busyMs: number;
}

/** The answer of Store.analytics.summary. */
export interface AnalyticsSummary {
  cases: SummaryCases[];
  messages: Array<{ key: GroupKey; messages: number; responses: number }>;
  durations: SummaryDuration[];
  slas: Array<{ key: GroupKey; id: string; met: number; breached: number }>;
  escalations: Array<{ key: GroupKey; tier: string; count: number }>;
  handled: Array<{ key: GroupKey; count: number }>;
  surveys: Array<{
    key: GroupKey;
    kind: SurveyKind;
    count: number;
    satisfied: number;
    promoters: number;
    detractors: number;
    sum: number;
  }>;
  agents: SummaryAgent[];
  /** The period the agents were measured over. */
  period: { from: number; to: number };
}

/** The occupancy period of the agents: `from` defaults to the first scanned case's creation, else `to`. */
export interface SummaryPeriod {
  from?: number;
  to: number;
}
