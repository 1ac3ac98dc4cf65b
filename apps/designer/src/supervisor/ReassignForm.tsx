import type { SupervisorAgent, Task } from '@caseflow/schema';
import { useId, useState } from 'react';
import { api } from '../auth/session';
import { errorMessage } from '../hooks/useResource';
import { useT } from '../i18n/use-t';
import { reassignCandidates } from './supervisor-view';

/**
 * Hands one task to another agent of its group (POST /tasks/:id/delegate; the command checks
 * that the supervisor may and the agent qualifies). Says what happened through `onDone`.
 */
export function ReassignForm({
  task,
  agents,
  onDone,
}: {
  task: Task;
  agents: readonly SupervisorAgent[];
  onDone: (message: string, failed: boolean) => void;
}) {
  const t = useT();
  const id = useId();
  const [to, setTo] = useState('');
  const [busy, setBusy] = useState(false);
  const candidates = reassignCandidates(agents, task);
  if (candidates.length === 0) {
    return <small className="muted">{t('supervisor.reassign.nobody', { group: task.group ?? '' })}</small>;
  }
  return (
    <form
      className="reassign"
      onSubmit={async (e) => {
        e.preventDefault();
        if (!to) return;
        setBusy(true);
        try {
          await api.delegate(task.id, to);
          onDone(t('supervisor.reassign.done', { task: task.title, name: to }), false);
          setTo('');
        } catch (err) {
          onDone(errorMessage(err), true);
        } finally {
          setBusy(false);
        }
      }}
    >
      <label htmlFor={id} className="sr-only">
        {t('supervisor.reassign.to', { task: task.title })}
      </label>
      <select id={id} value={to} onChange={(e) => setTo(e.target.value)}>
        <option value="">{t('supervisor.reassign.pick')}</option>
        {candidates.map((a) => (
          <option key={a.username} value={a.username}>
            {a.displayName ?? a.username} ({a.load})
          </option>
        ))}
      </select>
      <button type="submit" className="btn btn-small" disabled={!to || busy}>
        {t('supervisor.reassign.button')} <span className="sr-only">{task.title}</span>
      </button>
    </form>
  );
}
