import { useMemo, useState } from 'react';
import { Link } from 'react-router-dom';
import { useServerNow } from '../api/server-clock';
import { api, useSession } from '../auth/session';
import { countdown } from '../components/format';
import { Badge, ErrorBanner, Loading } from '../components/Status';
import { errorMessage, useResource } from '../hooks/useResource';
import { CaseFinder } from '../work/CaseFinder';
import { buildQueues, urgency } from '../work/queue-model';

/** Agent workspace: queues by group and tier with counts, ordered by SLA urgency; claim or open. */
export function WorkPage() {
  const user = useSession((s) => s.user);
  const tasks = useResource(() => api.listTasks(), []);
  const now = useServerNow(15_000);
  const [selected, setSelected] = useState<string>('');
  const [error, setError] = useState<string | null>(null);
  const queues = useMemo(() => buildQueues(tasks.data?.items ?? [], now), [tasks.data, now]);
  const mine = (tasks.data?.items ?? []).filter(
    (t) => t.assignee === user?.username && t.status === 'claimed',
  );
  const shown = queues.filter((q) => !selected || q.key === selected);

  async function claim(id: string) {
    try {
      await api.claim(id);
      tasks.reload();
    } catch (e) {
      setError(errorMessage(e));
    }
  }

  return (
    <section className="page work">
      <header className="page-header">
        <h1>Work queue</h1>
        <button type="button" className="btn" onClick={tasks.reload}>
          Refresh
        </button>
      </header>
      <ErrorBanner message={error ?? tasks.error} />
      <CaseFinder />
      <div className="split">
        <nav aria-label="Queues" className="queue-list">
          <ul>
            <li>
              <button
                type="button"
                className={selected === '' ? 'active' : ''}
                onClick={() => setSelected('')}
              >
                All queues <span className="count">{queues.reduce((n, q) => n + q.tasks.length, 0)}</span>
              </button>
            </li>
            {queues.map((q) => (
              <li key={q.key}>
                <button
                  type="button"
                  className={selected === q.key ? 'active' : ''}
                  onClick={() => setSelected(q.key)}
                >
                  {q.group}
                  {q.tier && <small> · {q.tier}</small>} <span className="count">{q.tasks.length}</span>
                  {q.overdue > 0 && <span className="badge badge-breached">{q.overdue} overdue</span>}
                </button>
              </li>
            ))}
          </ul>
          <p className="muted">Claimed by me: {mine.length}</p>
        </nav>
        <div>
          {tasks.loading && !tasks.data && <Loading />}
          {shown.map((q) => (
            <section key={q.key} aria-label={`Queue ${q.group} ${q.tier ?? ''}`}>
              <h2>
                {q.group} {q.tier && <small className="muted">{q.tier}</small>}
              </h2>
              <table className="table">
                <thead>
                  <tr>
                    <th scope="col">Task</th>
                    <th scope="col">Case</th>
                    <th scope="col">Status</th>
                    <th scope="col">SLA</th>
                    <th scope="col">Actions</th>
                  </tr>
                </thead>
                <tbody>
                  {q.tasks.map((t) => {
                    const u = urgency(t, now);
                    return (
                      <tr key={t.id} className={`urgency-${u}`}>
                        <td>
                          {t.kind === 'approval' && <Badge value="approval" tone="info" />} {t.title}
                        </td>
                        <td>
                          <Link to={`/cases/${t.caseId}`}>{t.caseId}</Link>
                        </td>
                        <td>
                          <Badge value={t.status} />
                          {t.assignee && <small className="muted"> {t.assignee}</small>}
                        </td>
                        <td>
                          <span className={`sla sla-${u}`}>{countdown(t.dueAt, now)}</span>
                        </td>
                        <td className="actions">
                          {t.status === 'open' && (
                            <button type="button" className="btn btn-small" onClick={() => claim(t.id)}>
                              Claim <span className="sr-only">{t.title}</span>
                            </button>
                          )}
                          <Link className="btn btn-small" to={`/cases/${t.caseId}`}>
                            Open <span className="sr-only">case {t.caseId}</span>
                          </Link>
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </section>
          ))}
          {tasks.data && queues.length === 0 && <p className="muted">No open work. Nice.</p>}
        </div>
      </div>
    </section>
  );
}
