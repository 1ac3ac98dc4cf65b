import { type FormEvent, lazy, Suspense, useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { isStaffCase } from '../api/api';
import { useServerNow } from '../api/server-clock';
import { api, hasRole, useSession } from '../auth/session';
import { countdown, formatDate } from '../components/format';
import { Badge, ErrorBanner, Loading } from '../components/Status';
import { useHistoryPages } from '../hooks/useHistoryPages';
import { errorMessage, useResource } from '../hooks/useResource';
import { TaskActions } from '../work/TaskActions';
import { CustomerCaseView } from './CustomerCaseView';
import { SurveyPrompt } from './SurveyPrompt';

// The canvas code (xyflow) loads only when a case page shows its diagram.
const CaseFlowDiagram = lazy(() => import('../work/CaseFlowDiagram'));

/** One case: status, SLA clocks, open tasks (agents act on them), timeline, messages, survey. */
export function CasePage() {
  const { id = '' } = useParams();
  const user = useSession((s) => s.user);
  const isAgent = hasRole(user, 'agent');
  // The flow's definition is internal; customers follow the current step and the timeline.
  const isStaff = hasRole(user, 'agent', 'owner');
  // A survey is the customer's to answer: staff see its result, never the form.
  const isCustomer = !!user && user.roles.includes('customer') && !isStaff;
  const kase = useResource(() => api.getCase(id), [id]);
  // Both are paged newest first: a long case loads its latest entries, older ones on demand.
  const timeline = useHistoryPages((cursor) => api.timeline(id, { order: 'desc', cursor }), [id]);
  const messages = useHistoryPages(
    (cursor) => api.listMessages(id, { order: 'desc', cursor, limit: 30 }),
    [id],
  );
  const now = useServerNow(10_000);
  const [message, setMessage] = useState('');
  const [signal, setSignal] = useState('');
  const [error, setError] = useState<string | null>(null);
  const reload = () => {
    kase.reload();
    timeline.reload();
    messages.reload();
  };

  async function send(e: FormEvent) {
    e.preventDefault();
    if (!message.trim()) return;
    try {
      await api.postMessage(id, { channel: 'web', body: message, from: isAgent ? 'agent' : 'customer' });
      setMessage('');
      reload();
    } catch (err) {
      setError(errorMessage(err));
    }
  }

  async function deliver(e: FormEvent) {
    e.preventDefault();
    if (!signal.trim()) return;
    try {
      await api.signal(id, signal.trim());
      setSignal('');
      reload();
    } catch (err) {
      setError(errorMessage(err));
    }
  }

  if (kase.loading && !kase.data) return <Loading />;
  const c = kase.data;
  if (!c) return <ErrorBanner message={kase.error} />;
  if (!isStaffCase(c)) {
    return (
      <CustomerCaseView
        c={c}
        messages={[...messages.items].reverse()}
        timeline={timeline.items}
        now={now}
        onChange={reload}
      />
    );
  }
  const openTasks = c.tasks.filter((t) => t.status === 'open' || t.status === 'claimed');
  const pendingSurvey = isCustomer ? c.surveys.find((s) => !s.answered && s.token) : undefined;
  return (
    <section className="page">
      <header className="page-header">
        <div>
          <h1>{c.subject || c.flow}</h1>
          <p className="muted">
            Case <strong>{c.number ?? c.id}</strong>
            {c.parentCaseId && (
              <>
                {' '}
                · step of <Link to={`/cases/${c.parentCaseId}`}>its parent case</Link>
              </>
            )}{' '}
            · flow {c.flow} v{c.version}
            {c.cohort && ` · ${c.cohort} cohort`} · {c.channel} · opened {formatDate(c.createdAt)}
          </p>
        </div>
        <Badge value={c.status} />
      </header>
      <ErrorBanner message={error} />
      {isStaff && (c.incidents?.length ?? 0) > 0 && (
        <div className="banner banner-error" role="alert">
          This case is stuck:{' '}
          {c
            .incidents!.map((i) => `${i.kind} incident at ${i.nodeId ?? 'its node'} (${i.message})`)
            .join('; ')}
          . <Link to={`/incidents?case=${encodeURIComponent(c.id)}`}>See incidents</Link>
        </div>
      )}
      <div className="case-grid">
        <div>
          {pendingSurvey?.token && (
            <SurveyPrompt token={pendingSurvey.token} kind={pendingSurvey.kind} onDone={reload} />
          )}
          <section className="card" aria-labelledby="tasks-h">
            <h2 id="tasks-h">Open tasks</h2>
            {openTasks.length === 0 && <p className="muted">No open tasks.</p>}
            {openTasks.map((t) => (
              <article key={t.id} className="task-card">
                <h3>
                  {t.title} <Badge value={t.status} />
                </h3>
                <p className="muted">
                  {t.group ?? '—'} {t.tier && `· ${t.tier}`} {t.assignee && `· ${t.assignee}`} ·{' '}
                  {countdown(t.dueAt, now)}
                </p>
                {isAgent && <TaskActions task={t} onDone={reload} />}
              </article>
            ))}
          </section>
          {isStaff && (
            <section className="card" aria-labelledby="flow-h">
              <h2 id="flow-h">Flow diagram</h2>
              <Suspense fallback={<Loading />}>
                <CaseFlowDiagram caseId={c.id} activeNodes={c.activeNodes} timeline={timeline.items} />
              </Suspense>
            </section>
          )}
          <section className="card" aria-labelledby="messages-h">
            <h2 id="messages-h">Messages</h2>
            <ErrorBanner message={messages.error} />
            {!messages.loading && messages.items.length === 0 && <p className="muted">No messages yet.</p>}
            {messages.hasMore && (
              <button className="btn" type="button" onClick={messages.more} disabled={messages.loading}>
                Show older messages
              </button>
            )}
            <ol className="timeline">
              {/* Loaded newest first; read as a conversation, oldest at the top. */}
              {[...messages.items].reverse().map((m) => (
                <li key={m.id}>
                  <time dateTime={m.at}>{formatDate(m.at)}</time> <Badge value={m.channel} tone="info" />{' '}
                  <strong>{m.from === 'agent' && m.author ? m.author : m.from}</strong> {m.body}
                </li>
              ))}
            </ol>
            <form onSubmit={send} className="inline-form" aria-label="Send a message">
              <label className="grow">
                Message
                <input value={message} onChange={(e) => setMessage(e.target.value)} />
              </label>
              <button className="btn" type="submit">
                Send
              </button>
            </form>
          </section>
          <section className="card" aria-labelledby="timeline-h">
            <h2 id="timeline-h">Timeline</h2>
            <ErrorBanner message={timeline.error} />
            <ol className="timeline" aria-label="Timeline, newest first">
              {timeline.items.map((e) => (
                <li key={e.seq} className={`tl tl-${e.type.replace('.', '-')}`}>
                  <time dateTime={e.at}>{formatDate(e.at)}</time>
                  <strong>{e.type}</strong>
                  {e.actor && <span className="muted"> by {e.actor}</span>}
                  <TimelineData data={e.data} />
                </li>
              ))}
            </ol>
            {timeline.hasMore && (
              <button className="btn" type="button" onClick={timeline.more} disabled={timeline.loading}>
                Show older entries
              </button>
            )}
          </section>
        </div>
        <aside>
          <section className="card" aria-labelledby="sla-h">
            <h2 id="sla-h">SLA clocks</h2>
            {c.slas.length === 0 && <p className="muted">No SLA clocks.</p>}
            <ul className="plain">
              {c.slas.map((s) => (
                <li key={s.id}>
                  <Badge value={s.status} /> {s.scope} {s.target}{' '}
                  <span className="muted">
                    {s.status === 'running' || s.status === 'warning' ? countdown(s.dueAt, now) : ''}
                  </span>
                </li>
              ))}
            </ul>
          </section>
          <section className="card" aria-labelledby="where-h">
            <h2 id="where-h">Where it is</h2>
            <p>{c.activeNodes.length ? c.activeNodes.join(', ') : 'finished'}</p>
            {isAgent && c.customerId && (
              <Link to={`/customers/${c.customerId}`}>Customer {c.customerId}</Link>
            )}
            {isAgent && c.status === 'open' && (
              <form className="inline-form" onSubmit={deliver} aria-label="Deliver a signal">
                <label className="grow">
                  Signal
                  <input
                    value={signal}
                    onChange={(e) => setSignal(e.target.value)}
                    placeholder="customer-replied"
                  />
                </label>
                <button className="btn" type="submit">
                  Deliver
                </button>
              </form>
            )}
          </section>
          {isStaff && c.surveys.length > 0 && (
            <section className="card" aria-labelledby="surveys-h">
              <h2 id="surveys-h">Surveys</h2>
              <ul className="plain">
                {c.surveys.map((s, i) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: surveys have no id in the case resource
                  <li key={i}>
                    {s.kind.toUpperCase()}:{' '}
                    {s.answered ? `answered, score ${s.score}` : 'waiting for the customer'}
                  </li>
                ))}
              </ul>
            </section>
          )}
          {isAgent && (
            <section className="card" aria-labelledby="vars-h">
              <h2 id="vars-h">Variables</h2>
              <pre className="code">{JSON.stringify(c.variables, null, 2)}</pre>
            </section>
          )}
        </aside>
      </div>
    </section>
  );
}

function TimelineData({ data }: { data: Record<string, unknown> }) {
  const entries = Object.entries(data).filter(
    ([, v]) => v !== null && v !== undefined && typeof v !== 'object',
  );
  if (entries.length === 0) return null;
  return (
    <span className="muted">
      {' — '}
      {entries
        .map(([k, v]) => `${k}: ${k.endsWith('At') && typeof v === 'number' ? formatDate(v) : String(v)}`)
        .join(', ')}
    </span>
  );
}
