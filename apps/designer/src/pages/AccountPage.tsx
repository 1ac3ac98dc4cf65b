import { type FormEvent, useState } from 'react';
import { api, useSession } from '../auth/session';
import { ErrorBanner, StatusLine } from '../components/Status';
import { errorMessage } from '../hooks/useResource';
import { passwordProblem } from './password-rules';

/** The signed-in user's account: who they are and a password change (POST /auth/password). */
export function AccountPage() {
  const user = useSession((s) => s.user);
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
    const problem = passwordProblem(next, repeat);
    if (problem) return setError(problem);
    setBusy(true);
    try {
      await api.changePassword(current, next);
      setCurrent('');
      setNext('');
      setRepeat('');
      setStatus('Password changed. Your other sessions were signed out.');
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="page">
      <h1>Account</h1>
      <p className="muted">
        Signed in as <strong>{user?.username}</strong> ({user?.roles.join(', ')})
      </p>
      <form className="card" onSubmit={submit} aria-labelledby="password-h">
        <h2 id="password-h">Change password</h2>
        <label>
          Current password
          <input
            type="password"
            autoComplete="current-password"
            value={current}
            onChange={(e) => setCurrent(e.target.value)}
            required
          />
        </label>
        <label>
          New password
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
          Repeat new password
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
          {busy ? 'Changing…' : 'Change password'}
        </button>
      </form>
    </section>
  );
}
