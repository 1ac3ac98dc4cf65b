import type { Role, User, UserPatch } from '@caseflow/schema';
import { type FormEvent, useState } from 'react';
import { GroupPicker, TierPicker } from '../admin/GroupPicker';
import { api, useSession } from '../auth/session';
import { ErrorBanner, StatusLine } from '../components/Status';
import { errorMessage } from '../hooks/useResource';
import { useT } from '../i18n/use-t';
import { passwordProblem } from './password-rules';

const ROLES: Role[] = ['admin', 'owner', 'agent', 'customer'];

/**
 * Admin: edit one user (display name, email, roles, groups, tiers, customer), deactivate or
 * reactivate them, and reset their password. Deactivation and a reset end the user's sessions
 * on the server, so both ask for confirmation first. `onChanged` reloads the list.
 */
export function UserEditor({ user, onChanged }: { user: User; onChanged(): void }) {
  const t = useT();
  const me = useSession((s) => s.user);
  const self = me?.username === user.username;
  const [displayName, setDisplayName] = useState(user.displayName ?? '');
  const [email, setEmail] = useState(user.email ?? '');
  const [roles, setRoles] = useState<Role[]>(user.roles);
  const [groups, setGroups] = useState<string[]>(user.groups);
  const [tiers, setTiers] = useState<string[]>(user.tiers);
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
      groups,
      tiers,
      customerId: customerId.trim() || null,
    };
    void run(() => api.updateUser(user.username, patch), t('users.saved', { username: user.username }));
  }

  function setActive(next: boolean) {
    const who = { username: user.username };
    const question = next ? t('users.confirmReactivate', who) : t('users.confirmDeactivate', who);
    if (!window.confirm(question)) return;
    void run(
      () => api.updateUser(user.username, { active: next }),
      next ? t('users.reactivatedDone', who) : t('users.deactivatedDone', who),
    );
  }

  function reset() {
    const problem = passwordProblem(password, password);
    if (problem) return setError(problem);
    if (!window.confirm(t('users.confirmReset', { username: user.username }))) return;
    void run(
      async () => {
        await api.resetPassword(user.username, password);
        setPassword('');
      },
      t('users.resetDone', { username: user.username }),
    );
  }

  return (
    <section className="card" aria-labelledby="edit-user-h">
      <h2 id="edit-user-h">{t('users.editTitle', { username: user.username })}</h2>
      <form onSubmit={save}>
        <label>
          {t('users.displayName')}
          <input value={displayName} onChange={(e) => setDisplayName(e.target.value)} maxLength={200} />
        </label>
        <label>
          {t('users.email')}
          <input type="email" value={email} onChange={(e) => setEmail(e.target.value)} />
        </label>
        <fieldset>
          <legend>{t('users.roles')}</legend>
          {ROLES.map((r) => (
            <label key={r} className="check">
              <input
                type="checkbox"
                checked={roles.includes(r)}
                disabled={self && r === 'admin'}
                onChange={(e) => setRoles(e.target.checked ? [...roles, r] : roles.filter((x) => x !== r))}
              />
              {t(`role.${r}`)}
            </label>
          ))}
        </fieldset>
        <GroupPicker value={groups} onChange={setGroups} />
        <TierPicker value={tiers} onChange={setTiers} />
        <label>
          {t('users.customerId')}
          <input value={customerId} onChange={(e) => setCustomerId(e.target.value)} />
        </label>
        <button className="btn btn-primary" type="submit">
          {t('users.saveChanges')}
        </button>
      </form>
      <h3>{t('users.access')}</h3>
      <p className="muted">{active ? t('users.maySignIn') : t('users.cannotSignIn')}</p>
      {active ? (
        <button
          type="button"
          className="btn"
          disabled={self}
          title={self ? t('users.selfDeactivate') : undefined}
          onClick={() => setActive(false)}
        >
          {t('users.deactivate')}
        </button>
      ) : (
        <button type="button" className="btn" onClick={() => setActive(true)}>
          {t('users.reactivate')}
        </button>
      )}
      <label>
        {t('users.newPassword')}
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
        {t('users.resetPassword')}
      </button>
      <ErrorBanner message={error} />
      <StatusLine message={status} />
    </section>
  );
}
