import type { CustomerCase, CustomerDue, TimelineEntry } from '@caseflow/schema';
import { type FormEvent, useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import type { Message } from '../api/api';
import { api } from '../auth/session';
import { ErrorBanner } from '../components/Status';
import { StatusWord } from '../components/StatusWord';
import { errorMessage } from '../hooks/useResource';
import { useFormat } from '../i18n/use-format';
import { useT } from '../i18n/use-t';
import { AttachmentLinks, AttachmentPicker } from '../work/Attachments';
import { toUploads } from '../work/attachment-files';
import { CancelCase } from '../work/CancelCase';
import { presentCustomerEntry } from '../work/timeline-presenter';
import { SurveyPrompt } from './SurveyPrompt';

/** A due time as a sentence: "First answer within 1 hour — by 14:30, in 42 minutes". */
export function DueSentence({ d, now }: { d: CustomerDue; now: number }) {
  const t = useT();
  const f = useFormat();
  const state = d.state === 'at-risk' || d.state === 'on-track' ? 'running' : d.state;
  return (
    <>
      {t(`portal.due.${state}`, {
        kind: d.kind,
        within: f.isoDuration(d.within),
        due: d.dueAt ? f.clock(d.dueAt, now) : '—',
        relative: d.dueAt ? f.relative(d.dueAt, now) : '',
      })}
    </>
  );
}

/** The expected first answer and resolution of a request (its case clocks on their calendar). */
export function Expectations({ dues, now }: { dues: CustomerDue[]; now: number }) {
  const t = useT();
  if (dues.length === 0) return <p className="muted">{t('portal.due.none')}</p>;
  return (
    <ul className="plain" aria-label={t('portal.case.next')}>
      {dues.map((d) => (
        <li key={d.kind} data-due={d.kind}>
          <DueSentence d={d} now={now} />
        </li>
      ))}
    </ul>
  );
}

/**
 * A customer's own request: number, subject, status, the step it is at (the flow's customer
 * label, else a neutral status), what happens next and by when, messages, the history as
 * sentences and a pending survey. The server answers the customer projection only (no tasks,
 * tiers, versions or cohorts); the page follows the case's live stream.
 */
export function CustomerCaseView(props: {
  c: CustomerCase;
  /** Oldest first. */
  messages: Message[];
  /** Newest first. */
  timeline: TimelineEntry[];
  now: number;
  /** Just submitted: say so above the expectations. */
  submitted?: boolean;
  /** The number of the closed request this one picked up again (the customer just wrote on it). */
  continuedFrom?: string;
  onChange(): void;
}) {
  const { c, now, onChange } = props;
  const t = useT();
  const f = useFormat();
  const navigate = useNavigate();
  const [message, setMessage] = useState('');
  const [files, setFiles] = useState<File[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [withdrawing, setWithdrawing] = useState(false);
  const [withdrawn, setWithdrawn] = useState(false);
  const pendingSurvey = c.surveys.find((s) => !s.answered && s.token);
  const number = c.number ?? c.id;

  async function send(e: FormEvent) {
    e.preventDefault();
    if (!message.trim()) return;
    try {
      const attachments = await toUploads(files);
      const sent = (await api.postMessage(c.id, {
        channel: 'web',
        body: message,
        from: 'customer',
        attachments,
      })) as { caseId?: string };
      setMessage('');
      setFiles([]);
      // Written on a closed request, the message opened its follow-up: go on there.
      if (sent.caseId && sent.caseId !== c.id)
        navigate(`/cases/${sent.caseId}`, { state: { continuedFrom: number } });
      else onChange();
    } catch (err) {
      setError(errorMessage(err));
    }
  }

  const messageForm = (
    <form onSubmit={send} className="inline-form" aria-label={t('portal.case.sendLabel')}>
      <label className="grow">
        {t('portal.case.message')}
        <input value={message} onChange={(e) => setMessage(e.target.value)} />
      </label>
      <AttachmentPicker files={files} onChange={setFiles} />
      <button className="btn" type="submit">
        {t('portal.case.send')}
      </button>
    </form>
  );

  return (
    <section className="page">
      <header className="page-header">
        <div>
          <h1>{c.subject || t('portal.case.fallbackTitle')}</h1>
          <p className="muted">
            {c.closedAt
              ? t('portal.case.metaClosed', {
                  number,
                  opened: f.dateTime(c.createdAt),
                  closed: f.dateTime(c.closedAt),
                })
              : t('portal.case.meta', { number, opened: f.dateTime(c.createdAt) })}
          </p>
        </div>
        <StatusWord value={c.status} request />
      </header>
      <ErrorBanner message={error} />
      {props.submitted && !withdrawn && (
        <div className="banner banner-success" role="status">
          {t('portal.case.submitted', { number })}
        </div>
      )}
      {props.continuedFrom && (
        <div className="banner banner-success" role="status">
          {t('portal.case.continued', { previous: props.continuedFrom, number })}
        </div>
      )}
      {withdrawn && (
        <div className="banner banner-success" role="status">
          {t('portal.withdraw.done')}
        </div>
      )}
      <div className="case-grid">
        <div>
          {pendingSurvey?.token && (
            <SurveyPrompt token={pendingSurvey.token} kind={pendingSurvey.kind} onDone={onChange} />
          )}
          <section className="card" aria-labelledby="messages-h">
            <h2 id="messages-h">{t('portal.case.messages')}</h2>
            {props.messages.length === 0 && <p className="muted">{t('portal.case.noMessages')}</p>}
            <ol className="timeline" aria-live="polite">
              {props.messages.map((m) => (
                <li key={m.id}>
                  <time dateTime={m.at}>{f.dateTime(m.at)}</time>{' '}
                  <strong>
                    {m.from === 'customer'
                      ? t('portal.case.you')
                      : (m.authorName ?? m.author ?? t('portal.case.support'))}
                  </strong>{' '}
                  {m.body}
                  <AttachmentLinks attachments={m.attachments} />
                </li>
              ))}
            </ol>
            {c.status === 'open' && messageForm}
          </section>
          <section className="card" aria-labelledby="history-h">
            <h2 id="history-h">{t('portal.case.history')}</h2>
            <ol className="timeline">
              {props.timeline.map((e) => {
                const s = presentCustomerEntry(e);
                return (
                  <li key={e.seq}>
                    <time dateTime={e.at}>{f.dateTime(e.at)}</time>{' '}
                    {t(s.id, { ...s.values, name: s.values.name || 'none' })}
                  </li>
                );
              })}
            </ol>
          </section>
        </div>
        <aside>
          <section className="card" aria-labelledby="where-h">
            <h2 id="where-h">{t('portal.case.where')}</h2>
            <p>{c.status === 'open' ? (c.step ?? t('portal.case.inProgress')) : t('portal.case.finished')}</p>
          </section>
          {c.status === 'open' && (
            <section className="card" aria-labelledby="next-h">
              <h2 id="next-h">{t('portal.case.next')}</h2>
              <Expectations dues={c.dues} now={now} />
              <p className="muted">{t('portal.case.live')}</p>
            </section>
          )}
          {c.continuedIn && (
            <section className="card" aria-labelledby="continued-h">
              <h2 id="continued-h">{t('portal.continued.title')}</h2>
              <p>{t('portal.continued.text', { number: c.continuedIn.number ?? '' })}</p>
              <Link to={`/cases/${c.continuedIn.id}`}>
                {t('portal.continued.link', { number: c.continuedIn.number ?? '' })}
              </Link>
            </section>
          )}
          {c.status !== 'open' &&
            !c.continuedIn &&
            (c.reopenUntil ? (
              <section className="card" aria-labelledby="reopen-h">
                <h2 id="reopen-h">{t('portal.reopen.title')}</h2>
                <p>{t('portal.reopen.hint', { until: f.dateTime(c.reopenUntil) })}</p>
                {messageForm}
              </section>
            ) : (
              <section className="card" aria-labelledby="closed-h">
                <h2 id="closed-h">{t('portal.closed.title')}</h2>
                <Link to="/catalog">{t('portal.closed.newRequest')}</Link>
              </section>
            ))}
          {c.mayWithdraw &&
            (withdrawing ? (
              <CancelCase
                as="customer"
                caseId={c.id}
                onClose={() => setWithdrawing(false)}
                onDone={() => {
                  setWithdrawing(false);
                  setWithdrawn(true);
                  onChange();
                }}
              />
            ) : (
              <section className="card" aria-labelledby="withdraw-h">
                <h2 id="withdraw-h">{t('portal.withdraw.title')}</h2>
                <button type="button" className="btn btn-small" onClick={() => setWithdrawing(true)}>
                  {t('portal.withdraw.open')}
                </button>
              </section>
            ))}
        </aside>
      </div>
    </section>
  );
}
