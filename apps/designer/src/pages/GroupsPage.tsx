import { type FormEvent, useState } from 'react';
import { adminApi, type Group } from '../admin/admin-api';
import { api } from '../auth/session';
import { ErrorBanner, Loading, StatusLine } from '../components/Status';
import { errorMessage, useResource } from '../hooks/useResource';
import { useT } from '../i18n/use-t';

/**
 * Admin: groups with their members (GET /api/groups); create one, change its description and
 * pick its members from the staff users (PUT /api/groups/:name sets the whole list).
 */
export function GroupsPage() {
  const t = useT();
  const groups = useResource(() => adminApi.listGroups(), []);
  const users = useResource(() => api.listUsers(), []);
  const [editing, setEditing] = useState<string | null>(null);
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const edited = groups.data?.items.find((g) => g.name === editing);
  const staff = (users.data?.items ?? []).filter((u) => !(u.roles.length === 1 && u.roles[0] === 'customer'));

  async function create(e: FormEvent) {
    e.preventDefault();
    setError(null);
    try {
      await adminApi.createGroup({ name, description });
      setStatus(t('groups.created', { name }));
      setEditing(name);
      setName('');
      setDescription('');
      groups.reload();
    } catch (err) {
      setError(errorMessage(err));
    }
  }

  return (
    <section className="page wide">
      <h1>{t('groups.title')}</h1>
      <p className="muted">{t('groups.intro')}</p>
      <ErrorBanner message={error ?? groups.error ?? users.error} />
      <StatusLine message={status} />
      {groups.loading && !groups.data && <Loading />}
      <div className="case-grid">
        <section className="card" aria-labelledby="groups-h">
          <h2 id="groups-h">{t('groups.title')}</h2>
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t('groups.col.name')}</th>
                <th scope="col">{t('groups.col.description')}</th>
                <th scope="col">{t('groups.col.members')}</th>
                <th scope="col">
                  <span className="sr-only">{t('users.col.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {(groups.data?.items ?? []).map((g) => (
                <tr key={g.name}>
                  <td>{g.name}</td>
                  <td>{g.description}</td>
                  <td>
                    {t('groups.members', { count: g.members.length })}
                    {g.members.length > 0 && <div className="muted">{g.members.join(', ')}</div>}
                  </td>
                  <td>
                    <button
                      type="button"
                      className="btn btn-ghost"
                      aria-label={t('groups.edit', { name: g.name })}
                      onClick={() => setEditing(g.name)}
                    >
                      {t('users.edit')}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
        {edited && (
          <GroupEditor
            key={`${edited.name}:${edited.members.join(',')}:${edited.description}`}
            group={edited}
            people={staff.map((u) => ({ username: u.username, label: u.displayName ?? u.username }))}
            onSaved={(g) => {
              setStatus(t('groups.saved', { name: g.name }));
              groups.reload();
              users.reload();
            }}
          />
        )}
        <form className="card" onSubmit={create} aria-labelledby="new-group-h">
          <h2 id="new-group-h">{t('groups.new')}</h2>
          <label>
            {t('groups.name')}
            <input
              value={name}
              onChange={(e) => setName(e.target.value)}
              required
              pattern="[a-z][a-z0-9-]*"
            />
          </label>
          <label>
            {t('groups.description')}
            <input value={description} onChange={(e) => setDescription(e.target.value)} maxLength={500} />
          </label>
          <button className="btn btn-primary" type="submit">
            {t('groups.create')}
          </button>
        </form>
      </div>
    </section>
  );
}

function GroupEditor({
  group,
  people,
  onSaved,
}: {
  group: Group;
  people: Array<{ username: string; label: string }>;
  onSaved(g: Group): void;
}) {
  const t = useT();
  const [description, setDescription] = useState(group.description);
  const [members, setMembers] = useState<string[]>(group.members);
  const [error, setError] = useState<string | null>(null);

  async function save(e: FormEvent) {
    e.preventDefault();
    setError(null);
    try {
      onSaved(await adminApi.updateGroup(group.name, { description, members }));
    } catch (err) {
      setError(errorMessage(err));
    }
  }

  return (
    <form className="card" onSubmit={save} aria-labelledby="edit-group-h">
      <h2 id="edit-group-h">{t('groups.editTitle', { name: group.name })}</h2>
      <label>
        {t('groups.description')}
        <input value={description} onChange={(e) => setDescription(e.target.value)} maxLength={500} />
      </label>
      <fieldset>
        <legend>{t('groups.pickMembers')}</legend>
        {people.map((p) => (
          <label key={p.username} className="check">
            <input
              type="checkbox"
              checked={members.includes(p.username)}
              onChange={(e) =>
                setMembers(
                  e.target.checked ? [...members, p.username] : members.filter((m) => m !== p.username),
                )
              }
            />
            {p.label} <span className="muted">({p.username})</span>
          </label>
        ))}
      </fieldset>
      <ErrorBanner message={error} />
      <button className="btn btn-primary" type="submit">
        {t('groups.save')}
      </button>
    </form>
  );
}
