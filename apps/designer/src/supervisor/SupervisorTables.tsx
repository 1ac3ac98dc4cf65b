import type { SupervisorOverview } from '@caseflow/schema';
import { Link } from 'react-router-dom';
import { useFormat } from '../i18n/use-format';
import { useT } from '../i18n/use-t';
import { ReassignForm } from './ReassignForm';

type Props = { overview: SupervisorOverview; now: number };

/** Open and claimed work per group and tier, with how long the oldest task has waited. */
export function QueueTable({ overview, now }: Props) {
  const t = useT();
  const f = useFormat();
  if (overview.queues.length === 0) return <p className="muted">{t('supervisor.queues.none')}</p>;
  return (
    <table className="table" data-testid="supervisor-queues">
      <thead>
        <tr>
          <th scope="col">{t('supervisor.col.group')}</th>
          <th scope="col">{t('supervisor.col.tier')}</th>
          <th scope="col">{t('supervisor.col.waiting')}</th>
          <th scope="col">{t('supervisor.col.claimed')}</th>
          <th scope="col">{t('supervisor.col.oldest')}</th>
        </tr>
      </thead>
      <tbody>
        {overview.queues.map((q) => (
          <tr key={`${q.group}/${q.tier}`} data-group={q.group ?? ''} data-tier={q.tier ?? ''}>
            <td>
              <strong>{q.group ?? t('supervisor.noGroup')}</strong>
            </td>
            <td>{q.tier ?? t('supervisor.noTier')}</td>
            <td data-cell="waiting">{f.number(q.open)}</td>
            <td data-cell="claimed">{f.number(q.claimed)}</td>
            <td>
              {q.oldestWaitingAt
                ? f.duration(Math.max(0, now - Date.parse(q.oldestWaitingAt)), 1)
                : t('supervisor.noTier')}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Tasks past their first warning or breached, most urgent first, each reassignable. */
export function RiskTable({
  overview,
  now,
  onReassigned,
}: Props & { onReassigned: (m: string, failed: boolean) => void }) {
  const t = useT();
  const f = useFormat();
  if (overview.risks.length === 0) return <p className="muted">{t('supervisor.risks.none')}</p>;
  return (
    <table className="table" data-testid="supervisor-risks">
      <thead>
        <tr>
          <th scope="col">{t('supervisor.col.case')}</th>
          <th scope="col">{t('supervisor.col.task')}</th>
          <th scope="col">{t('supervisor.col.state')}</th>
          <th scope="col">{t('supervisor.col.assignee')}</th>
          <th scope="col">{t('supervisor.col.reassign')}</th>
        </tr>
      </thead>
      <tbody>
        {overview.risks.map((r) => {
          const relative = r.slaDueAt ? f.relative(r.slaDueAt, now) : '';
          return (
            <tr key={r.task.id} className={`sla-row sla-${r.state}`} data-sla={r.state}>
              <td>
                <Link to={`/cases/${r.task.caseId}`}>{r.caseNumber ?? r.task.caseId}</Link>
                <br />
                <small className="muted">{r.subject}</small>
              </td>
              <td>
                {r.task.title}
                <br />
                <small className="muted">
                  {r.task.group ?? t('supervisor.noGroup')} · {r.task.tier ?? t('supervisor.noTier')}
                </small>
              </td>
              <td>
                <span className={`sla sla-${r.state}`}>
                  {t(r.state === 'breached' ? 'supervisor.state.breached' : 'supervisor.state.atRisk', {
                    relative,
                  })}
                </span>
              </td>
              <td>{r.task.assignee ?? t('supervisor.unassigned')}</td>
              <td>
                <ReassignForm task={r.task} agents={overview.agents} onDone={onReassigned} />
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

/** SLA breach notifications sent to the supervisor, newest first, with links to the cases. */
export function BreachTable({ overview }: { overview: SupervisorOverview }) {
  const t = useT();
  const f = useFormat();
  if (overview.breaches.length === 0) return <p className="muted">{t('supervisor.breaches.none')}</p>;
  return (
    <table className="table" data-testid="supervisor-breaches">
      <thead>
        <tr>
          <th scope="col">{t('supervisor.col.when')}</th>
          <th scope="col">{t('supervisor.col.case')}</th>
          <th scope="col">{t('supervisor.col.clock')}</th>
          <th scope="col">{t('supervisor.col.sentTo')}</th>
          <th scope="col">{t('supervisor.col.delivery')}</th>
        </tr>
      </thead>
      <tbody>
        {overview.breaches.map((b) => (
          <tr key={b.id}>
            <td>{f.dateTime(b.at)}</td>
            <td>{b.caseId ? <Link to={`/cases/${b.caseId}`}>{b.caseNumber ?? b.caseId}</Link> : '—'}</td>
            <td>
              {/* A task's own clock is `<task id>.sla`: an id nobody reads; named by kind instead. */}
              {b.slaId?.endsWith('.sla') ? t('supervisor.breach.taskClock') : (b.slaId ?? '')}{' '}
              <small className="muted">
                {b.nodeId ? t('supervisor.breach.step', { step: b.nodeId }) : t('supervisor.breach.case')}
              </small>
            </td>
            <td>
              {b.to.startsWith('group:') ? t('supervisor.breach.toGroup', { group: b.to.slice(6) }) : b.to}
            </td>
            <td>{t('supervisor.breach.status', { status: b.status })}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
