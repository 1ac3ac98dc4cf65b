import { type FormEvent, useState } from 'react';
import { api, hasRole, useSession } from '../auth/session';
import { ErrorBanner, StatusLine } from '../components/Status';
import { errorMessage } from '../hooks/useResource';
import { LanguageSwitch } from '../i18n/LanguageSwitch';
import { useT } from '../i18n/use-t';
import { PresencePreferences } from '../presence/PresencePreferences';
import { passwordProblemOf } from './password-rules';

/**
 * The signed-in user's account: who they are, their language (saved to their profile, so what
 * they receive uses it too) and a password change (POST /auth/password).
 */
export function AccountPage() {
  const user = useSession((s) => s.user);
  const t = useT();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [repeat, setRepeat] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setError(null);
    setStatus(null);
    const problem = passwordProblemOf(next, repeat);
    if (problem) return setError(t(problem.id, problem.values));
    setBusy(true);
    try {
      await api.changePassword(current, next);
      setCurrent('');
      setNext('');
      setRepeat('');
      setStatus(t('account.password.changed'));
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="page">
      <h1>{t('account.title')}</h1>
      <p className="muted">
        {t('account.signedInAs', {
          username: user?.username,
          roles: user?.roles.map((r) => t(`role.${r}`)).join(', '),
        })}
      </p>
      <section className="card" aria-labelledby="language-h">
        <h2 id="language-h">{t('account.language.title')}</h2>
        <p className="muted">{t('account.language.hint')}</p>
        <LanguageSwitch />
      </section>
      {user && hasRole(user, 'agent') && <PresencePreferences />}
      <form className="card" onSubmit={submit} aria-labelledby="password-h">
        <h2 id="password-h">{t('account.password.title')}</h2>
        <label>
          {t('account.password.current')}
          <input
            type="password"
            autoComplete="current-password"
            value={current}
            onChange={(e) => setCurrent(e.target.value)}
            required
          />
        </label>
        <label>
          {t('account.password.next')}
          <input
            type="password"
            autoComplete="new-password"
            value={next}
            onChange={(e) => setNext(e.target.value)}
            required
            minLength={8}
            maxLength={256}
          />
        </label>
        <label>
          {t('account.password.repeat')}
          <input
            type="password"
            autoComplete="new-password"
            value={repeat}
            onChange={(e) => setRepeat(e.target.value)}
            required
          />
        </label>
        <ErrorBanner message={error} />
        <StatusLine message={status} />
        <button className="btn btn-primary" type="submit" disabled={busy}>
          {busy ? t('account.password.busy') : t('account.password.submit')}
        </button>
      </form>
    </section>
  );
}
