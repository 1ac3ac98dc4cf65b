import { useState } from 'react';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { api } from '../auth/session';
import { ErrorBanner, Loading } from '../components/Status';
import { useResource } from '../hooks/useResource';

const METRICS = ['cases', 'resolved', 'breaches', 'escalations'] as const;

/** Flow metrics grouped by version, cohort, channel or tier (GET /api/metrics), as a chart and a table. */
export function AnalyticsPage() {
  const flows = useResource(() => api.listFlows(), []);
  const [flow, setFlow] = useState('');
  const [by, setBy] = useState('version');
  const metrics = useResource(() => api.metrics({ flow: flow || undefined, by }), [flow, by]);
  const rows = Array.isArray(metrics.data) ? metrics.data : (metrics.data?.items ?? []);
  const columns = [...new Set(rows.flatMap((r) => Object.keys(r)))].filter(
    (c) => typeof rows[0]?.[c] !== 'object',
  );
  return (
    <section className="page">
      <header className="page-header">
        <h1>Analytics</h1>
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
            <select value={by} onChange={(e) => setBy(e.target.value)}>
              {['version', 'cohort', 'channel', 'tier'].map((b) => (
                <option key={b}>{b}</option>
              ))}
            </select>
          </label>
        </div>
      </header>
      <ErrorBanner message={metrics.error} />
      {metrics.loading && !metrics.data && <Loading />}
      {rows.length > 0 && (
        <figure className="card chart" aria-label={`Cases by ${by}`}>
          <ResponsiveContainer width="100%" height={280}>
            <BarChart data={rows.map((r) => ({ ...r, group: String(r[by] ?? r.group ?? '—') }))}>
              <CartesianGrid strokeDasharray="3 3" />
              <XAxis dataKey="group" />
              <YAxis allowDecimals={false} />
              <Tooltip />
              <Legend />
              {METRICS.map((m, i) => (
                <Bar key={m} dataKey={m} fill={`var(--chart-${i + 1})`} />
              ))}
            </BarChart>
          </ResponsiveContainer>
        </figure>
      )}
      <table className="table">
        <thead>
          <tr>
            {columns.map((c) => (
              <th scope="col" key={c}>
                {c}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r, i) => (
            <tr key={String(r[by] ?? i)}>
              {columns.map((c) => (
                <td key={c}>
                  {typeof r[c] === 'number' ? Number(r[c]).toLocaleString() : String(r[c] ?? '—')}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
