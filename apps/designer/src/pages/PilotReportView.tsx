import type { PilotReport } from '@caseflow/schema';
import { formatSpan } from '../components/format';

const pct = (v: number | null) => (v === null ? '—' : `${Math.round(v * 1000) / 10}%`);

/** Durations are compared by their medians (ms), everything else as rates (0..1). */
function value(metric: string, v: number | null): string {
  if (v === null) return '—';
  if (metric.endsWith('Ms')) return `${v < 0 ? '−' : ''}${formatSpan(Math.abs(v))}`;
  return pct(v);
}

/** Pilot against control: case counts per cohort, each metric with its test, and the recommendation. */
export function PilotReportView({ report }: { report: PilotReport }) {
  return (
    <section aria-label="Pilot report">
      <h3>
        Pilot v{report.pilot.version} of {report.pilot.flow} against control
      </h3>
      <p>
        <span>Pilot: {report.cohorts.pilot.cases} cases</span> ·{' '}
        <span>Control: {report.cohorts.control.cases} cases</span>
      </p>
      <p className="recommendation">
        <strong>{`Recommendation: ${report.recommendation.action}`}</strong> — {report.recommendation.reason}
      </p>
      <table className="table">
        <thead>
          <tr>
            <th scope="col">Metric</th>
            <th scope="col">Pilot</th>
            <th scope="col">Control</th>
            <th scope="col">Difference</th>
            <th scope="col">Beyond noise?</th>
          </tr>
        </thead>
        <tbody>
          {report.comparison.map((c) => (
            <tr key={c.metric}>
              <td>{c.metric}</td>
              <td>
                {value(c.metric, c.pilot)}
                <span className="muted"> (n={c.pilotCount})</span>
              </td>
              <td>
                {value(c.metric, c.control)}
                <span className="muted"> (n={c.controlCount})</span>
              </td>
              <td>{value(c.metric, c.difference)}</td>
              <td title={c.test}>
                {c.significant ? 'yes (95%)' : 'no'}
                {c.p !== null && <span className="muted"> p={c.p.toFixed(3)}</span>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
