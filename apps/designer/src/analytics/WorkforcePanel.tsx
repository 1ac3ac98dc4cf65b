import type { WorkforceMetrics } from '@caseflow/schema';
import { formatSpan } from '../components/format';
import { useFormat } from '../i18n/use-format';
import { useT } from '../i18n/use-t';
import { count, percent } from './metrics-view';

/**
 * Routing's side of the metrics (DESIGN §12), in words: per agent time online, schedule
 * adherence, tasks handed out, their wait and declines; per group the same over its members,
 * their occupancy, and overflows. Occupancy per agent is in the agents table above.
 */
export function WorkforcePanel({ workforce }: { workforce: WorkforceMetrics }) {
  const t = useT();
  const f = useFormat();
  const wait = (ms: number | null) => (ms === null ? '—' : formatSpan(ms));
  const empty = workforce.agents.length === 0 && workforce.groups.length === 0;
  return (
    <section className="card" aria-labelledby="workforce-h" data-testid="workforce">
      <h2 id="workforce-h">{t('analytics.workforce')}</h2>
      <p className="muted">{t('analytics.workforce.intro')}</p>
      {empty ? (
        <p className="muted">{t('analytics.workforce.none')}</p>
      ) : (
        <>
          <table className="table" aria-label={t('analytics.workforce.agents')}>
            <caption>{t('analytics.workforce.agents')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('analytics.col.agent')}</th>
                <th scope="col">{t('analytics.col.online')}</th>
                <th scope="col">{t('analytics.col.adherence')}</th>
                <th scope="col">{t('analytics.col.assigned')}</th>
                <th scope="col">{t('analytics.col.wait')}</th>
                <th scope="col">{t('analytics.col.declines')}</th>
              </tr>
            </thead>
            <tbody>
              {workforce.agents.map((a) => (
                <tr key={a.agent} data-agent={a.agent}>
                  <td>
                    <strong>{a.agent}</strong>
                  </td>
                  <td>{formatSpan(a.onlineMs)}</td>
                  <td data-cell="adherence">
                    {a.scheduledMs === null ? (
                      <span className="muted">{t('analytics.noHours')}</span>
                    ) : (
                      percent(a.adherence, f.locale)
                    )}
                  </td>
                  <td>{count(a.assignments, f.locale)}</td>
                  <td>{wait(a.assignmentWaitMs)}</td>
                  <td>{count(a.declines, f.locale)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <table className="table" aria-label={t('analytics.workforce.groups')}>
            <caption>{t('analytics.workforce.groups')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('analytics.col.group')}</th>
                <th scope="col">{t('analytics.col.online')}</th>
                <th scope="col">{t('analytics.col.adherence')}</th>
                <th scope="col">{t('analytics.col.occupancy')}</th>
                <th scope="col">{t('analytics.col.assigned')}</th>
                <th scope="col">{t('analytics.col.wait')}</th>
                <th scope="col">{t('analytics.col.declines')}</th>
                <th scope="col">{t('analytics.col.overflows')}</th>
              </tr>
            </thead>
            <tbody>
              {workforce.groups.map((g) => (
                <tr key={g.group} data-group={g.group}>
                  <td>
                    <strong>{g.group}</strong>
                  </td>
                  <td>{formatSpan(g.onlineMs)}</td>
                  <td data-cell="adherence">
                    {g.adherence === null ? (
                      <span className="muted">{t('analytics.noHours')}</span>
                    ) : (
                      percent(g.adherence, f.locale)
                    )}
                  </td>
                  <td data-cell="occupancy">{percent(g.occupancy, f.locale)}</td>
                  <td>{count(g.assignments, f.locale)}</td>
                  <td>{wait(g.assignmentWaitMs)}</td>
                  <td>{count(g.declines, f.locale)}</td>
                  <td>{count(g.overflows, f.locale)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}
