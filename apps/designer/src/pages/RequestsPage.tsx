import { Link } from 'react-router-dom';
import { api } from '../auth/session';
import { formatDate } from '../components/format';
import { Badge, ErrorBanner, Loading } from '../components/Status';
import { useResource } from '../hooks/useResource';

/** The caller's cases (a customer sees only their own): subject, status, opened, survey prompt. */
export function RequestsPage() {
  const cases = useResource(() => api.listCases(), []);
  return (
    <section className="page">
      <header className="page-header">
        <h1>My requests</h1>
        <Link className="btn btn-primary" to="/catalog">
          New request
        </Link>
      </header>
      <ErrorBanner message={cases.error} />
      {cases.loading && !cases.data ? (
        <Loading />
      ) : (
        <table className="table">
          <thead>
            <tr>
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
                  <Link to={`/cases/${c.id}`}>{c.subject || c.flow}</Link>
                  {c.surveys?.some((s) => !s.answered && s.token) && (
                    <span className="badge badge-warning">survey waiting</span>
                  )}
                </td>
                <td>
                  <Badge value={c.status} />
                </td>
                <td>{formatDate(c.createdAt)}</td>
                <td>{formatDate(c.closedAt)}</td>
              </tr>
            ))}
            {cases.data?.items.length === 0 && (
              <tr>
                <td colSpan={4} className="muted">
                  You have no requests yet.
                </td>
              </tr>
            )}
          </tbody>
        </table>
      )}
    </section>
  );
}
