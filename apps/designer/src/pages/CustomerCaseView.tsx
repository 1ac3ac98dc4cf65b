import type { CustomerCase, CustomerDue, TimelineEntry } from '@caseflow/schema';
import { type FormEvent, useState } from 'react';
import type { Message } from '../api/api';
import { api } from '../auth/session';
import { countdown, formatDate } from '../components/format';
import { Badge, ErrorBanner } from '../components/Status';
import { errorMessage } from '../hooks/useResource';
import { SurveyPrompt } from './SurveyPrompt';

/** What a public timeline entry means to the customer. */
const ENTRY_TEXT: Record<string, string> = {
  'case.opened': 'Request received',
  'case.closed': 'Request closed',
  message: 'Message',
  'notify.queued': 'We sent you an update',
  'survey.sent': 'We asked for your opinion',
  'survey.answered': 'You answered our survey',
};

const DUE_TEXT: Record<CustomerDue['kind'], string> = {
  response: 'First answer',
  resolution: 'Resolution',
};

/** A due time in plain words: "due in 2h 05m", "paused while we wait for you", "done in time". */
function dueText(d: CustomerDue, now: number): string {
  switch (d.state) {
    case 'paused':
      return 'paused while we wait for you';
    case 'met':
      return 'done in time';
    case 'overdue':
      return 'late — we are on it';
    default:
      return countdown(d.dueAt, now);
  }
}

/**
 * A customer's own request: number, subject, status, the step it is at, due times in plain
 * words, messages, the public timeline and a pending survey. Nothing internal reaches this view:
 * the server answers the customer projection (no tasks, tiers, versions or cohorts).
 */
export function CustomerCaseView(props: {
  c: CustomerCase;
  /** Oldest first. */
  messages: Message[];
  /** Newest first. */
  timeline: TimelineEntry[];
  now: number;
  onChange(): void;
}) {
  const { c, now, onChange } = props;
  const [message, setMessage] = useState('');
  const [error, setError] = useState<string | null>(null);
  const pendingSurvey = c.surveys.find((s) => !s.answered && s.token);

  async function send(e: FormEvent) {
    e.preventDefault();
    if (!message.trim()) return;
    try {
      await api.postMessage(c.id, { channel: 'web', body: message, from: 'customer' });
      setMessage('');
      onChange();
    } catch (err) {
      setError(errorMessage(err));
    }
  }

  return (
    <section className="page">
      <header className="page-header">
        <div>
          <h1>{c.subject || 'Your request'}</h1>
          <p className="muted">
            Request <strong>{c.number ?? c.id}</strong> · opened {formatDate(c.createdAt)}
            {c.closedAt && ` · closed ${formatDate(c.closedAt)}`}
          </p>
        </div>
        <Badge value={c.status} />
      </header>
      <ErrorBanner message={error} />
      <div className="case-grid">
        <div>
          {pendingSurvey?.token && (
            <SurveyPrompt token={pendingSurvey.token} kind={pendingSurvey.kind} onDone={onChange} />
          )}
          <section className="card" aria-labelledby="messages-h">
            <h2 id="messages-h">Messages</h2>
            {props.messages.length === 0 && <p className="muted">No messages yet.</p>}
            <ol className="timeline">
              {props.messages.map((m) => (
                <li key={m.id}>
                  <time dateTime={m.at}>{formatDate(m.at)}</time>{' '}
                  <strong>
                    {m.from === 'customer' ? 'You' : m.from === 'agent' && m.author ? m.author : 'Support'}
                  </strong>{' '}
                  {m.body}
                </li>
              ))}
            </ol>
            {c.status === 'open' && (
              <form onSubmit={send} className="inline-form" aria-label="Send a message">
                <label className="grow">
                  Message
                  <input value={message} onChange={(e) => setMessage(e.target.value)} />
                </label>
                <button className="btn" type="submit">
                  Send
                </button>
              </form>
            )}
          </section>
          <section className="card" aria-labelledby="history-h">
            <h2 id="history-h">History</h2>
            <ol className="timeline">
              {props.timeline.map((e) => (
                <li key={e.seq}>
                  <time dateTime={e.at}>{formatDate(e.at)}</time> {ENTRY_TEXT[e.type] ?? e.type}
                </li>
              ))}
            </ol>
          </section>
        </div>
        <aside>
          <section className="card" aria-labelledby="where-h">
            <h2 id="where-h">Where it is</h2>
            <p>{c.status === 'open' ? (c.step ?? 'In progress') : 'Finished'}</p>
            {c.dues.length > 0 && (
              <ul className="plain" aria-label="Due times">
                {c.dues.map((d) => (
                  <li key={d.kind}>
                    {DUE_TEXT[d.kind]}: <span className="muted">{dueText(d, now)}</span>
                  </li>
                ))}
              </ul>
            )}
          </section>
        </aside>
      </div>
    </section>
  );
}
