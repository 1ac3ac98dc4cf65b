import type { IncidentStatus } from '@caseflow/schema';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { useServerNow } from '../api/server-clock';
import { api, hasRole, useSession } from '../auth/session';
import { Badge, ErrorBanner, Loading, StatusLine } from '../components/Status';
import { errorMessage, useResource } from '../hooks/useResource';
import { useT } from '../i18n/use-t';
import { incidentRows } from '../incidents/incident-rows';

/**
 * Incidents (owners and admins): events, timers and deliveries that failed for a reason the
 * flow does not model. Admins retry them once the cause is fixed, or resolve them with a note.
 */
export function IncidentsPage() {
  const t = useT();
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
          <h1>{t('incidents.title')}</h1>
          <p className="muted">
            {t('incidents.intro')}
            {caseId && (
              <>
                {' '}
                {t('incidents.showingCase', { caseId })} ·{' '}
                <Link to="/incidents">{t('incidents.allCases')}</Link>
              </>
            )}
          </p>
        </div>
        <label>
          {t('incidents.show')}
          <select
            value={status}
            onChange={(e) =>
              setParams(caseId ? { status: e.target.value, case: caseId } : { status: e.target.value })
            }
          >
            <option value="open">{t('incidents.open')}</option>
            <option value="resolved">{t('incidents.resolved')}</option>
          </select>
        </label>
      </header>
      <ErrorBanner message={error ?? page.error} />
      <StatusLine message={done} />
      {page.loading && !page.data && <Loading />}
      {page.data && rows.length === 0 && (
        <p className="muted">{status === 'open' ? t('incidents.noneOpen') : t('incidents.noneResolved')}</p>
      )}
      {rows.length > 0 && (
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t('incidents.col.case')}</th>
              <th scope="col">{t('incidents.col.node')}</th>
              <th scope="col">{t('incidents.col.kind')}</th>
              <th scope="col">{t('incidents.col.message')}</th>
              <th scope="col">{t('incidents.col.attempts')}</th>
              <th scope="col">{t('incidents.col.age')}</th>
              {isAdmin && status === 'open' && <th scope="col">{t('incidents.col.actions')}</th>}
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.id}>
                <td>
                  {r.caseId ? (
                    <Link to={`/cases/${r.caseId}`}>{r.caseId}</Link>
                  ) : (
                    <em>{t('incidents.notOpened')}</em>
                  )}
                </td>
                <td>{r.node}</td>
                <td>
                  <Badge value={r.kind} tone="breached" />
                </td>
                <td>
                  {r.message}
                  <div className="muted">{t('incidents.reruns', { source: r.source })}</div>
                </td>
                <td>{r.attempts}</td>
                <td>{r.age}</td>
                {isAdmin && r.open && (
                  <td>
                    <button
                      className="btn"
                      type="button"
                      aria-label={t('incidents.retryLabel', { id: r.id })}
                      onClick={() => act(t('incidents.retried', { id: r.id }), () => api.retryIncident(r.id))}
                    >
                      {t('incidents.retry')}
                    </button>{' '}
                    {resolving === r.id ? (
                      <form
                        onSubmit={(e) => {
                          e.preventDefault();
                          void act(t('incidents.resolvedDone', { id: r.id }), () =>
                            api.resolveIncident(r.id, note),
                          );
                        }}
                      >
                        <label>
                          {t('incidents.note')}
                          <input
                            value={note}
                            onChange={(e) => setNote(e.target.value)}
                            maxLength={2000}
                            required
                          />
                        </label>
                        <button className="btn btn-primary" type="submit">
                          {t('incidents.resolveButton')}
                        </button>
                      </form>
                    ) : (
                      <button
                        className="btn"
                        type="button"
                        aria-label={t('incidents.resolveLabel', { id: r.id })}
                        onClick={() => setResolving(r.id)}
                      >
                        {t('incidents.resolve')}
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
