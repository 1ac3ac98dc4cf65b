import type { Role } from '@caseflow/schema';
import { type FormEvent, useState } from 'react';
import { Link } from 'react-router-dom';
import { GroupPicker, TierPicker } from '../admin/GroupPicker';
import { PendingActivations } from '../admin/PendingActivations';
import { api } from '../auth/session';
import { ErrorBanner, Loading, StatusLine } from '../components/Status';
import { ConnectionsSection } from '../connections/ConnectionsSection';
import { errorMessage, useResource } from '../hooks/useResource';
import { useT } from '../i18n/use-t';
import { PilotsSection } from './PilotsSection';
import { UserEditor } from './UserEditor';

const ROLES: Role[] = ['admin', 'owner', 'agent', 'customer'];

/** Admin: versions waiting to go live, pilots, connections, and users with roles, groups, tiers and status; create a user; edit one (UserEditor). */
export function AdminPage() {
  const t = useT();
  const users = useResource(() => api.listUsers(), []);
  const [editing, setEditing] = useState<string | null>(null);
  const edited = users.data?.items.find((u) => u.username === editing);
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [roles, setRoles] = useState<Role[]>(['agent']);
  const [groups, setGroups] = useState<string[]>([]);
  const [tiers, setTiers] = useState<string[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);

  async function create(e: FormEvent) {
    e.preventDefault();
    setError(null);
    try {
      await api.createUser({ username, password, roles, groups, tiers });
      setStatus(t('users.created', { username }));
      setUsername('');
      setPassword('');
      users.reload();
    } catch (err) {
      setError(errorMessage(err));
    }
  }

  return (
    <section className="page wide">
      <h1>{t('admin.title')}</h1>
      <nav aria-label={t('admin.links')} className="btn-row">
        <Link to="/groups">{t('admin.link.groups')}</Link>
        <Link to="/outbox">{t('admin.link.outbox')}</Link>
        <Link to="/incidents">{t('admin.link.incidents')}</Link>
      </nav>
      <PendingActivations />
      <PilotsSection />
      <ConnectionsSection />
      <div className="case-grid">
        <section className="card" aria-labelledby="users-h">
          <h2 id="users-h">{t('users.title')}</h2>
          <ErrorBanner message={users.error} />
          {users.loading && !users.data && <Loading />}
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t('users.col.user')}</th>
                <th scope="col">{t('users.col.roles')}</th>
                <th scope="col">{t('users.col.groups')}</th>
                <th scope="col">{t('users.col.tiers')}</th>
                <th scope="col">{t('users.col.status')}</th>
                <th scope="col">
                  <span className="sr-only">{t('users.col.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {(users.data?.items ?? []).map((u) => (
                <tr key={u.username}>
                  <td>
                    {u.username}
                    {u.displayName && <div className="muted">{u.displayName}</div>}
                  </td>
                  <td>{u.roles.map((r) => t(`role.${r}`)).join(', ')}</td>
                  <td>{u.groups.join(', ')}</td>
                  <td>{u.tiers.join(', ')}</td>
                  <td>{u.active === false ? t('users.deactivated') : t('users.active')}</td>
                  <td>
                    <button
                      type="button"
                      className="btn btn-ghost"
                      aria-label={t('users.editLabel', { username: u.username })}
                      onClick={() => setEditing(u.username)}
                    >
                      {t('users.edit')}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
        {edited && <UserEditor key={edited.username} user={edited} onChanged={users.reload} />}
        <form className="card" onSubmit={create} aria-labelledby="new-user-h">
          <h2 id="new-user-h">{t('users.new')}</h2>
          <label>
            {t('users.username')}
            <input value={username} onChange={(e) => setUsername(e.target.value)} required />
          </label>
          <label>
            {t('users.password')}
            <input
              type="password"
              value={password}
              onChange={(e) => setPassword(e.target.value)}
              required
              minLength={8}
            />
          </label>
          <fieldset>
            <legend>{t('users.roles')}</legend>
            {ROLES.map((r) => (
              <label key={r} className="check">
                <input
                  type="checkbox"
                  checked={roles.includes(r)}
                  onChange={(e) => setRoles(e.target.checked ? [...roles, r] : roles.filter((x) => x !== r))}
                />
                {t(`role.${r}`)}
              </label>
            ))}
          </fieldset>
          <GroupPicker value={groups} onChange={setGroups} />
          <TierPicker value={tiers} onChange={setTiers} />
          <ErrorBanner message={error} />
          <StatusLine message={status} />
          <button className="btn btn-primary" type="submit">
            {t('users.create')}
          </button>
        </form>
      </div>
    </section>
  );
}
