import type { CaseMetrics, MetricDimension, MetricsReport, Spread } from '@caseflow/schema';
import { formatSpan } from '../components/format';
import type { Locale } from '../i18n/locales';
import type { MessageValues } from '../i18n/use-t';

/** The current language's text for a message id (`useT()`), and the language for numbers. */
export interface MetricsText {
  t(id: string, values?: MessageValues): string;
  locale: Locale;
}

/** A 0..1 rate as "83%" ("83 %" where the language says so); "—" when there is nothing to rate. Pure. */
export function percent(rate: number | null | undefined, locale: Locale = 'en'): string {
  if (rate === null || rate === undefined) return '—';
  return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 }).format(rate);
}

/** The median of a duration spread as "1h 05m"; "—" when nothing was measured. Pure. */
export function median(s: Spread): string {
  return s.count === 0 || s.p50 === null ? '—' : formatSpan(s.p50);
}

/** A score with at most one decimal in `locale` ("7.5", "7,5"), or "—". Pure. */
export function score(value: number | null | undefined, locale: Locale = 'en'): string {
  if (value === null || value === undefined) return '—';
  return new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(value);
}

/** A whole number in `locale` ("1,234", "1.234"). Pure. */
export function count(n: number, locale: Locale = 'en'): string {
  return new Intl.NumberFormat(locale).format(n);
}

/** The label of a group: its values of the `by` dimensions joined by " · ". Pure. */
export function groupLabel(
  item: Partial<Record<MetricDimension, string>>,
  by: readonly MetricDimension[],
  text: MetricsText,
): string {
  return (
    by.map((d) => item[d] ?? text.t('analytics.group.none')).join(' · ') || text.t('analytics.group.all')
  );
}

/** One headline figure of the totals. */
export interface Headline {
  /** Message id of the figure's name: stable, whatever the language. */
  id: string;
  label: string;
  value: string;
  detail: string;
}

/** The headline figures of a report's totals, in reading order, in the language of `text`. Pure. */
export function headlines(m: CaseMetrics, text: MetricsText): Headline[] {
  const { t, locale } = text;
  const n = (x: number) => count(x, locale);
  const line = (id: string, value: string, detail: string): Headline => ({ id, label: t(id), value, detail });
  return [
    line('analytics.kpi.cases', n(m.cases), t('analytics.kpi.casesDetail', { resolved: m.resolved })),
    line(
      'analytics.kpi.resolution',
      percent(m.resolutionRate, locale),
      t('analytics.kpi.resolutionDetail', { median: median(m.resolutionMs) }),
    ),
    line(
      'analytics.kpi.fcr',
      percent(m.fcr, locale),
      t('analytics.kpi.fcrDetail', { fcr: n(m.fcrCases), resolved: n(m.resolved) }),
    ),
    line(
      'analytics.kpi.sla',
      percent(m.slaCompliance, locale),
      t('analytics.kpi.slaDetail', { met: n(m.slaMet), breached: n(m.breaches) }),
    ),
    line('analytics.kpi.firstResponse', median(m.firstResponseMs), t('analytics.kpi.firstResponseDetail')),
    line(
      'analytics.kpi.aht',
      m.ahtMs.avg === null ? '—' : formatSpan(m.ahtMs.avg),
      t('analytics.kpi.ahtDetail', { tasks: m.tasksHandled }),
    ),
    line('analytics.kpi.escalations', n(m.escalations), tierDetail(m.escalationsByTier, text)),
    line(
      'analytics.kpi.channelSwitches',
      percent(m.channelSwitchRate, locale),
      t('analytics.kpi.channelSwitchesDetail', { cases: m.channelSwitches }),
    ),
    line(
      'analytics.kpi.csat',
      m.csat === null ? '—' : percent(m.csat / 100, locale),
      t('analytics.kpi.csatDetail', {
        answers: m.csatResponses,
        nps: score(m.nps, locale),
        ces: score(m.ces, locale),
      }),
    ),
  ];
}

function tierDetail(byTier: Record<string, number>, { t, locale }: MetricsText): string {
  const parts = Object.entries(byTier).map(([tier, n]) =>
    t('analytics.kpi.escalationsFrom', { count: count(n, locale), tier }),
  );
  return parts.length
    ? new Intl.ListFormat(locale, { style: 'short', type: 'unit' }).format(parts)
    : t('analytics.kpi.escalationsNone');
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
export function chartRows(report: MetricsReport, text: MetricsText): ChartRow[] {
  const groups = report.by.length ? report.items : [report.total];
  const pct = (r: number | null) => (r === null ? null : Math.round(r * 100));
  return groups.map((g) => ({
    group: groupLabel(g as Partial<Record<MetricDimension, string>>, report.by, text),
    cases: g.cases,
    resolved: g.resolved,
    breaches: g.breaches,
    escalations: g.escalations,
    resolution: pct(g.resolutionRate),
    fcr: pct(g.fcr),
    sla: pct(g.slaCompliance),
  }));
}
