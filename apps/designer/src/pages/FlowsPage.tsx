import { type FormEvent, useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { api } from '../auth/session';
import { formatDate } from '../components/format';
import { Badge, ErrorBanner, Loading } from '../components/Status';
import { useResource } from '../hooks/useResource';

const KEY = /^[a-z][a-z0-9-]*$/;

/** Flow list for owners: key, name, draft state, versions, active version, running pilots; create a new flow by key. */
export function FlowsPage() {
  const flows = useResource(() => api.listFlows(), []);
  const navigate = useNavigate();
  const [key, setKey] = useState('');
  const [keyError, setKeyError] = useState<string | null>(null);

  function create(e: FormEvent) {
    e.preventDefault();
    if (!KEY.test(key)) {
      setKeyError('Key must start with a letter and use lower-case letters, digits and dashes');
      return;
    }
    navigate(`/flows/${key}`, { state: { created: true } });
  }

  return (
    <section className="page">
      <header className="page-header">
        <h1>Flows</h1>
        <form className="inline-form" onSubmit={create} aria-label="New flow">
          <label>
            New flow key
            <input value={key} onChange={(e) => setKey(e.target.value)} placeholder="password-reset" />
          </label>
          <button className="btn btn-primary" type="submit">
            Create flow
          </button>
        </form>
      </header>
      <ErrorBanner message={keyError ?? flows.error} />
      {flows.loading && !flows.data ? (
        <Loading />
      ) : (
        <table className="table">
          <thead>
            <tr>
              <th scope="col">Flow</th>
              <th scope="col">Key</th>
              <th scope="col">Draft</th>
              <th scope="col">Versions</th>
              <th scope="col">Active</th>
              <th scope="col">Pilots</th>
              <th scope="col">Actions</th>
            </tr>
          </thead>
          <tbody>
            {(flows.data?.items ?? []).map((f) => (
              <tr key={f.key}>
                <td>
                  <Link to={`/flows/${f.key}`}>{f.name}</Link>
                </td>
                <td>
                  <code>{f.key}</code>
                </td>
                <td>
                  {f.draft.valid ? (
                    <Badge value="valid" tone="ok" />
                  ) : (
                    <Badge
                      value={`${f.draft.errors} ${f.draft.errors === 1 ? 'error' : 'errors'}`}
                      tone="error"
                    />
                  )}{' '}
                  {f.draft.warnings > 0 && (
                    <Badge
                      value={`${f.draft.warnings} ${f.draft.warnings === 1 ? 'warning' : 'warnings'}`}
                      tone="warning"
                    />
                  )}
                  <small className="muted">
                    {' '}
                    saved {formatDate(f.draft.updatedAt)}
                    {f.updatedBy && ` by ${f.updatedBy}`}
                  </small>
                </td>
                <td>{f.versions.length}</td>
                <td>{f.activeVersion ? `v${f.activeVersion}` : '—'}</td>
                <td>
                  {f.pilots.filter((p) => p.status === 'active').length === 0 ? (
                    <span className="muted">none</span>
                  ) : (
                    f.pilots
                      .filter((p) => p.status === 'active')
                      .map((p) => (
                        <Badge key={p.id} value={`v${p.version} at ${p.percentage}%`} tone="info" />
                      ))
                  )}
                </td>
                <td className="actions">
                  <Link className="btn btn-small" to={`/flows/${f.key}`}>
                    Edit
                  </Link>
                  <Link className="btn btn-small" to={`/flows/${f.key}/versions`}>
                    Versions
                  </Link>
                </td>
              </tr>
            ))}
            {flows.data?.items.length === 0 && (
              <tr>
                <td colSpan={7} className="muted">
                  No flows yet: create one above.
                </td>
              </tr>
            )}
          </tbody>
        </table>
      )}
    </section>
  );
}
