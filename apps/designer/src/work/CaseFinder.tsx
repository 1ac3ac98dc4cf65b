import { useState } from 'react';
import { Link } from 'react-router-dom';
import type { AnyCaseItem } from '../api/api';
import { api } from '../auth/session';
import { CaseSearch } from '../components/CaseSearch';
import { ErrorBanner } from '../components/Status';
import { StatusWord } from '../components/StatusWord';
import { errorMessage } from '../hooks/useResource';
import { useFormat } from '../i18n/use-format';
import { useT } from '../i18n/use-t';

/** Finds cases for staff by number (REQ-000123 or 123), subject words or customer id. */
export function CaseFinder() {
  const t = useT();
  const f = useFormat();
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
    <section className="card" aria-label={t('work.find')}>
      <CaseSearch label={t('work.find')} onSearch={search} />
      <ErrorBanner message={error} />
      {found && found.length === 0 && <p className="muted">{t('work.find.none')}</p>}
      {found && found.length > 0 && (
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t('portal.requests.number')}</th>
              <th scope="col">{t('portal.requests.request')}</th>
              <th scope="col">{t('work.col.customer')}</th>
              <th scope="col">{t('portal.requests.status')}</th>
              <th scope="col">{t('portal.requests.opened')}</th>
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
                  <StatusWord value={c.status} />
                </td>
                <td>{f.dateTime(c.createdAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
