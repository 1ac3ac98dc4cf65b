import { useCallback, useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import type { QueueItem, QueueSort } from '../api/api';
import { useServerNow } from '../api/server-clock';
import { api, useSession } from '../auth/session';
import { ErrorBanner, Loading } from '../components/Status';
import { errorMessage, useResource } from '../hooks/useResource';
import { useFormat } from '../i18n/use-format';
import { useT } from '../i18n/use-t';
import { useLiveEvents } from '../live/useLiveEvents';
import { CaseFinder } from '../work/CaseFinder';
import { queueParams } from '../work/queue-params';
import { TaskName } from '../work/TaskName';

/**
 * The agent's queue (GET /queue): by default only work they may take — their groups' open
 * tasks, their claims and ballots — with priority, customer, SLA state (at risk from the first
 * warning, breached) and age, sorted by SLA risk. Scope, group and sort live in the URL; the
 * list follows the agent's live stream.
 */
export function WorkPage() {
  const t = useT();
  const f = useFormat();
  const user = useSession((s) => s.user);
  const [params, setParams] = useSearchParams();
  const { scope, group, sort } = queueParams(params);
  const queue = useResource(() => api.queue({ scope, group, sort }), [scope, group, sort]);
  const reload = queue.reload;
  useLiveEvents(
    '/api/events',
    useCallback(() => reload(), [reload]),
  );
  const now = useServerNow(15_000);
  const [error, setError] = useState<string | null>(null);
  const set = (key: string, value: string | undefined) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };

  async function claim(id: string) {
    try {
      await api.claim(id);
      reload();
    } catch (e) {
      setError(errorMessage(e));
    }
  }

  const slaText = (item: QueueItem) => {
    const due = item.sla.dueAt;
    switch (item.sla.state) {
      case 'breached':
        return t('work.sla.breached', { relative: due ? f.relative(due, now) : '' });
      case 'at-risk':
        return t('work.sla.atRisk', { relative: due ? f.relative(due, now) : '' });
      case 'on-track':
        return t('work.sla.onTrack', { relative: due ? f.relative(due, now) : '' });
      case 'paused':
        return t('work.sla.paused');
      default:
        return t('work.sla.none');
    }
  };
  const items = queue.data?.items ?? [];
  const mayClaim = (item: QueueItem) =>
    item.task.status === 'open' &&
    item.task.assignee === null &&
    item.task.kind === 'task' &&
    (user?.roles.includes('admin') ||
      (item.task.group !== null && (user?.groups ?? []).includes(item.task.group)));

  return (
    <section className="page work">
      <header className="page-header">
        <h1>{t('work.title')}</h1>
        <p className="muted" aria-live="polite">
          {t('work.count', { count: items.length })} · {t('work.live')}
        </p>
      </header>
      <ErrorBanner message={error ?? queue.error} />
      <form
        className="inline-form queue-filters"
        aria-label={t('work.title')}
        onSubmit={(e) => e.preventDefault()}
      >
        <label>
          {t('work.scope')}
          <select
            value={scope}
            onChange={(e) => set('scope', e.target.value === 'mine' ? undefined : e.target.value)}
          >
            <option value="mine">{t('work.scope.mine')}</option>
            <option value="all">{t('work.scope.all')}</option>
          </select>
        </label>
        <label>
          {t('work.group')}
          <select value={group ?? ''} onChange={(e) => set('group', e.target.value || undefined)}>
            <option value="">{t('work.group.all')}</option>
            {(user?.groups ?? []).map((g) => (
              <option key={g} value={g}>
                {g}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('work.sort')}
          <select
            value={sort}
            onChange={(e) => set('sort', e.target.value === 'risk' ? undefined : e.target.value)}
          >
            {(['risk', 'priority', 'age', 'due'] as QueueSort[]).map((s) => (
              <option key={s} value={s}>
                {t(`work.sort.${s}`)}
              </option>
            ))}
          </select>
        </label>
      </form>
      {queue.loading && !queue.data && <Loading />}
      {queue.data && items.length === 0 && <p className="muted">{t('work.empty')}</p>}
      {items.length > 0 && (
        <table className="table queue">
          <thead>
            <tr>
              <th scope="col">{t('work.col.priority')}</th>
              <th scope="col">{t('work.col.case')}</th>
              <th scope="col">{t('work.col.customer')}</th>
              <th scope="col">{t('work.col.task')}</th>
              <th scope="col">{t('work.col.sla')}</th>
              <th scope="col">{t('work.col.age')}</th>
              <th scope="col">{t('work.col.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((item) => {
              const number = item.caseNumber ?? item.task.caseId;
              return (
                <tr
                  key={item.task.id}
                  className={`sla-row sla-${item.sla.state}`}
                  data-sla={item.sla.state}
                  data-due={item.sla.dueAt ?? undefined}
                >
                  <td>
                    <span className={`badge badge-priority-${item.priority}`}>
                      {t('work.priority', { priority: item.priority })}
                    </span>
                  </td>
                  <td>
                    <Link to={`/cases/${item.task.caseId}`}>{number}</Link>
                    <br />
                    <small className="muted">{item.subject}</small>
                  </td>
                  <td>{item.customerName ?? item.customerId ?? '—'}</td>
                  <td>
                    <TaskName task={item.task} />
                    {item.task.assignee && item.task.assignee !== user?.username && (
                      <small className="muted"> {t('work.heldBy', { name: item.task.assignee })}</small>
                    )}
                  </td>
                  <td>
                    <span className={`sla sla-${item.sla.state}`}>{slaText(item)}</span>
                  </td>
                  <td>{f.duration(Math.max(0, now - new Date(item.task.createdAt).getTime()), 1)}</td>
                  <td className="actions">
                    {item.task.offer && item.task.assignee === user?.username && (
                      <button
                        type="button"
                        className="btn btn-small btn-primary"
                        onClick={() => claim(item.task.id)}
                      >
                        {t('task.offer.accept')} <span className="sr-only">{item.task.title}</span>
                      </button>
                    )}
                    {mayClaim(item) && (
                      <button type="button" className="btn btn-small" onClick={() => claim(item.task.id)}>
                        {t('work.claim')} <span className="sr-only">{item.task.title}</span>
                      </button>
                    )}
                    <Link className="btn btn-small" to={`/cases/${item.task.caseId}`}>
                      {t('work.open')} <span className="sr-only">{number}</span>
                    </Link>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      <CaseFinder />
    </section>
  );
}
