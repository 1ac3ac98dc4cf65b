import type { IncidentStatus } from '@caseflow/schema';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { useServerNow } from '../api/server-clock';
import { api, hasRole, useSession } from '../auth/session';
import { Badge, ErrorBanner, Loading, StatusLine } from '../components/Status';
import { errorMessage, useResource } from '../hooks/useResource';
import { incidentRows } from '../incidents/incident-rows';

/**
 * Incidents (owners and admins): events, timers and deliveries that failed for a reason the
 * flow does not model. Admins retry them once the cause is fixed, or resolve them with a note.
 */
export function IncidentsPage() {
  const user = useSession((s) => s.user);
  const isAdmin = hasRole(user, 'admin');
  const [params, setParams] = useSearchParams();
  const status: IncidentStatus = params.get('status') === 'resolved' ? 'resolved' : 'open';
  const caseId = params.get('case') ?? undefined;
  const page = useResource(() => api.listIncidents({ status, case: caseId }), [status, caseId]);
  const now = useServerNow(30_000);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [resolving, setResolving] = useState<string | null>(null);
  const [note, setNote] = useState('');

  async function act(what: string, run: () => Promise<unknown>) {
    setError(null);
    setDone(null);
    try {
      await run();
      setDone(what);
      setResolving(null);
      setNote('');
      page.reload();
    } catch (err) {
      setError(errorMessage(err));
      page.reload();
    }
  }

  const rows = incidentRows(page.data?.items ?? [], now);
  return (
    <section className="page wide">
      <header className="page-header">
        <div>
          <h1>Incidents</h1>
          <p className="muted">
            Steps that failed for a reason the flow does not model. The case waits where it was until the
            incident is retried.
            {caseId && (
              <>
                {' '}
                Showing case <code>{caseId}</code> · <Link to="/incidents">all cases</Link>
              </>
            )}
          </p>
        </div>
        <label>
          Show
          <select
            value={status}
            onChange={(e) =>
              setParams(caseId ? { status: e.target.value, case: caseId } : { status: e.target.value })
            }
          >
            <option value="open">Open</option>
            <option value="resolved">Resolved</option>
          </select>
        </label>
      </header>
      <ErrorBanner message={error ?? page.error} />
      <StatusLine message={done} />
      {page.loading && !page.data && <Loading />}
      {page.data && rows.length === 0 && <p className="muted">No {status} incidents.</p>}
      {rows.length > 0 && (
        <table className="table">
          <thead>
            <tr>
              <th scope="col">Case</th>
              <th scope="col">Node</th>
              <th scope="col">Kind</th>
              <th scope="col">Message</th>
              <th scope="col">Attempts</th>
              <th scope="col">Age</th>
              {isAdmin && status === 'open' && <th scope="col">Actions</th>}
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.id}>
                <td>{r.caseId ? <Link to={`/cases/${r.caseId}`}>{r.caseId}</Link> : <em>not opened</em>}</td>
                <td>{r.node}</td>
                <td>
                  <Badge value={r.kind} tone="breached" />
                </td>
                <td>
                  {r.message}
                  <div className="muted">re-runs: {r.source}</div>
                </td>
                <td>{r.attempts}</td>
                <td>{r.age}</td>
                {isAdmin && r.open && (
                  <td>
                    <button
                      className="btn"
                      type="button"
                      aria-label={`Retry incident ${r.id}`}
                      onClick={() => act(`Retried ${r.id}`, () => api.retryIncident(r.id))}
                    >
                      Retry
                    </button>{' '}
                    {resolving === r.id ? (
                      <form
                        onSubmit={(e) => {
                          e.preventDefault();
                          void act(`Resolved ${r.id}`, () => api.resolveIncident(r.id, note));
                        }}
                      >
                        <label>
                          Note
                          <input
                            value={note}
                            onChange={(e) => setNote(e.target.value)}
                            maxLength={2000}
                            required
                          />
                        </label>
                        <button className="btn btn-primary" type="submit">
                          Resolve
                        </button>
                      </form>
                    ) : (
                      <button
                        className="btn"
                        type="button"
                        aria-label={`Resolve incident ${r.id}`}
                        onClick={() => setResolving(r.id)}
                      >
                        Resolve…
                      </button>
                    )}
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
