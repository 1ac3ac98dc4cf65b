import { type FormEvent, useState } from 'react';
import { useLocation, useNavigate } from 'react-router-dom';
import { homeFor } from '../auth/navigation';
import { api, useSession } from '../auth/session';
import { ErrorBanner, StatusLine } from '../components/Status';
import { errorMessage } from '../hooks/useResource';
import { LanguageSwitch } from '../i18n/LanguageSwitch';
import { useT } from '../i18n/use-t';
import { DemoAccounts } from './DemoAccounts';

/** Sign-in form: POST /api/auth/login, then go where the user was heading (or their home). */
export function LoginPage() {
  const signIn = useSession((s) => s.signIn);
  const notice = useSession((s) => s.notice);
  const navigate = useNavigate();
  const location = useLocation();
  const t = useT();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const { token, user } = await api.login(username, password);
      signIn(token, user);
      const from = (location.state as { from?: string } | null)?.from;
      navigate(from && from !== '/login' ? from : homeFor(user.roles), { replace: true });
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <main className="login">
      <form className="card login-card" onSubmit={submit} aria-labelledby="login-title">
        <div className="login-language">
          <LanguageSwitch />
        </div>
        <h1 id="login-title">
          <span aria-hidden="true">◆</span> {t('login.title')}
        </h1>
        <label>
          {t('login.username')}
          <input
            autoComplete="username"
            value={username}
            onChange={(e) => setUsername(e.target.value)}
            required
          />
        </label>
        <label>
          {t('login.password')}
          <input
            type="password"
            autoComplete="current-password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            required
          />
        </label>
        {!error && <StatusLine message={notice ? t(notice) : null} />}
        <ErrorBanner message={error} />
        <button className="btn btn-primary" type="submit" disabled={busy}>
          {busy ? t('login.busy') : t('login.submit')}
        </button>
      </form>
      <DemoAccounts onPick={(u, p) => void [setUsername(u), setPassword(p)]} />
    </main>
  );
}
