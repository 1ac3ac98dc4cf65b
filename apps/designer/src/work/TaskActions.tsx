import type { FormSchema, Task } from '@caseflow/schema';
import { type FormEvent, useState } from 'react';
import { ApiError } from '../api/api-error';
import { api, useSession } from '../auth/session';
import { ErrorBanner } from '../components/Status';
import { FormView } from '../forms/FormView';
import { cleanValues, type FieldRule, fieldRules, initialValues } from '../forms/form-model';
import { errorMessage } from '../hooks/useResource';
import { useT } from '../i18n/use-t';
import { OfferNotice } from './OfferNotice';
import { taskPermissions } from './task-permissions';

/**
 * What the signed-in agent may do with one task, and nothing else: claim (their group's open
 * task), complete (form + an outcome they choose — none is preselected — + comment), vote
 * (approve / reject buttons on their own ballot) and escalate (reason). Others' tasks show who
 * holds them.
 */
export function TaskActions({
  task,
  onDone,
  outcomeText = (o) => o,
}: {
  task: Task;
  onDone(): void;
  /** What the agent reads for an outcome (the flow's label in their language), else the id. */
  outcomeText?(outcome: string): string;
}) {
  const t = useT();
  const user = useSession((s) => s.user);
  const form = (task.form as FormSchema | undefined) ?? undefined;
  const [values, setValues] = useState<Record<string, unknown>>(() => (form ? initialValues(form) : {}));
  const [errors, setErrors] = useState<Record<string, string | FieldRule>>({});
  const [outcome, setOutcome] = useState<string | null>(null);
  const [comment, setComment] = useState('');
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const may = taskPermissions(user, task);

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
    if (!outcome) return setError(t('task.chooseOutcome'));
    if (form) {
      const local = fieldRules(form, values);
      setErrors(local);
      if (Object.keys(local).length > 0) return setError(t('form.fixFields'));
    }
    void run(() => api.complete(task.id, outcome, cleanValues(values), comment || undefined));
  }

  if (task.status !== 'open' && task.status !== 'claimed') {
    return <p className="muted">{t('task.closed', { status: t(`work.status.${task.status}`) })}</p>;
  }
  if (!may.work) {
    return (
      <p className="muted">
        {task.assignee && task.assignee !== user?.username
          ? t('task.notYours', { name: task.assignee })
          : t('task.notYourGroup', { group: task.group ?? '—' })}
      </p>
    );
  }
  if (task.kind === 'approval') {
    return (
      <div className="task-actions">
        <label>
          {t('task.comment')}
          <textarea rows={2} value={comment} onChange={(e) => setComment(e.target.value)} />
        </label>
        <div className="button-row">
          {task.outcomes.map((o) => (
            <button
              key={o}
              type="button"
              className={`btn${o === 'approve' ? ' btn-primary' : ''}`}
              disabled={busy}
              onClick={() => run(() => api.complete(task.id, o, {}, comment || undefined))}
            >
              {t('task.vote', { outcome: o })}
            </button>
          ))}
        </div>
        <ErrorBanner message={error} />
      </div>
    );
  }
  return (
    <div className="task-actions">
      {task.offer && task.assignee === user?.username && (
        <OfferNotice
          task={{ ...task, offer: task.offer }}
          busy={busy}
          onAccept={() => void run(() => api.claim(task.id))}
          onDecline={(why) => void run(() => api.decline(task.id, why))}
        />
      )}
      {may.claim && (
        <button type="button" className="btn" disabled={busy} onClick={() => run(() => api.claim(task.id))}>
          {t('work.claimNamed', { task: task.title })}
        </button>
      )}
      <form onSubmit={complete} aria-label={t('task.completeLabel', { task: task.title })} noValidate>
        {form && <FormView form={form} values={values} errors={errors} onChange={setValues} />}
        <fieldset className="outcomes">
          <legend>{t('task.outcome')}</legend>
          {task.outcomes.map((o) => (
            <label key={o} className="check">
              <input
                type="radio"
                name={`outcome-${task.id}`}
                value={o}
                checked={outcome === o}
                onChange={() => setOutcome(o)}
              />
              {outcomeText(o)}
            </label>
          ))}
        </fieldset>
        <label>
          {t('task.comment')}
          <textarea rows={2} value={comment} onChange={(e) => setComment(e.target.value)} />
        </label>
        <button className="btn btn-primary" type="submit" disabled={busy || !outcome}>
          {outcome ? t('task.complete', { outcome: outcomeText(outcome) }) : t('task.completeNone')}
        </button>
      </form>
      <form
        className="inline-form"
        aria-label={t('task.escalateLabel', { task: task.title })}
        onSubmit={(e) => {
          e.preventDefault();
          if (!reason.trim()) return setError(t('task.reasonRequired'));
          void run(() => api.escalate(task.id, reason));
        }}
      >
        <label>
          {t('task.reason')}
          <input value={reason} onChange={(e) => setReason(e.target.value)} />
        </label>
        <button className="btn" type="submit" disabled={busy}>
          {t('task.escalate')}
        </button>
      </form>
      <ErrorBanner message={error} />
    </div>
  );
}
