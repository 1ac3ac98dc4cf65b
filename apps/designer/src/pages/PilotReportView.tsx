import type { Comparison, PilotReport } from '@caseflow/schema';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useFormat } from '../i18n/use-format';
import { useT } from '../i18n/use-t';

const HOUR = 3_600_000;
const isDuration = (metric: string) => metric.endsWith('Ms');

/** One chart: pilot and control side by side for each metric given. */
function CohortChart({
  title,
  rows,
}: {
  title: string;
  rows: Array<{ label: string; pilot: number | null; control: number | null }>;
}) {
  const t = useT();
  return (
    <figure>
      <figcaption>{title}</figcaption>
      <div style={{ width: '100%', height: 240 }}>
        <ResponsiveContainer>
          <BarChart data={rows} margin={{ top: 8, right: 8, bottom: 8, left: 0 }}>
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis dataKey="label" interval={0} tick={{ fontSize: 11 }} />
            <YAxis tick={{ fontSize: 11 }} />
            <Tooltip />
            <Legend />
            <Bar dataKey="pilot" name={t('report.col.pilot')} fill="var(--primary, #2563eb)" />
            <Bar dataKey="control" name={t('report.col.control')} fill="var(--muted-fg, #94a3b8)" />
          </BarChart>
        </ResponsiveContainer>
      </div>
    </figure>
  );
}

/**
 * Pilot against control in words: case counts per cohort, the help centre's and the team's
 * figures (routing and agent time), the recommendation, charts of the rates and median times,
 * and each measure with the test that judged it.
 */
export function PilotReportView({ report }: { report: PilotReport }) {
  const t = useT();
  const f = useFormat();
  const label = (metric: string) => t(`report.metric.${metric}`);
  const value = (c: Comparison, v: number | null) => {
    if (v === null) return '—';
    if (isDuration(c.metric)) return `${v < 0 ? '−' : ''}${f.duration(Math.abs(v), 2)}`;
    return f.number(v, { style: 'percent', maximumFractionDigits: 1 });
  };
  const rates = report.comparison
    .filter((c) => !isDuration(c.metric))
    .map((c) => ({
      label: label(c.metric),
      pilot: c.pilot === null ? null : Math.round(c.pilot * 1000) / 10,
      control: c.control === null ? null : Math.round(c.control * 1000) / 10,
    }));
  const times = report.comparison
    .filter((c) => isDuration(c.metric))
    .map((c) => ({
      label: label(c.metric),
      pilot: c.pilot === null ? null : Math.round((c.pilot / HOUR) * 10) / 10,
      control: c.control === null ? null : Math.round((c.control / HOUR) * 10) / 10,
    }));
  return (
    <section aria-label={t('report.title', { version: report.pilot.version, flow: report.pilot.flow })}>
      <h3>{t('report.title', { version: report.pilot.version, flow: report.pilot.flow })}</h3>
      <p>{t('report.cases', { pilot: report.cohorts.pilot.cases, control: report.cohorts.control.cases })}</p>
      {report.kb && (
        <p>
          {t('report.kb', {
            pilotViews: report.kb.pilot.articleViews,
            controlViews: report.kb.control.articleViews,
            pilotDeflected: report.kb.pilot.deflected,
            controlDeflected: report.kb.control.deflected,
          })}
        </p>
      )}
      {report.workforce && (
        <p data-testid="pilot-workforce">
          {t('report.workforce', {
            pilotAssignments: report.workforce.pilot.assignments,
            pilotDeclines: report.workforce.pilot.declines,
            pilotAgentTime: f.duration(report.workforce.pilot.agentTimeMs, 2),
            pilotWorked: report.workforce.pilot.casesWorked,
            controlAssignments: report.workforce.control.assignments,
            controlDeclines: report.workforce.control.declines,
            controlAgentTime: f.duration(report.workforce.control.agentTimeMs, 2),
            controlWorked: report.workforce.control.casesWorked,
          })}
        </p>
      )}
      <p className="recommendation">
        <strong>{t(`report.recommend.${report.recommendation.action}`)}</strong> —{' '}
        {report.recommendation.reason}
      </p>
      <div className="pilot-charts">
        <CohortChart title={t('report.ratesChart')} rows={rates} />
        <CohortChart title={t('report.timesChart')} rows={times} />
      </div>
      <table className="table">
        <thead>
          <tr>
            <th scope="col">{t('report.col.metric')}</th>
            <th scope="col">{t('report.col.pilot')}</th>
            <th scope="col">{t('report.col.control')}</th>
            <th scope="col">{t('report.col.difference')}</th>
            <th scope="col">{t('report.col.significant')}</th>
          </tr>
        </thead>
        <tbody>
          {report.comparison.map((c) => (
            <tr key={c.metric}>
              <td>{label(c.metric)}</td>
              <td>
                {value(c, c.pilot)}
                <span className="muted"> ({t('report.n', { count: c.pilotCount })})</span>
              </td>
              <td>
                {value(c, c.control)}
                <span className="muted"> ({t('report.n', { count: c.controlCount })})</span>
              </td>
              <td>{value(c, c.difference)}</td>
              <td title={c.test}>
                {c.significant ? t('report.yes') : t('report.no')}
                {c.better && <span className="muted"> · {t(`report.better.${c.better}`)}</span>}
                {c.p !== null && <span className="muted"> p={c.p.toFixed(3)}</span>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
