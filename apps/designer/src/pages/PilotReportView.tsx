import type { PilotReport } from '../api/api';
import { formatSpan } from '../components/format';

/** The report fields beyond api.ts' PilotReport that this view reads (the runtime answers them). */
interface FullReport extends PilotReport {
  comparison: Array<
    PilotReport['comparison'][number] & {
      pilotCount?: number;
      controlCount?: number;
      test?: string;
      p?: number | null;
    }
  >;
  recommendation?: { action: 'promote' | 'keep running' | 'stop'; reason: string };
}

const pct = (v: number | null) => (v === null ? '—' : `${Math.round(v * 1000) / 10}%`);
const casesOf = (m: Record<string, unknown>) => (typeof m.cases === 'number' ? m.cases : 0);

/** Durations are compared by their medians (ms), everything else as rates (0..1). */
function value(metric: string, v: number | null): string {
  if (v === null) return '—';
  if (metric.endsWith('Ms')) return `${v < 0 ? '−' : ''}${formatSpan(Math.abs(v))}`;
  return pct(v);
}

/** Pilot against control: case counts per cohort, each metric with its test, and the recommendation. */
export function PilotReportView({ report }: { report: FullReport }) {
  return (
    <section aria-label="Pilot report">
      <h3>
        Pilot v{report.pilot.version} of {report.pilot.flow} against control
      </h3>
      <p>
        <span>Pilot: {casesOf(report.cohorts.pilot)} cases</span> ·{' '}
        <span>Control: {casesOf(report.cohorts.control)} cases</span>
      </p>
      {report.recommendation && (
        <p className="recommendation">
          <strong>{`Recommendation: ${report.recommendation.action}`}</strong> —{' '}
          {report.recommendation.reason}
        </p>
      )}
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
                {c.pilotCount !== undefined && <span className="muted"> (n={c.pilotCount})</span>}
              </td>
              <td>
                {value(c.metric, c.control)}
                {c.controlCount !== undefined && <span className="muted"> (n={c.controlCount})</span>}
              </td>
              <td>{value(c.metric, c.difference)}</td>
              <td title={c.test}>
                {c.significant ? 'yes (95%)' : 'no'}
                {c.p !== undefined && c.p !== null && <span className="muted"> p={c.p.toFixed(3)}</span>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
