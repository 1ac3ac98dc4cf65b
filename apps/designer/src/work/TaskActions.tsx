import type { FormSchema, Task } from '@caseflow/schema';
import { type FormEvent, useState } from 'react';
import { ApiError } from '../api/api-error';
import { api, useSession } from '../auth/session';
import { ErrorBanner } from '../components/Status';
import { FormView } from '../forms/FormView';
import { checkValues, cleanValues, initialValues } from '../forms/form-model';
import { errorMessage } from '../hooks/useResource';

/** Claim, complete (form + outcome + comment) and escalate (reason) for one task. */
export function TaskActions({ task, onDone }: { task: Task; onDone(): void }) {
  const user = useSession((s) => s.user);
  const form = (task.form as FormSchema | undefined) ?? undefined;
  const [values, setValues] = useState<Record<string, unknown>>(() => (form ? initialValues(form) : {}));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [outcome, setOutcome] = useState(task.outcomes[0] ?? '');
  const [comment, setComment] = useState('');
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const mine = task.assignee === user?.username;
  const closed = task.status !== 'open' && task.status !== 'claimed';

  async function run(action: () => Promise<unknown>) {
    setBusy(true);
    setError(null);
    try {
      await action();
      onDone();
    } catch (e) {
      if (e instanceof ApiError) setErrors(e.byField());
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  }

  function complete(e: FormEvent) {
    e.preventDefault();
    if (form && task.kind === 'task') {
      const local = checkValues(form, values);
      setErrors(local);
      if (Object.keys(local).length > 0) return setError('Please correct the highlighted fields.');
    }
    void run(() => api.complete(task.id, outcome, cleanValues(values), comment || undefined));
  }

  if (closed) return <p className="muted">This task is {task.status}.</p>;
  return (
    <div className="task-actions">
      {!mine && (
        <button type="button" className="btn" disabled={busy} onClick={() => run(() => api.claim(task.id))}>
          Claim {task.title}
        </button>
      )}
      <form onSubmit={complete} aria-label={`Complete ${task.title}`} noValidate>
        {form && task.kind === 'task' && (
          <FormView form={form} values={values} errors={errors} onChange={setValues} />
        )}
        <fieldset className="outcomes">
          <legend>{task.kind === 'approval' ? 'Decision' : 'Outcome'}</legend>
          {task.outcomes.map((o) => (
            <label key={o} className="check">
              <input
                type="radio"
                name={`outcome-${task.id}`}
                value={o}
                checked={outcome === o}
                onChange={() => setOutcome(o)}
              />
              {o}
            </label>
          ))}
        </fieldset>
        <label>
          Comment
          <textarea rows={2} value={comment} onChange={(e) => setComment(e.target.value)} />
        </label>
        <button className="btn btn-primary" type="submit" disabled={busy || !outcome}>
          {task.kind === 'approval' ? `Submit ${outcome}` : `Complete as ${outcome}`}
        </button>
      </form>
      {task.kind === 'task' && (
        <form
          className="inline-form"
          aria-label={`Escalate ${task.title}`}
          onSubmit={(e) => {
            e.preventDefault();
            if (!reason.trim()) return setError('Escalation reason is required');
            void run(() => api.escalate(task.id, reason));
          }}
        >
          <label>
            Escalation reason
            <input value={reason} onChange={(e) => setReason(e.target.value)} />
          </label>
          <button className="btn" type="submit" disabled={busy}>
            Escalate
          </button>
        </form>
      )}
      <ErrorBanner message={error} />
    </div>
  );
}
