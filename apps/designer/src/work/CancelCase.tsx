import { type FormEvent, useState } from 'react';
import { api } from '../auth/session';
import { ErrorBanner } from '../components/Status';
import { errorMessage } from '../hooks/useResource';
import { useT } from '../i18n/use-t';

/**
 * The form that cancels an open case: it says what cancelling stops and asks why (the reason
 * goes on the timeline). The runtime decides who may (the people working the case, supervisors,
 * admins) and says why not.
 */
export function CancelCase({
  caseId,
  onDone,
  onClose,
}: {
  caseId: string;
  onDone: () => void;
  onClose: () => void;
}) {
  const t = useT();
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await api.cancelCase(caseId, reason.trim());
      onDone();
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="card cancel-case" aria-label={t('case.cancel.label')} onSubmit={submit}>
      <p>{t('case.cancel.explain')}</p>
      <label>
        {t('case.cancel.reason')}
        <textarea
          rows={2}
          maxLength={2000}
          required
          value={reason}
          onChange={(e) => setReason(e.target.value)}
        />
      </label>
      <ErrorBanner message={error} />
      <div className="inline-form">
        <button type="submit" className="btn btn-danger" disabled={busy || !reason.trim()}>
          {t('case.cancel.confirm')}
        </button>
        <button type="button" className="btn" disabled={busy} onClick={onClose}>
          {t('case.cancel.keep')}
        </button>
      </div>
    </form>
  );
}
