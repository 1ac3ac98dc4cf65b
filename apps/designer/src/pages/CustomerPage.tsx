import { Link, useParams } from 'react-router-dom';
import { isStaffCase } from '../api/api';
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
  const subjects = new Map(c.cases.map((k) => [k.id, k.subject || (k.number ?? k.id)]));
  const attributes = Object.entries(c.attributes);
  return (
    <section className="page">
      <header className="page-header">
        <div>
          <h1>{c.name}</h1>
          <p className="muted">
            <code>{c.id}</code>
            {c.email && ` · ${c.email}`}
            {c.phone && ` · ${c.phone}`}
            {c.segment && ` · segment ${c.segment}`} · customer since {formatDate(c.createdAt)}
          </p>
        </div>
        <div className="tags">
          {c.tags.map((t) => (
            <Badge key={t} value={t} tone="info" />
          ))}
        </div>
      </header>
      <div className="case-grid">
        <div>
          <section className="card" aria-labelledby="cases-h">
            <h2 id="cases-h">Cases ({c.cases.length})</h2>
            {c.cases.length === 0 ? (
              <p className="muted">No cases yet.</p>
            ) : (
              <table className="table">
                <thead>
                  <tr>
                    <th scope="col">Number</th>
                    <th scope="col">Subject</th>
                    <th scope="col">Flow</th>
                    <th scope="col">Channel</th>
                    <th scope="col">Status</th>
                    <th scope="col">Opened</th>
                  </tr>
                </thead>
                <tbody>
                  {c.cases.map((k) => (
                    <tr key={k.id}>
                      <td>
                        <Link to={`/cases/${k.id}`}>{k.number ?? k.id}</Link>
                      </td>
                      <td>{k.subject || '—'}</td>
                      <td>{isStaffCase(k) ? `${k.flow} v${k.version}` : '—'}</td>
                      <td>{k.channel}</td>
                      <td>
                        <Badge value={k.status} />
                      </td>
                      <td>{formatDate(k.createdAt)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </section>
          <section className="card" aria-labelledby="msg-h">
            <h2 id="msg-h">Messages ({c.messages.length})</h2>
            {c.messages.length === 0 && <p className="muted">No messages on any channel yet.</p>}
            <ol className="timeline">
              {c.messages.map((m) => (
                <li key={m.id}>
                  <time dateTime={m.at}>{formatDate(m.at)}</time> <Badge value={m.channel} tone="info" />{' '}
                  <strong>{m.from === 'agent' && m.author ? m.author : m.from}</strong> {m.body}{' '}
                  <Link className="muted" to={`/cases/${m.caseId}`}>
                    {subjects.get(m.caseId) ?? m.caseId}
                  </Link>
                </li>
              ))}
            </ol>
          </section>
        </div>
        <aside>
          <section className="card" aria-labelledby="ot-h">
            <h2 id="ot-h">Open tasks ({c.openTasks.length})</h2>
            {c.openTasks.length === 0 && <p className="muted">No open tasks.</p>}
            <ul className="plain">
              {c.openTasks.map((t) => (
                <li key={t.id}>
                  <Link to={`/cases/${t.caseId}`}>{t.title}</Link> <Badge value={t.status} />
                  <small className="muted">
                    {' '}
                    {[t.group, t.tier, t.assignee].filter(Boolean).join(' · ')}
                  </small>
                </li>
              ))}
            </ul>
          </section>
          <section className="card" aria-labelledby="ch-h">
            <h2 id="ch-h">Channels</h2>
            {c.channels.length === 0 ? (
              <p className="muted">No contact yet.</p>
            ) : (
              <p className="tags">
                {c.channels.map((ch) => (
                  <Badge key={ch} value={ch} tone="info" />
                ))}
              </p>
            )}
          </section>
          <section className="card" aria-labelledby="sv-h">
            <h2 id="sv-h">Surveys</h2>
            {c.surveys.length === 0 && <p className="muted">No surveys sent.</p>}
            <ul className="plain">
              {c.surveys.map((s) => (
                <li key={s.surveyId}>
                  <strong>{s.kind.toUpperCase()}</strong>{' '}
                  {s.answered ? (
                    <Badge value={`score ${s.score}`} tone="ok" />
                  ) : (
                    <Badge value="not answered" />
                  )}{' '}
                  <Link className="muted" to={`/cases/${s.caseId}`}>
                    {subjects.get(s.caseId) ?? s.caseId}
                  </Link>
                  {s.comment && <q className="muted"> {s.comment}</q>}
                </li>
              ))}
            </ul>
          </section>
          <section className="card" aria-labelledby="attr-h">
            <h2 id="attr-h">Attributes</h2>
            {attributes.length === 0 ? (
              <p className="muted">No attributes.</p>
            ) : (
              <dl className="attributes">
                {attributes.map(([k, v]) => (
                  <div key={k}>
                    <dt>{k}</dt>
                    <dd>{typeof v === 'object' ? JSON.stringify(v) : String(v)}</dd>
                  </div>
                ))}
              </dl>
            )}
          </section>
        </aside>
      </div>
    </section>
  );
}
