import type { MetricDimension } from '@caseflow/schema';
import { useState } from 'react';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { chartRows, groupLabel, headlines, median, percent, score } from '../analytics/metrics-view';
import { METRIC_DIMENSIONS } from '../api/api';
import { api } from '../auth/session';
import { formatDate, formatSpan } from '../components/format';
import { ErrorBanner, Loading } from '../components/Status';
import { useResource } from '../hooks/useResource';

const DIMENSION_LABELS: Record<MetricDimension, string> = {
  version: 'Version',
  cohort: 'Pilot cohort',
  channel: 'Channel',
  tier: 'Tier',
  group: 'Group',
  agent: 'Agent',
  catalogItem: 'Catalog item',
};

/**
 * Service metrics (GET /api/metrics) of the cases opened in a period: headline figures, charts
 * of counts and rates per group, a table per group and per-agent work. Says so when the period
 * has no cases instead of drawing empty charts.
 */
export function AnalyticsPage() {
  const flows = useResource(() => api.listFlows(), []);
  const [flow, setFlow] = useState('');
  const [by, setBy] = useState<MetricDimension>('version');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const metrics = useResource(
    () => api.metrics({ flow: flow || undefined, by, from: from || undefined, to: to || undefined }),
    [flow, by, from, to],
  );
  const report = metrics.data;
  const rows = report ? chartRows(report) : [];
  const empty = report !== undefined && report.total.cases === 0;
  return (
    <section className="page wide">
      <header className="page-header">
        <div>
          <h1>Analytics</h1>
          {report && !empty && (
            <p className="muted">
              Cases opened {formatDate(report.period.from)} – {formatDate(report.period.to)}
            </p>
          )}
        </div>
        <div className="inline-form">
          <label>
            Flow
            <select value={flow} onChange={(e) => setFlow(e.target.value)}>
              <option value="">All flows</option>
              {(flows.data?.items ?? []).map((f) => (
                <option key={f.key} value={f.key}>
                  {f.name}
                </option>
              ))}
            </select>
          </label>
          <label>
            Group by
            <select value={by} onChange={(e) => setBy(e.target.value as MetricDimension)}>
              {METRIC_DIMENSIONS.map((d) => (
                <option key={d} value={d}>
                  {DIMENSION_LABELS[d]}
                </option>
              ))}
            </select>
          </label>
          <label>
            From
            <input type="date" value={from} onChange={(e) => setFrom(e.target.value)} />
          </label>
          <label>
            To
            <input type="date" value={to} onChange={(e) => setTo(e.target.value)} />
          </label>
        </div>
      </header>
      <ErrorBanner message={metrics.error} />
      {metrics.loading && !report && <Loading />}
      {empty && (
        <div className="card empty-state">
          <h2>No cases in this period</h2>
          <p className="muted">
            Metrics appear here once cases are opened{flow ? ' on this flow' : ''}: resolution, SLA
            compliance, escalations, handling time and survey scores, grouped by{' '}
            {DIMENSION_LABELS[by].toLowerCase()}.
          </p>
        </div>
      )}
      {report && !empty && (
        <>
          <ul className="kpis" aria-label="Totals">
            {headlines(report.total).map((h) => (
              <li key={h.label} className="card kpi">
                <span className="kpi-label">{h.label}</span>
                <strong className="kpi-value">{h.value}</strong>
                <span className="muted">{h.detail}</span>
              </li>
            ))}
          </ul>
          <div className="chart-grid">
            <figure className="card chart" aria-label={`Case counts by ${DIMENSION_LABELS[by]}`}>
              <figcaption>Cases by {DIMENSION_LABELS[by].toLowerCase()}</figcaption>
              <ResponsiveContainer width="100%" height={260}>
                <BarChart data={rows}>
                  <CartesianGrid strokeDasharray="3 3" />
                  <XAxis dataKey="group" />
                  <YAxis allowDecimals={false} />
                  <Tooltip />
                  <Legend />
                  <Bar dataKey="cases" name="cases" fill="var(--chart-1)" />
                  <Bar dataKey="resolved" name="resolved" fill="var(--chart-2)" />
                  <Bar dataKey="breaches" name="SLA breaches" fill="var(--chart-3)" />
                  <Bar dataKey="escalations" name="escalations" fill="var(--chart-4)" />
                </BarChart>
              </ResponsiveContainer>
            </figure>
            <figure className="card chart" aria-label={`Rates by ${DIMENSION_LABELS[by]}`}>
              <figcaption>Rates by {DIMENSION_LABELS[by].toLowerCase()} (%)</figcaption>
              <ResponsiveContainer width="100%" height={260}>
                <BarChart data={rows}>
                  <CartesianGrid strokeDasharray="3 3" />
                  <XAxis dataKey="group" />
                  <YAxis domain={[0, 100]} unit="%" />
                  <Tooltip />
                  <Legend />
                  <Bar dataKey="resolution" name="resolution" fill="var(--chart-2)" />
                  <Bar dataKey="fcr" name="first-contact" fill="var(--chart-1)" />
                  <Bar dataKey="sla" name="SLA compliance" fill="var(--chart-4)" />
                </BarChart>
              </ResponsiveContainer>
            </figure>
          </div>
          <section className="card" aria-labelledby="groups-h">
            <h2 id="groups-h">By {DIMENSION_LABELS[by].toLowerCase()}</h2>
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">{DIMENSION_LABELS[by]}</th>
                  <th scope="col">Cases</th>
                  <th scope="col">Resolved</th>
                  <th scope="col">First contact</th>
                  <th scope="col">SLA</th>
                  <th scope="col">Breaches</th>
                  <th scope="col">Escalations</th>
                  <th scope="col">First response</th>
                  <th scope="col">Resolution</th>
                  <th scope="col">CSAT</th>
                  <th scope="col">NPS</th>
                </tr>
              </thead>
              <tbody>
                {report.items.map((g) => {
                  const label = groupLabel(g, report.by);
                  return (
                    <tr key={label}>
                      <td>
                        <strong>{label}</strong>
                      </td>
                      <td>{g.cases}</td>
                      <td>
                        {g.resolved} <span className="muted">({percent(g.resolutionRate)})</span>
                      </td>
                      <td>{percent(g.fcr)}</td>
                      <td>{percent(g.slaCompliance)}</td>
                      <td>{g.breaches}</td>
                      <td>{g.escalations}</td>
                      <td>{median(g.firstResponseMs)}</td>
                      <td>{median(g.resolutionMs)}</td>
                      <td>{g.csat === null ? '—' : `${Math.round(g.csat)}%`}</td>
                      <td>{score(g.nps)}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </section>
          <section className="card" aria-labelledby="agents-h">
            <h2 id="agents-h">Agents</h2>
            {report.agents.length === 0 ? (
              <p className="muted">No agent completed a task in this period.</p>
            ) : (
              <table className="table">
                <thead>
                  <tr>
                    <th scope="col">Agent</th>
                    <th scope="col">Tasks handled</th>
                    <th scope="col">Average handling</th>
                    <th scope="col">Busy</th>
                    <th scope="col">Occupancy</th>
                  </tr>
                </thead>
                <tbody>
                  {report.agents.map((a) => (
                    <tr key={a.agent}>
                      <td>
                        <strong>{a.agent}</strong>
                      </td>
                      <td>{a.tasksHandled}</td>
                      <td>{a.ahtMs === null ? '—' : formatSpan(a.ahtMs)}</td>
                      <td>{formatSpan(a.busyMs)}</td>
                      <td>{percent(a.occupancy)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </section>
        </>
      )}
    </section>
  );
}
