import type { Role, User, UserPatch } from '@caseflow/schema';
import { type FormEvent, useState } from 'react';
import { api, useSession } from '../auth/session';
import { ErrorBanner, StatusLine } from '../components/Status';
import { errorMessage } from '../hooks/useResource';
import { passwordProblem } from './password-rules';

const ROLES: Role[] = ['admin', 'owner', 'agent', 'customer'];
const list = (s: string) =>
  s
    .split(',')
    .map((x) => x.trim())
    .filter(Boolean);

/**
 * Admin: edit one user (display name, email, roles, groups, tiers, customer), deactivate or
 * reactivate them, and reset their password. Deactivation and a reset end the user's sessions
 * on the server, so both ask for confirmation first. `onChanged` reloads the list.
 */
export function UserEditor({ user, onChanged }: { user: User; onChanged(): void }) {
  const me = useSession((s) => s.user);
  const self = me?.username === user.username;
  const [displayName, setDisplayName] = useState(user.displayName ?? '');
  const [email, setEmail] = useState(user.email ?? '');
  const [roles, setRoles] = useState<Role[]>(user.roles);
  const [groups, setGroups] = useState(user.groups.join(', '));
  const [tiers, setTiers] = useState(user.tiers.join(', '));
  const [customerId, setCustomerId] = useState(user.customerId ?? '');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const active = user.active !== false;

  async function run(action: () => Promise<unknown>, done: string) {
    setError(null);
    setStatus(null);
    try {
      await action();
      setStatus(done);
      onChanged();
    } catch (err) {
      setError(errorMessage(err));
    }
  }

  function save(e: FormEvent) {
    e.preventDefault();
    const patch: UserPatch = {
      displayName: displayName.trim() || null,
      email: email.trim() || null,
      roles,
      groups: list(groups),
      tiers: list(tiers),
      customerId: customerId.trim() || null,
    };
    void run(() => api.updateUser(user.username, patch), `Saved ${user.username}`);
  }

  function setActive(next: boolean) {
    const question = next
      ? `Reactivate ${user.username}? They can sign in again.`
      : `Deactivate ${user.username}? They are signed out everywhere at once and cannot sign in.`;
    if (!window.confirm(question)) return;
    void run(
      () => api.updateUser(user.username, { active: next }),
      next ? `Reactivated ${user.username}` : `Deactivated ${user.username}`,
    );
  }

  function reset() {
    const problem = passwordProblem(password, password);
    if (problem) return setError(problem);
    if (!window.confirm(`Set a new password for ${user.username}? Their sessions end at once.`)) return;
    void run(async () => {
      await api.resetPassword(user.username, password);
      setPassword('');
    }, `New password set for ${user.username}`);
  }

  return (
    <section className="card" aria-labelledby="edit-user-h">
      <h2 id="edit-user-h">Edit {user.username}</h2>
      <form onSubmit={save}>
        <label>
          Display name
          <input value={displayName} onChange={(e) => setDisplayName(e.target.value)} maxLength={200} />
        </label>
        <label>
          Email
          <input type="email" value={email} onChange={(e) => setEmail(e.target.value)} />
        </label>
        <fieldset>
          <legend>Roles</legend>
          {ROLES.map((r) => (
            <label key={r} className="check">
              <input
                type="checkbox"
                checked={roles.includes(r)}
                disabled={self && r === 'admin'}
                onChange={(e) => setRoles(e.target.checked ? [...roles, r] : roles.filter((x) => x !== r))}
              />
              {r}
            </label>
          ))}
        </fieldset>
        <label>
          Groups (comma separated)
          <input value={groups} onChange={(e) => setGroups(e.target.value)} />
        </label>
        <label>
          Tiers (comma separated)
          <input value={tiers} onChange={(e) => setTiers(e.target.value)} />
        </label>
        <label>
          Customer id (customer users)
          <input value={customerId} onChange={(e) => setCustomerId(e.target.value)} />
        </label>
        <button className="btn btn-primary" type="submit">
          Save changes
        </button>
      </form>
      <h3>Access</h3>
      <p className="muted">{active ? 'Active: may sign in.' : 'Deactivated: cannot sign in.'}</p>
      {active ? (
        <button
          type="button"
          className="btn"
          disabled={self}
          title={self ? 'You cannot deactivate yourself' : undefined}
          onClick={() => setActive(false)}
        >
          Deactivate
        </button>
      ) : (
        <button type="button" className="btn" onClick={() => setActive(true)}>
          Reactivate
        </button>
      )}
      <label>
        New password
        <input
          type="password"
          autoComplete="new-password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          minLength={8}
          maxLength={256}
        />
      </label>
      <button type="button" className="btn" onClick={reset} disabled={password === ''}>
        Reset password
      </button>
      <ErrorBanner message={error} />
      <StatusLine message={status} />
    </section>
  );
}
