import type { SupervisorOverview } from '@caseflow/schema';
import { useState } from 'react';
import { api } from '../auth/session';
import { errorMessage } from '../hooks/useResource';
import { useT } from '../i18n/use-t';

type Done = (message: string, failed: boolean) => void;

/** Each group's routing mode and whether its automatic assignment is paused, with the switch. */
export function GroupTable({ overview, onDone }: { overview: SupervisorOverview; onDone: Done }) {
  const t = useT();
  const [busy, setBusy] = useState<string | null>(null);

  async function toggle(group: string, paused: boolean) {
    setBusy(group);
    try {
      await api.setGroupPaused(group, paused);
      onDone(t('supervisor.assignment.done', { group, paused: String(paused) }), false);
    } catch (e) {
      onDone(errorMessage(e), true);
    } finally {
      setBusy(null);
    }
  }

  return (
    <table className="table" data-testid="supervisor-groups">
      <thead>
        <tr>
          <th scope="col">{t('supervisor.col.group')}</th>
          <th scope="col">{t('supervisor.col.mode')}</th>
          <th scope="col">{t('supervisor.col.assignment')}</th>
        </tr>
      </thead>
      <tbody>
        {overview.groups.map((g) => (
          <tr key={g.name} data-group={g.name} data-paused={String(g.paused)}>
            <td>
              <strong>{g.name}</strong>
            </td>
            <td>{t(`supervisor.mode.${g.mode}`)}</td>
            <td>
              {/* Paused stands out in the danger tone (the warning tone is too pale on a badge for axe). */}
              <span className={`badge badge-${g.paused ? 'breached' : 'open'}`}>
                {t(g.paused ? 'supervisor.assignment.paused' : 'supervisor.assignment.running')}
              </span>{' '}
              <button
                type="button"
                className="btn btn-small"
                disabled={busy === g.name}
                aria-label={t(g.paused ? 'supervisor.assignment.resume' : 'supervisor.assignment.pause', {
                  group: g.name,
                })}
                onClick={() => toggle(g.name, !g.paused)}
              >
                {t(g.paused ? 'supervisor.assignment.resumeShort' : 'supervisor.assignment.pauseShort')}
              </button>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
