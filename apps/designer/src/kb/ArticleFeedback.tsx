import type { KbLocale } from '@caseflow/schema';
import { type FormEvent, useState } from 'react';
import { Link } from 'react-router-dom';
import { useSession } from '../auth/session';
import { ErrorBanner } from '../components/Status';
import { errorMessage } from '../hooks/useResource';
import { useT } from '../i18n/use-t';
import { kbApi } from './kb-api';

/**
 * "This solved my problem" / "It didn't" (with a reason) under an article. Beside a request
 * form it carries the form's draft id and catalog item, which is how a request that never
 * came counts as deflected.
 */
export function ArticleFeedback(props: {
  slug: string;
  locale: KbLocale;
  draftId?: string;
  catalogItem?: string;
  onSolved?: () => void;
}) {
  const t = useT();
  const user = useSession((s) => s.user);
  const [state, setState] = useState<'ask' | 'reason' | 'solved' | 'thanks'>('ask');
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  if (!user) {
    return (
      <p className="muted kb-feedback">
        {t('kb.feedback.signIn')} <Link to="/login">{t('kb.signIn')}</Link>
      </p>
    );
  }
  async function send(helpful: boolean, why?: string) {
    setError(null);
    try {
      await kbApi.feedback(props.slug, {
        helpful,
        locale: props.locale,
        ...(why ? { reason: why } : {}),
        ...(props.draftId ? { draftId: props.draftId } : {}),
        ...(props.catalogItem ? { catalogItem: props.catalogItem } : {}),
      });
      setState(helpful ? 'solved' : 'thanks');
      if (helpful) props.onSolved?.();
    } catch (err) {
      setError(errorMessage(err));
    }
  }
  function submitReason(e: FormEvent) {
    e.preventDefault();
    void send(false, reason.trim() || undefined);
  }
  if (state === 'solved')
    return (
      <p className="kb-feedback kb-solved" role="status">
        {t('kb.feedback.solved')}
      </p>
    );
  if (state === 'thanks')
    return (
      <p className="kb-feedback" role="status">
        {t('kb.feedback.thanks')}
      </p>
    );
  return (
    <div className="kb-feedback">
      <p>{t('kb.feedback.question')}</p>
      {state === 'ask' ? (
        <div className="row">
          <button type="button" className="btn btn-primary" onClick={() => void send(true)}>
            {t('kb.feedback.yes')}
          </button>
          <button type="button" className="btn" onClick={() => setState('reason')}>
            {t('kb.feedback.no')}
          </button>
        </div>
      ) : (
        <form className="inline-form" onSubmit={submitReason}>
          <label>
            {t('kb.feedback.reason')}
            <input value={reason} maxLength={1000} onChange={(e) => setReason(e.target.value)} />
          </label>
          <button type="submit" className="btn">
            {t('kb.feedback.send')}
          </button>
        </form>
      )}
      <ErrorBanner message={error} />
    </div>
  );
}
