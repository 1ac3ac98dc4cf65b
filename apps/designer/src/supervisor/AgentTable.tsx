import type { PresenceStatus, SupervisorOverview } from '@caseflow/schema';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { api } from '../auth/session';
import { errorMessage } from '../hooks/useResource';
import { useT } from '../i18n/use-t';

const PRESENCES: PresenceStatus[] = ['online', 'away', 'offline'];

type Done = (message: string, failed: boolean) => void;

/** Each agent's presence (changeable), load against capacity and the work they hold now. */
export function AgentTable({ overview, onDone }: { overview: SupervisorOverview; onDone: Done }) {
  const t = useT();
  const [busy, setBusy] = useState<string | null>(null);
  if (overview.agents.length === 0) return <p className="muted">{t('supervisor.agents.none')}</p>;

  async function change(username: string, status: PresenceStatus) {
    setBusy(username);
    try {
      await api.setPresence(username, status);
      onDone(t('supervisor.presence.done', { name: username, status }), false);
    } catch (e) {
      onDone(errorMessage(e), true);
    } finally {
      setBusy(null);
    }
  }

  return (
    <table className="table" data-testid="supervisor-agents">
      <thead>
        <tr>
          <th scope="col">{t('supervisor.col.agent')}</th>
          <th scope="col">{t('supervisor.col.presence')}</th>
          <th scope="col">{t('supervisor.col.load')}</th>
          <th scope="col">{t('supervisor.col.work')}</th>
        </tr>
      </thead>
      <tbody>
        {overview.agents.map((a) => {
          const name = a.displayName ?? a.username;
          return (
            <tr key={a.username} data-agent={a.username} data-presence={a.presence}>
              <td>
                <strong>{name}</strong>
                <br />
                <small className="muted">{a.groups.join(', ')}</small>
              </td>
              <td>
                <select
                  aria-label={t('supervisor.presence.label', { name })}
                  className={`presence presence-${a.presence}`}
                  value={a.presence}
                  disabled={busy === a.username}
                  onChange={(e) => change(a.username, e.target.value as PresenceStatus)}
                >
                  {PRESENCES.map((p) => (
                    <option key={p} value={p}>
                      {t('supervisor.presence', { status: p })}
                    </option>
                  ))}
                </select>
              </td>
              <td data-cell="load" data-load={a.load}>
                {t('supervisor.load', { load: a.load, capacity: a.capacity })}
              </td>
              <td>
                {a.work.length === 0 ? (
                  <span className="muted">{t('supervisor.work.none')}</span>
                ) : (
                  <ul className="plain-list">
                    {a.work.map((w) => (
                      <li key={w.taskId}>
                        <Link to={`/cases/${w.caseId}`}>{w.title}</Link>
                      </li>
                    ))}
                    {a.load > a.work.length && (
                      <li className="muted">
                        {t('supervisor.work.more', { count: a.load - a.work.length })}
                      </li>
                    )}
                  </ul>
                )}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
