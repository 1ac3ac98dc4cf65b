import type { CaseMetrics, MetricDimension, MetricsReport, Spread } from '@caseflow/schema';
import { formatSpan } from '../components/format';

/** A 0..1 rate as "83%"; "—" when there is nothing to rate. Pure. */
export function percent(rate: number | null | undefined): string {
  return rate === null || rate === undefined ? '—' : `${Math.round(rate * 100)}%`;
}

/** The median of a duration spread as "1h 05m"; "—" when nothing was measured. Pure. */
export function median(s: Spread): string {
  return s.count === 0 || s.p50 === null ? '—' : formatSpan(s.p50);
}

/** A score with one decimal, or "—". Pure. */
export function score(value: number | null | undefined): string {
  return value === null || value === undefined ? '—' : (Math.round(value * 10) / 10).toLocaleString();
}

/** The label of a group: its values of the `by` dimensions joined by " · ". Pure. */
export function groupLabel(
  item: Partial<Record<MetricDimension, string>>,
  by: readonly MetricDimension[],
): string {
  return by.map((d) => item[d] ?? 'none').join(' · ') || 'all cases';
}

/** One headline figure of the totals. */
export interface Headline {
  label: string;
  value: string;
  detail: string;
}

/** The headline figures of a report's totals, in reading order. Pure. */
export function headlines(t: CaseMetrics): Headline[] {
  return [
    { label: 'Cases', value: t.cases.toLocaleString(), detail: `${t.resolved.toLocaleString()} resolved` },
    {
      label: 'Resolution rate',
      value: percent(t.resolutionRate),
      detail: `median ${median(t.resolutionMs)}`,
    },
    {
      label: 'First-contact resolution',
      value: percent(t.fcr),
      detail: `${t.fcrCases} of ${t.resolved} resolved`,
    },
    {
      label: 'SLA compliance',
      value: percent(t.slaCompliance),
      detail: `${t.slaMet} met · ${t.breaches} breached`,
    },
    { label: 'First response', value: median(t.firstResponseMs), detail: 'median, wall time' },
    {
      label: 'Handling time',
      value: t.ahtMs.avg === null ? '—' : formatSpan(t.ahtMs.avg),
      detail: `average over ${t.tasksHandled} ${t.tasksHandled === 1 ? 'task' : 'tasks'}`,
    },
    { label: 'Escalations', value: t.escalations.toLocaleString(), detail: tierDetail(t.escalationsByTier) },
    {
      label: 'CSAT',
      value: t.csat === null ? '—' : `${Math.round(t.csat)}%`,
      detail: `${t.csatResponses} answers · NPS ${score(t.nps)} · CES ${score(t.ces)}`,
    },
  ];
}

function tierDetail(byTier: Record<string, number>): string {
  const parts = Object.entries(byTier).map(([tier, n]) => `${n} from ${tier}`);
  return parts.length ? parts.join(', ') : 'none';
}

/** One bar group of the charts: counts and rates (percent) of a group. */
export interface ChartRow {
  group: string;
  cases: number;
  resolved: number;
  breaches: number;
  escalations: number;
  resolution: number | null;
  fcr: number | null;
  sla: number | null;
}

/** The chart rows of a report: one per group, or the totals when it is not grouped. Pure. */
export function chartRows(report: MetricsReport): ChartRow[] {
  const groups = report.by.length ? report.items : [report.total];
  const pct = (r: number | null) => (r === null ? null : Math.round(r * 100));
  return groups.map((g) => ({
    group: groupLabel(g as Partial<Record<MetricDimension, string>>, report.by),
    cases: g.cases,
    resolved: g.resolved,
    breaches: g.breaches,
    escalations: g.escalations,
    resolution: pct(g.resolutionRate),
    fcr: pct(g.fcr),
    sla: pct(g.slaCompliance),
  }));
}
