import { useState } from 'react';
import { Link } from 'react-router-dom';
import { isStaffCase } from '../api/api';
import { api } from '../auth/session';
import { CaseSearch } from '../components/CaseSearch';
import { formatDate } from '../components/format';
import { Badge, ErrorBanner, Loading } from '../components/Status';
import { useResource } from '../hooks/useResource';

/**
 * The caller's requests (a customer gets only their own top-level cases from the server):
 * number, subject, status, opened and closed, with a search by number or subject.
 */
export function RequestsPage() {
  const [q, setQ] = useState('');
  const cases = useResource(() => api.listCases(q ? { q } : undefined), [q]);
  return (
    <section className="page">
      <header className="page-header">
        <h1>My requests</h1>
        <Link className="btn btn-primary" to="/catalog">
          New request
        </Link>
      </header>
      <CaseSearch label="Find a request" onSearch={setQ} />
      <ErrorBanner message={cases.error} />
      {cases.loading && !cases.data ? (
        <Loading />
      ) : (
        <table className="table">
          <thead>
            <tr>
              <th scope="col">Number</th>
              <th scope="col">Request</th>
              <th scope="col">Status</th>
              <th scope="col">Opened</th>
              <th scope="col">Closed</th>
            </tr>
          </thead>
          <tbody>
            {(cases.data?.items ?? []).map((c) => (
              <tr key={c.id}>
                <td>
                  <Link to={`/cases/${c.id}`}>{c.number ?? c.id}</Link>
                </td>
                <td>{c.subject || (isStaffCase(c) ? c.flow : 'Request')}</td>
                <td>
                  <Badge value={c.status} />
                </td>
                <td>{formatDate(c.createdAt)}</td>
                <td>{formatDate(c.closedAt)}</td>
              </tr>
            ))}
            {cases.data?.items.length === 0 && (
              <tr>
                <td colSpan={5} className="muted">
                  {q ? 'No request matches your search.' : 'You have no requests yet.'}
                </td>
              </tr>
            )}
          </tbody>
        </table>
      )}
    </section>
  );
}
