import { type FormEvent, useState } from 'react';
import { api } from '../auth/session';
import { ErrorBanner } from '../components/Status';
import { errorMessage } from '../hooks/useResource';
import { useT } from '../i18n/use-t';

/** The words of the form: an agent cancels a case, a customer withdraws their request. */
const WORDS = { staff: 'case.cancel', customer: 'portal.withdraw' } as const;

/**
 * The form that cancels an open case: it says what cancelling stops and asks why (the reason
 * goes on the timeline; a customer may leave it empty). The runtime decides who may (the people
 * working the case, supervisors, admins, the customer of their own request) and says why not.
 */
export function CancelCase({
  caseId,
  onDone,
  onClose,
  as = 'staff',
}: {
  caseId: string;
  onDone: () => void;
  onClose: () => void;
  as?: keyof typeof WORDS;
}) {
  const t = useT();
  const words = WORDS[as];
  const reasonRequired = as === 'staff';
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
    <form className="card cancel-case" aria-label={t(`${words}.label`)} onSubmit={submit}>
      <p>{t(`${words}.explain`)}</p>
      <label>
        {t(`${words}.reason`)}
        <textarea
          rows={2}
          maxLength={2000}
          required={reasonRequired}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
        />
      </label>
      <ErrorBanner message={error} />
      <div className="inline-form">
        <button
          type="submit"
          className="btn btn-danger"
          disabled={busy || (reasonRequired && !reason.trim())}
        >
          {t(`${words}.confirm`)}
        </button>
        <button type="button" className="btn" disabled={busy} onClick={onClose}>
          {t(`${words}.keep`)}
        </button>
      </div>
    </form>
  );
}
