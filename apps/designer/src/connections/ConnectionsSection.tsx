import type { Connection } from '@caseflow/schema';
import { type FormEvent, useState } from 'react';
import { api } from '../auth/session';
import { ErrorBanner, Loading, StatusLine } from '../components/Status';
import { errorMessage, useResource } from '../hooks/useResource';
import { useT } from '../i18n/use-t';
import {
  type ConnectionForm,
  connectionBody,
  EMPTY_CONNECTION_FORM,
  formFromConnection,
  secretLabel,
} from './connection-form';

const KINDS = ['none', 'bearer', 'basic', 'header'] as const;

/**
 * Admin → Connections: the external systems http actions call by name (DESIGN §8). Secrets are
 * write-only: a stored one shows as "set", and leaving the field empty on save keeps it.
 */
export function ConnectionsSection() {
  const t = useT();
  const list = useResource(() => api.listConnections(), []);
  const [form, setForm] = useState<ConnectionForm>(EMPTY_CONNECTION_FORM);
  const [editing, setEditing] = useState<Connection | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const put = (patch: Partial<ConnectionForm>) => setForm((f) => ({ ...f, ...patch }));

  function edit(c: Connection | null) {
    setEditing(c);
    setForm(c ? formFromConnection(c) : EMPTY_CONNECTION_FORM);
    setError(null);
    setStatus(null);
  }

  async function save(e: FormEvent) {
    e.preventDefault();
    setError(null);
    try {
      const body = connectionBody(form);
      if (editing) await api.updateConnection(editing.name, body);
      else await api.createConnection(body);
      setStatus(t('connections.saved', { name: body.name }));
      edit(null);
      list.reload();
    } catch (err) {
      setError(errorMessage(err));
    }
  }

  async function remove(c: Connection) {
    setError(null);
    setStatus(null);
    try {
      await api.deleteConnection(c.name);
      setStatus(t('connections.deleted', { name: c.name }));
      if (editing?.name === c.name) edit(null);
      list.reload();
    } catch (err) {
      // 409 names the active flows that still call it.
      setError(errorMessage(err));
    }
  }

  const secret = secretLabel(form.kind);
  const stored = editing?.secret === 'set' && editing.auth.kind === form.kind;
  return (
    <div className="case-grid">
      <section className="card" aria-labelledby="connections-h">
        <h2 id="connections-h">{t('connections.title')}</h2>
        <ErrorBanner message={list.error} />
        {list.loading && !list.data && <Loading />}
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t('connections.col.name')}</th>
              <th scope="col">{t('connections.col.baseUrl')}</th>
              <th scope="col">{t('connections.col.auth')}</th>
              <th scope="col">{t('connections.col.secret')}</th>
              <th scope="col">
                <span className="sr-only">{t('connections.col.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {(list.data?.items ?? []).map((c) => (
              <tr key={c.name}>
                <td>{c.name}</td>
                <td>{c.baseUrl}</td>
                <td>{t(`connections.kind.${c.auth.kind}`)}</td>
                <td>{c.secret === 'set' ? t('connections.secretSet') : '—'}</td>
                <td>
                  <button
                    type="button"
                    className="btn"
                    onClick={() => edit(c)}
                    aria-label={t('connections.edit', { name: c.name })}
                  >
                    {t('common.edit')}
                  </button>{' '}
                  <button
                    type="button"
                    className="btn"
                    onClick={() => void remove(c)}
                    aria-label={t('connections.delete', { name: c.name })}
                  >
                    {t('common.delete')}
                  </button>
                </td>
              </tr>
            ))}
            {list.data && list.data.items.length === 0 && (
              <tr>
                <td colSpan={5} className="muted">
                  {t('connections.empty')}
                </td>
              </tr>
            )}
          </tbody>
        </table>
      </section>
      <form className="card" onSubmit={save} aria-labelledby="connection-form-h">
        <h2 id="connection-form-h">
          {editing ? t('connections.editTitle', { name: editing.name }) : t('connections.new')}
        </h2>
        <label>
          {t('connections.name')}
          <input
            value={form.name}
            onChange={(e) => put({ name: e.target.value })}
            required
            disabled={editing !== null}
            pattern="[a-z][a-z0-9\-]*"
            title={t('connections.nameHint')}
          />
        </label>
        <label>
          {t('connections.baseUrl')}
          <input
            type="url"
            value={form.baseUrl}
            onChange={(e) => put({ baseUrl: e.target.value })}
            required
          />
        </label>
        <label>
          {t('connections.allowedHosts')}
          <input value={form.allowedHosts} onChange={(e) => put({ allowedHosts: e.target.value })} />
        </label>
        <label>
          {t('connections.description')}
          <input value={form.description} onChange={(e) => put({ description: e.target.value })} />
        </label>
        <label>
          {t('connections.auth')}
          <select value={form.kind} onChange={(e) => put({ kind: e.target.value as ConnectionForm['kind'] })}>
            {KINDS.map((value) => (
              <option key={value} value={value}>
                {t(`connections.kind.${value}`)}
              </option>
            ))}
          </select>
        </label>
        {form.kind === 'basic' && (
          <label>
            {t('connections.username')}
            <input value={form.username} onChange={(e) => put({ username: e.target.value })} required />
          </label>
        )}
        {form.kind === 'header' && (
          <label>
            {t('connections.header')}
            <input value={form.header} onChange={(e) => put({ header: e.target.value })} required />
          </label>
        )}
        {secret && (
          <label>
            {t(secret)}
            <input
              type="password"
              autoComplete="new-password"
              value={form.secret}
              onChange={(e) => put({ secret: e.target.value })}
              required={!stored}
              placeholder={stored ? t('connections.secretKeep') : ''}
            />
          </label>
        )}
        <ErrorBanner message={error} />
        <StatusLine message={status} />
        <button className="btn btn-primary" type="submit">
          {editing ? t('connections.save') : t('connections.create')}
        </button>
        {editing && (
          <button type="button" className="btn" onClick={() => edit(null)}>
            {t('common.cancel')}
          </button>
        )}
      </form>
    </div>
  );
}
