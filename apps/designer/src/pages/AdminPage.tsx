import type { Role } from '@caseflow/schema';
import { type FormEvent, useState } from 'react';
import { api } from '../auth/session';
import { ErrorBanner, Loading, StatusLine } from '../components/Status';
import { ConnectionsSection } from '../connections/ConnectionsSection';
import { errorMessage, useResource } from '../hooks/useResource';
import { PilotsSection } from './PilotsSection';
import { UserEditor } from './UserEditor';

const ROLES: Role[] = ['admin', 'owner', 'agent', 'customer'];
const list = (s: string) =>
  s
    .split(',')
    .map((x) => x.trim())
    .filter(Boolean);

/** Admin: pilots, connections, and users with roles, groups, tiers and status; create a user; edit one (UserEditor). */
export function AdminPage() {
  const users = useResource(() => api.listUsers(), []);
  const [editing, setEditing] = useState<string | null>(null);
  const edited = users.data?.items.find((u) => u.username === editing);
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [roles, setRoles] = useState<Role[]>(['agent']);
  const [groups, setGroups] = useState('');
  const [tiers, setTiers] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);

  async function create(e: FormEvent) {
    e.preventDefault();
    setError(null);
    try {
      await api.createUser({ username, password, roles, groups: list(groups), tiers: list(tiers) });
      setStatus(`Created ${username}`);
      setUsername('');
      setPassword('');
      users.reload();
    } catch (err) {
      setError(errorMessage(err));
    }
  }

  return (
    <section className="page wide">
      <h1>Administration</h1>
      <PilotsSection />
      <ConnectionsSection />
      <div className="case-grid">
        <section className="card" aria-labelledby="users-h">
          <h2 id="users-h">Users</h2>
          <ErrorBanner message={users.error} />
          {users.loading && !users.data && <Loading />}
          <table className="table">
            <thead>
              <tr>
                <th scope="col">User</th>
                <th scope="col">Roles</th>
                <th scope="col">Groups</th>
                <th scope="col">Tiers</th>
                <th scope="col">Status</th>
                <th scope="col">
                  <span className="sr-only">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {(users.data?.items ?? []).map((u) => (
                <tr key={u.username}>
                  <td>{u.username}</td>
                  <td>{u.roles.join(', ')}</td>
                  <td>{u.groups.join(', ')}</td>
                  <td>{u.tiers.join(', ')}</td>
                  <td>{u.active === false ? 'deactivated' : 'active'}</td>
                  <td>
                    <button
                      type="button"
                      className="btn btn-ghost"
                      aria-label={`Edit ${u.username}`}
                      onClick={() => setEditing(u.username)}
                    >
                      Edit
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
        {edited && <UserEditor key={edited.username} user={edited} onChanged={users.reload} />}
        <form className="card" onSubmit={create} aria-labelledby="new-user-h">
          <h2 id="new-user-h">New user</h2>
          <label>
            Username
            <input value={username} onChange={(e) => setUsername(e.target.value)} required />
          </label>
          <label>
            Password
            <input
              type="password"
              value={password}
              onChange={(e) => setPassword(e.target.value)}
              required
              minLength={8}
            />
          </label>
          <fieldset>
            <legend>Roles</legend>
            {ROLES.map((r) => (
              <label key={r} className="check">
                <input
                  type="checkbox"
                  checked={roles.includes(r)}
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
          <ErrorBanner message={error} />
          <StatusLine message={status} />
          <button className="btn btn-primary" type="submit">
            Create user
          </button>
        </form>
      </div>
    </section>
  );
}
