import { Link, useParams } from 'react-router-dom';
import { api } from '../auth/session';
import { formatDate } from '../components/format';
import { Badge, ErrorBanner, Loading } from '../components/Status';
import { useResource } from '../hooks/useResource';

/** Customer 360: profile, every case, channels used, messages, surveys and open tasks. */
export function CustomerPage() {
  const { id = '' } = useParams();
  const customer = useResource(() => api.getCustomer(id), [id]);
  if (customer.loading && !customer.data) return <Loading />;
  const c = customer.data;
  if (!c) return <ErrorBanner message={customer.error} />;
  const channels = c.channels ?? [...new Set((c.cases ?? []).map((k) => k.channel))];
  return (
    <section className="page">
      <header className="page-header">
        <div>
          <h1>{c.name}</h1>
          <p className="muted">
            {c.id} {c.email && `· ${c.email}`} {c.phone && `· ${c.phone}`}{' '}
            {c.segment && `· segment ${c.segment}`}
          </p>
        </div>
        <div>
          {(c.tags ?? []).map((t) => (
            <Badge key={t} value={t} tone="info" />
          ))}
        </div>
      </header>
      <div className="case-grid">
        <div>
          <section className="card" aria-labelledby="cases-h">
            <h2 id="cases-h">Cases</h2>
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">Subject</th>
                  <th scope="col">Channel</th>
                  <th scope="col">Status</th>
                  <th scope="col">Opened</th>
                </tr>
              </thead>
              <tbody>
                {(c.cases ?? []).map((k) => (
                  <tr key={k.id}>
                    <td>
                      <Link to={`/cases/${k.id}`}>{k.subject || k.flow}</Link>
                    </td>
                    <td>{k.channel}</td>
                    <td>
                      <Badge value={k.status} />
                    </td>
                    <td>{formatDate(k.createdAt)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
          <section className="card" aria-labelledby="msg-h">
            <h2 id="msg-h">Messages</h2>
            <ol className="timeline">
              {(c.messages ?? []).map((m, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: messages have no id; the list only grows
                <li key={`${m.caseId}|${m.at}|${m.channel}|${m.body.slice(0, 40)}|${i}`}>
                  <time>{formatDate(m.at)}</time> <strong>{m.channel}</strong>{' '}
                  <span className="muted">{m.from}</span> {m.body}
                </li>
              ))}
            </ol>
          </section>
        </div>
        <aside>
          <section className="card" aria-labelledby="ot-h">
            <h2 id="ot-h">Open tasks</h2>
            {(c.openTasks ?? []).length === 0 && <p className="muted">None.</p>}
            <ul className="plain">
              {(c.openTasks ?? []).map((t) => (
                <li key={t.id}>
                  <Link to={`/cases/${t.caseId}`}>{t.title}</Link> <Badge value={t.status} />
                  <small className="muted"> {t.group ?? ''}</small>
                </li>
              ))}
            </ul>
          </section>
          <section className="card" aria-labelledby="ch-h">
            <h2 id="ch-h">Channels</h2>
            <p>{channels.join(', ') || '—'}</p>
          </section>
          <section className="card" aria-labelledby="sv-h">
            <h2 id="sv-h">Surveys</h2>
            <ul className="plain">
              {(c.surveys ?? []).map((s, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: surveys have no id; the list only grows
                <li key={`${s.caseId}|${s.kind}|${i}`}>
                  {s.kind}: {s.answered ? s.score : 'not answered'}
                </li>
              ))}
            </ul>
          </section>
          <section className="card" aria-labelledby="attr-h">
            <h2 id="attr-h">Attributes</h2>
            <pre className="code">{JSON.stringify(c.attributes ?? {}, null, 2)}</pre>
          </section>
        </aside>
      </div>
    </section>
  );
}
