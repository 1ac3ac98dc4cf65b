import type { MetricDimension } from '@caseflow/schema';
import { useState } from 'react';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { chartRows, count, groupLabel, headlines, median, percent, score } from '../analytics/metrics-view';
import { WorkforcePanel } from '../analytics/WorkforcePanel';
import { METRIC_DIMENSIONS } from '../api/api';
import { api } from '../auth/session';
import { formatSpan } from '../components/format';
import { ErrorBanner, Loading } from '../components/Status';
import { useResource } from '../hooks/useResource';
import { useFormat } from '../i18n/use-format';
import { useT } from '../i18n/use-t';
import { KbMetricsPanel } from '../kb/KbMetricsPanel';

/** Message ids of the dimensions' names. */
const DIMENSION_LABELS: Record<MetricDimension, string> = {
  version: 'analytics.dim.version',
  cohort: 'analytics.dim.cohort',
  channel: 'analytics.dim.channel',
  tier: 'analytics.dim.tier',
  group: 'analytics.dim.group',
  agent: 'analytics.dim.agent',
  catalogItem: 'analytics.dim.catalogItem',
};

/**
 * Service metrics (GET /api/metrics) of the cases opened in a period: headline figures, charts
 * of counts and rates per group, a table per group, per-agent work and occupancy, and the team's
 * presence and routing (schedule adherence, waits, declines, overflows). Says so when the period
 * has no cases instead of drawing empty charts.
 */
export function AnalyticsPage() {
  const flows = useResource(() => api.listFlows(), []);
  const t = useT();
  const f = useFormat();
  const text = { t, locale: f.locale };
  const [flow, setFlow] = useState('');
  const [by, setBy] = useState<MetricDimension>('version');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const metrics = useResource(
    () => api.metrics({ flow: flow || undefined, by, from: from || undefined, to: to || undefined }),
    [flow, by, from, to],
  );
  const report = metrics.data;
  const rows = report ? chartRows(report, text) : [];
  const dimension = t(DIMENSION_LABELS[by]);
  const dimensionLower = dimension.toLocaleLowerCase(f.locale);
  const empty = report !== undefined && report.total.cases === 0;
  return (
    <section className="page wide">
      <header className="page-header">
        <div>
          <h1>{t('analytics.title')}</h1>
          {report && !empty && (
            <p className="muted">
              {t('analytics.period', {
                from: f.dateTime(report.period.from),
                to: f.dateTime(report.period.to),
              })}
            </p>
          )}
        </div>
        <div className="inline-form">
          <label>
            {t('analytics.flow')}
            <select value={flow} onChange={(e) => setFlow(e.target.value)}>
              <option value="">{t('analytics.allFlows')}</option>
              {(flows.data?.items ?? []).map((fl) => (
                <option key={fl.key} value={fl.key}>
                  {fl.name}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('analytics.groupBy')}
            <select value={by} onChange={(e) => setBy(e.target.value as MetricDimension)}>
              {METRIC_DIMENSIONS.map((d) => (
                <option key={d} value={d}>
                  {t(DIMENSION_LABELS[d])}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('analytics.from')}
            <input type="date" value={from} onChange={(e) => setFrom(e.target.value)} />
          </label>
          <label>
            {t('analytics.to')}
            <input type="date" value={to} onChange={(e) => setTo(e.target.value)} />
          </label>
        </div>
      </header>
      <ErrorBanner message={metrics.error} />
      {metrics.loading && !report && <Loading />}
      {empty && (
        <div className="card empty-state">
          <h2>{t('analytics.empty.title')}</h2>
          <p className="muted">
            {t(flow ? 'analytics.empty.bodyFlow' : 'analytics.empty.body', { dimension: dimensionLower })}
          </p>
        </div>
      )}
      {report && !empty && (
        <>
          <ul className="kpis" aria-label={t('analytics.totals')}>
            {headlines(report.total, text).map((h) => (
              <li key={h.id} className="card kpi">
                <span className="kpi-label">{h.label}</span>
                <strong className="kpi-value">{h.value}</strong>
                <span className="muted">{h.detail}</span>
              </li>
            ))}
          </ul>
          <div className="chart-grid">
            <figure
              className="card chart"
              aria-label={t('analytics.chart.counts', { dimension: dimensionLower })}
            >
              <figcaption>{t('analytics.chart.counts', { dimension: dimensionLower })}</figcaption>
              <ResponsiveContainer width="100%" height={260}>
                <BarChart data={rows}>
                  <CartesianGrid strokeDasharray="3 3" />
                  <XAxis dataKey="group" />
                  <YAxis allowDecimals={false} />
                  <Tooltip />
                  <Legend />
                  <Bar dataKey="cases" name={t('analytics.series.cases')} fill="var(--chart-1)" />
                  <Bar dataKey="resolved" name={t('analytics.series.resolved')} fill="var(--chart-2)" />
                  <Bar dataKey="breaches" name={t('analytics.series.breaches')} fill="var(--chart-3)" />
                  <Bar dataKey="escalations" name={t('analytics.series.escalations')} fill="var(--chart-4)" />
                </BarChart>
              </ResponsiveContainer>
            </figure>
            <figure
              className="card chart"
              aria-label={t('analytics.chart.rates', { dimension: dimensionLower })}
            >
              <figcaption>{t('analytics.chart.rates', { dimension: dimensionLower })}</figcaption>
              <ResponsiveContainer width="100%" height={260}>
                <BarChart data={rows}>
                  <CartesianGrid strokeDasharray="3 3" />
                  <XAxis dataKey="group" />
                  <YAxis domain={[0, 100]} unit="%" />
                  <Tooltip />
                  <Legend />
                  <Bar dataKey="resolution" name={t('analytics.series.resolution')} fill="var(--chart-2)" />
                  <Bar dataKey="fcr" name={t('analytics.series.fcr')} fill="var(--chart-1)" />
                  <Bar dataKey="sla" name={t('analytics.series.sla')} fill="var(--chart-4)" />
                </BarChart>
              </ResponsiveContainer>
            </figure>
          </div>
          <section className="card" aria-labelledby="groups-h">
            <h2 id="groups-h">{t('analytics.byDimension', { dimension: dimensionLower })}</h2>
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">{dimension}</th>
                  <th scope="col">{t('analytics.col.cases')}</th>
                  <th scope="col">{t('analytics.col.resolved')}</th>
                  <th scope="col">{t('analytics.col.fcr')}</th>
                  <th scope="col">{t('analytics.col.sla')}</th>
                  <th scope="col">{t('analytics.col.breaches')}</th>
                  <th scope="col">{t('analytics.col.escalations')}</th>
                  <th scope="col">{t('analytics.col.firstResponse')}</th>
                  <th scope="col">{t('analytics.col.resolution')}</th>
                  <th scope="col">{t('analytics.col.csat')}</th>
                  <th scope="col">{t('analytics.col.nps')}</th>
                  <th scope="col">{t('analytics.col.channelSwitches')}</th>
                </tr>
              </thead>
              <tbody>
                {report.items.map((g) => {
                  const label = groupLabel(g, report.by, text);
                  return (
                    <tr key={label}>
                      <td>
                        <strong>{label}</strong>
                      </td>
                      <td>{count(g.cases, f.locale)}</td>
                      <td>
                        {count(g.resolved, f.locale)}{' '}
                        <span className="muted">({percent(g.resolutionRate, f.locale)})</span>
                      </td>
                      <td>{percent(g.fcr, f.locale)}</td>
                      <td>{percent(g.slaCompliance, f.locale)}</td>
                      <td>{count(g.breaches, f.locale)}</td>
                      <td>{count(g.escalations, f.locale)}</td>
                      <td>{median(g.firstResponseMs)}</td>
                      <td>{median(g.resolutionMs)}</td>
                      <td>{g.csat === null ? '—' : percent(g.csat / 100, f.locale)}</td>
                      <td>{score(g.nps, f.locale)}</td>
                      <td>
                        {count(g.channelSwitches, f.locale)}{' '}
                        <span className="muted">({percent(g.channelSwitchRate, f.locale)})</span>
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </section>
          <section className="card" aria-labelledby="agents-h">
            <h2 id="agents-h">{t('analytics.agents')}</h2>
            {report.agents.length === 0 ? (
              <p className="muted">{t('analytics.agents.none')}</p>
            ) : (
              <table className="table">
                <thead>
                  <tr>
                    <th scope="col">{t('analytics.col.agent')}</th>
                    <th scope="col">{t('analytics.col.tasks')}</th>
                    <th scope="col">{t('analytics.col.aht')}</th>
                    <th scope="col">{t('analytics.col.busy')}</th>
                    <th scope="col">{t('analytics.col.occupancy')}</th>
                  </tr>
                </thead>
                <tbody>
                  {report.agents.map((a) => (
                    <tr key={a.agent}>
                      <td>
                        <strong>{a.agent}</strong>
                      </td>
                      <td>{count(a.tasksHandled, f.locale)}</td>
                      <td>{a.ahtMs === null ? '—' : formatSpan(a.ahtMs)}</td>
                      <td>{formatSpan(a.busyMs)}</td>
                      <td>{percent(a.occupancy, f.locale)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </section>
          {report.workforce && <WorkforcePanel workforce={report.workforce} />}
        </>
      )}
      <KbMetricsPanel />
    </section>
  );
}
