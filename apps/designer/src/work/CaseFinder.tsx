import { useState } from 'react';
import { Link } from 'react-router-dom';
import type { AnyCaseItem } from '../api/api';
import { api } from '../auth/session';
import { CaseSearch } from '../components/CaseSearch';
import { formatDate } from '../components/format';
import { Badge, ErrorBanner } from '../components/Status';
import { errorMessage } from '../hooks/useResource';

/** Finds cases for staff by number (REQ-000123 or 123), subject words or customer id. */
export function CaseFinder() {
  const [found, setFound] = useState<AnyCaseItem[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function search(q: string) {
    setError(null);
    if (!q) return setFound(null);
    try {
      setFound((await api.listCases({ q })).items);
    } catch (e) {
      setError(errorMessage(e));
    }
  }

  return (
    <section className="card" aria-label="Find a case">
      <CaseSearch label="Find a case" onSearch={search} />
      <ErrorBanner message={error} />
      {found && found.length === 0 && <p className="muted">No case matches.</p>}
      {found && found.length > 0 && (
        <table className="table">
          <thead>
            <tr>
              <th scope="col">Number</th>
              <th scope="col">Subject</th>
              <th scope="col">Customer</th>
              <th scope="col">Status</th>
              <th scope="col">Opened</th>
            </tr>
          </thead>
          <tbody>
            {found.map((c) => (
              <tr key={c.id}>
                <td>
                  <Link to={`/cases/${c.id}`}>{c.number ?? c.id}</Link>
                </td>
                <td>{c.subject || '—'}</td>
                <td>{'customerId' in c ? (c.customerId ?? '—') : '—'}</td>
                <td>
                  <Badge value={c.status} />
                </td>
                <td>{formatDate(c.createdAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
