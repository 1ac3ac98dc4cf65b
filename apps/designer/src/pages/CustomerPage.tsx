import { Link, useParams } from 'react-router-dom';
import { isStaffCase } from '../api/api';
import { api } from '../auth/session';
import { Badge, ErrorBanner, Loading } from '../components/Status';
import { StatusWord } from '../components/StatusWord';
import { useResource } from '../hooks/useResource';
import { useFormat } from '../i18n/use-format';
import { useT } from '../i18n/use-t';
import { MergeContact } from './MergeContact';

/** Customer 360: profile, every case, channels used, messages, surveys and open tasks. */
export function CustomerPage() {
  const { id = '' } = useParams();
  const t = useT();
  const f = useFormat();
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
            {c.segment && ` · ${t('c360.segment', { segment: c.segment })}`} ·{' '}
            {t('c360.meta', { since: f.dateTime(c.createdAt) })}
          </p>
        </div>
        <div className="tags">
          {c.tags.map((tag) => (
            <Badge key={tag} value={tag} tone="info" />
          ))}
        </div>
      </header>
      {!c.mergedInto && <MergeContact target={c} onMerged={customer.reload} />}
      {c.mergedInto && (
        <p className="banner banner-info" role="status">
          {t('c360.mergedInto')}{' '}
          <Link to={`/customers/${encodeURIComponent(c.mergedInto)}`}>{c.mergedInto}</Link>
        </p>
      )}
      <div className="case-grid">
        <div>
          <section className="card" aria-labelledby="cases-h">
            <h2 id="cases-h">{t('c360.cases', { count: c.cases.length })}</h2>
            {c.cases.length === 0 ? (
              <p className="muted">{t('c360.noCases')}</p>
            ) : (
              <table className="table">
                <thead>
                  <tr>
                    <th scope="col">{t('c360.col.number')}</th>
                    <th scope="col">{t('c360.col.subject')}</th>
                    <th scope="col">{t('c360.col.flow')}</th>
                    <th scope="col">{t('c360.col.channel')}</th>
                    <th scope="col">{t('c360.col.status')}</th>
                    <th scope="col">{t('c360.col.opened')}</th>
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
                      <td>{t('channel.name', { channel: k.channel })}</td>
                      <td>
                        <StatusWord value={k.status} />
                      </td>
                      <td>{f.dateTime(k.createdAt)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </section>
          <section className="card" aria-labelledby="msg-h">
            <h2 id="msg-h">{t('c360.messages', { count: c.messages.length })}</h2>
            {c.messages.length === 0 && <p className="muted">{t('c360.noMessages')}</p>}
            <ol className="timeline">
              {c.messages.map((m) => (
                <li key={m.id}>
                  <time dateTime={m.at}>{f.dateTime(m.at)}</time>{' '}
                  <Badge value={t('channel.name', { channel: m.channel })} tone="info" />{' '}
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
            <h2 id="ot-h">{t('c360.openTasks', { count: c.openTasks.length })}</h2>
            {c.openTasks.length === 0 && <p className="muted">{t('c360.noTasks')}</p>}
            <ul className="plain">
              {c.openTasks.map((task) => (
                <li key={task.id}>
                  <Link to={`/cases/${task.caseId}`}>{task.title}</Link>{' '}
                  <StatusWord value={task.status} task />
                  <small className="muted">
                    {' '}
                    {[task.group, task.tier, task.assignee].filter(Boolean).join(' · ')}
                  </small>
                </li>
              ))}
            </ul>
          </section>
          <section className="card" aria-labelledby="ch-h">
            <h2 id="ch-h">{t('c360.channels')}</h2>
            {c.channels.length === 0 ? (
              <p className="muted">{t('c360.noChannels')}</p>
            ) : (
              <p className="tags">
                {c.channels.map((ch) => (
                  <Badge key={ch} value={t('channel.name', { channel: ch })} tone="info" />
                ))}
              </p>
            )}
          </section>
          <section className="card" aria-labelledby="sv-h">
            <h2 id="sv-h">{t('c360.surveys')}</h2>
            {c.surveys.length === 0 && <p className="muted">{t('c360.noSurveys')}</p>}
            <ul className="plain">
              {c.surveys.map((s) => (
                <li key={s.surveyId}>
                  <strong>{s.kind.toUpperCase()}</strong>{' '}
                  {s.answered ? (
                    <Badge value={t('c360.score', { score: s.score ?? '' })} tone="ok" />
                  ) : (
                    <Badge value={t('c360.notAnswered')} tone="pending" />
                  )}{' '}
                  <Link className="muted" to={`/cases/${s.caseId}`}>
                    {subjects.get(s.caseId) ?? s.caseId}
                  </Link>
                  {s.comment && <q className="muted"> {s.comment}</q>}
                </li>
              ))}
            </ul>
          </section>
          {c.merges.length > 0 && (
            <section className="card" aria-labelledby="merges-h">
              <h2 id="merges-h">{t('c360.merges')}</h2>
              <ul className="plain">
                {c.merges.map((m) => (
                  <li key={m.from}>
                    {m.from === c.id ? (
                      <>
                        {t('c360.mergedOut')}{' '}
                        <Link to={`/customers/${encodeURIComponent(m.into)}`}>{m.into}</Link>
                      </>
                    ) : (
                      <>
                        {t('c360.mergedIn')}{' '}
                        <Link to={`/customers/${encodeURIComponent(m.from)}`}>{m.from}</Link>
                      </>
                    )}{' '}
                    <small className="muted">
                      {t('c360.mergeBy', { by: m.by, at: f.dateTime(m.at), cases: m.cases })}
                      {m.identities.length > 0 && ` · ${m.identities.map((i) => i.address).join(', ')}`}
                    </small>
                  </li>
                ))}
              </ul>
            </section>
          )}
          <section className="card" aria-labelledby="attr-h">
            <h2 id="attr-h">{t('c360.attributes')}</h2>
            {attributes.length === 0 ? (
              <p className="muted">{t('c360.noAttributes')}</p>
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
