import { useCallback, useState } from 'react';
import { Link } from 'react-router-dom';
import { isStaffCase } from '../api/api';
import { api } from '../auth/session';
import { CaseSearch } from '../components/CaseSearch';
import { ErrorBanner, Loading } from '../components/Status';
import { StatusWord } from '../components/StatusWord';
import { useResource } from '../hooks/useResource';
import { useFormat } from '../i18n/use-format';
import { useT } from '../i18n/use-t';
import { useLiveEvents } from '../live/useLiveEvents';

/**
 * The caller's requests (a customer gets only their own top-level cases from the server):
 * number, subject, status, opened and closed, with a search by number or subject. Follows the
 * caller's live stream, so a status change shows without reloading.
 */
export function RequestsPage() {
  const t = useT();
  const f = useFormat();
  const [q, setQ] = useState('');
  const cases = useResource(() => api.listCases(q ? { q } : undefined), [q]);
  const reload = cases.reload;
  useLiveEvents(
    '/api/events',
    useCallback(() => reload(), [reload]),
  );
  return (
    <section className="page">
      <header className="page-header">
        <h1>{t('portal.requests.title')}</h1>
        <Link className="btn btn-primary" to="/catalog">
          {t('portal.requests.new')}
        </Link>
      </header>
      <CaseSearch label={t('portal.requests.find')} onSearch={setQ} />
      <ErrorBanner message={cases.error} />
      {cases.loading && !cases.data ? (
        <Loading />
      ) : (
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t('portal.requests.number')}</th>
              <th scope="col">{t('portal.requests.request')}</th>
              <th scope="col">{t('portal.requests.status')}</th>
              <th scope="col">{t('portal.requests.opened')}</th>
              <th scope="col">{t('portal.requests.closed')}</th>
            </tr>
          </thead>
          <tbody>
            {(cases.data?.items ?? []).map((c) => (
              <tr key={c.id}>
                <td>
                  <Link to={`/cases/${c.id}`}>{c.number ?? c.id}</Link>
                </td>
                <td>{c.subject || (isStaffCase(c) ? c.flow : t('portal.requests.fallback'))}</td>
                <td>
                  <StatusWord value={c.status} request />
                </td>
                <td>{f.dateTime(c.createdAt)}</td>
                <td>{f.dateTime(c.closedAt)}</td>
              </tr>
            ))}
            {cases.data?.items.length === 0 && (
              <tr>
                <td colSpan={5} className="muted">
                  {q ? t('portal.requests.noMatch') : t('portal.requests.none')}
                </td>
              </tr>
            )}
          </tbody>
        </table>
      )}
    </section>
  );
}
