import { type FormEvent, type KeyboardEvent, useCallback, useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import type { Message } from '../api/api';
import { ErrorBanner } from '../components/Status';
import { errorMessage } from '../hooks/useResource';
import { useFormat } from '../i18n/use-format';
import { useT } from '../i18n/use-t';
import { useLiveEvents } from '../live/useLiveEvents';
import { ChatIndicators } from './ChatIndicators';
import { chatApi } from './chat-api';
import { useChatIndicators } from './useChatIndicators';
import './chat.css';

/**
 * The portal's live chat for a signed-in customer: a button that opens a panel; the first
 * message opens a case on the chat channel, later ones continue it. Messages both ways arrive
 * over the case's live stream; the agent's typing and reading show under the conversation.
 * "End chat" hands the conversation to e-mail on the same case.
 */
export function ChatPanel() {
  const t = useT();
  const f = useFormat();
  const [open, setOpen] = useState(false);
  const [caseId, setCaseId] = useState<string | null>(null);
  const [messages, setMessages] = useState<Message[]>([]);
  const [draft, setDraft] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [left, setLeft] = useState<{ email: string | null } | null>(null);
  const indicators = useChatIndicators(open ? caseId : null);
  const { read, refresh } = indicators;

  const load = useCallback(async () => {
    if (!caseId) return;
    const page = await chatApi.messages(caseId);
    setMessages([...page.items].reverse());
  }, [caseId]);

  useEffect(() => {
    if (!open) return;
    chatApi.current().then(
      (r) => setCaseId(r.caseId),
      (err) => setError(errorMessage(err)),
    );
  }, [open]);
  useEffect(() => {
    if (!open || !caseId) return;
    load().then(read, (err) => setError(errorMessage(err)));
  }, [open, caseId, load, read]);

  useLiveEvents(open && caseId ? `/api/cases/${encodeURIComponent(caseId)}/events` : null, (kinds) => {
    if (kinds.some((k) => k !== 'chat')) {
      load().then(read, () => undefined);
    }
    refresh();
  });

  async function send(e?: FormEvent) {
    e?.preventDefault();
    const body = draft.trim();
    if (!body) return;
    try {
      const sent = await chatApi.send(body);
      setDraft('');
      setLeft(null);
      if (sent.caseId !== caseId) setCaseId(sent.caseId);
      else await load();
      read();
    } catch (err) {
      setError(errorMessage(err));
    }
  }

  function onKeyDown(e: KeyboardEvent<HTMLTextAreaElement>) {
    if (e.key === 'Enter' && !e.shiftKey) {
      e.preventDefault();
      void send();
    }
  }

  async function leave() {
    if (!caseId) return;
    try {
      setLeft(await chatApi.leave(caseId));
    } catch (err) {
      setError(errorMessage(err));
    }
  }

  if (!open) {
    return (
      <button type="button" className="btn chat-launcher" onClick={() => setOpen(true)}>
        {t('chat.open')}
      </button>
    );
  }
  const lastOwn = [...messages].reverse().find((m) => m.from === 'customer');
  return (
    <section className="chat-panel card" aria-labelledby="chat-h">
      <header className="chat-head">
        <h2 id="chat-h">{t('chat.title')}</h2>
        <button type="button" className="btn btn-ghost" onClick={() => setOpen(false)}>
          {t('chat.close')}
        </button>
      </header>
      <ErrorBanner message={error} />
      {messages.length === 0 && <p className="muted">{t('chat.intro')}</p>}
      <ol className="chat-log" aria-live="polite">
        {messages.map((m) => (
          <li key={m.id} className={m.from === 'customer' ? 'chat-own' : 'chat-other'}>
            <strong>{m.from === 'customer' ? t('chat.you') : (m.authorName ?? t('chat.agent'))}</strong>{' '}
            <time dateTime={m.at}>{f.clock(m.at)}</time>
            <p>{m.body}</p>
          </li>
        ))}
      </ol>
      <ChatIndicators view={indicators.view} lastOwnAt={lastOwn?.at ?? null} />
      {left ? (
        <p className="status-line">
          {left.email ? t('chat.left', { email: left.email }) : t('chat.leftNoEmail')}{' '}
          {caseId && <Link to={`/cases/${encodeURIComponent(caseId)}`}>{t('chat.viewCase')}</Link>}
        </p>
      ) : null}
      <form className="chat-form" onSubmit={send}>
        <label className="grow">
          {t('chat.message')}
          <textarea
            rows={2}
            value={draft}
            onChange={(e) => {
              setDraft(e.target.value);
              indicators.typed();
            }}
            onKeyDown={onKeyDown}
          />
        </label>
        <div className="button-row">
          <button type="submit" className="btn">
            {t('chat.send')}
          </button>
          {caseId && !left && (
            <button type="button" className="btn btn-ghost" onClick={() => void leave()}>
              {t('chat.leave')}
            </button>
          )}
        </div>
      </form>
    </section>
  );
}
