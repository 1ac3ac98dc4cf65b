import { type FormEvent, type KeyboardEvent, useState } from 'react';
import { ErrorBanner } from '../components/Status';
import { errorMessage } from '../hooks/useResource';
import { useFormat } from '../i18n/use-format';
import { useT } from '../i18n/use-t';
import { ChatIndicators } from './ChatIndicators';
import { useVisitorChat } from './useVisitorChat';
import { visitorApi } from './visitor-api';
import './chat.css';

/**
 * The help centre's live chat for a visitor who is not signed in: a name, an e-mail and a first
 * message open a chat (the runtime answers with an HttpOnly cookie for that one conversation);
 * then messages both ways, typing and reading, live. "End chat" hands the conversation to
 * e-mail at the address given.
 */
export function VisitorChatPanel() {
  const t = useT();
  const f = useFormat();
  const [open, setOpen] = useState(false);
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [draft, setDraft] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [left, setLeft] = useState<string | null>(null);
  const chat = useVisitorChat(open);

  async function start(e: FormEvent) {
    e.preventDefault();
    const body = draft.trim();
    if (!body) return;
    try {
      const opened = await visitorApi.open(name.trim(), email.trim(), body);
      setDraft('');
      setError(null);
      setLeft(null);
      chat.setChat(opened.chat);
    } catch (err) {
      setError(errorMessage(err));
    }
  }

  async function send(e?: FormEvent) {
    e?.preventDefault();
    const body = draft.trim();
    if (!body) return;
    try {
      await visitorApi.send(body);
      setDraft('');
      setLeft(null);
      setError(null);
      await chat.load();
      chat.read();
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
    try {
      setLeft((await visitorApi.leave()).email);
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
  const current = chat.chat;
  const lastOwn = [...chat.messages].reverse().find((m) => m.from === 'visitor');
  return (
    <section className="chat-panel card" aria-labelledby="chat-h">
      <header className="chat-head">
        <h2 id="chat-h">{t('chat.title')}</h2>
        <button type="button" className="btn btn-ghost" onClick={() => setOpen(false)}>
          {t('chat.close')}
        </button>
      </header>
      <ErrorBanner message={error} />
      {current === null ? (
        <form className="chat-form" onSubmit={start}>
          <p className="muted">{t('chat.visitor.intro')}</p>
          <label>
            {t('chat.visitor.name')}
            <input required maxLength={100} value={name} onChange={(e) => setName(e.target.value)} />
          </label>
          <label>
            {t('chat.visitor.email')}
            <input
              required
              type="email"
              maxLength={254}
              autoComplete="email"
              value={email}
              onChange={(e) => setEmail(e.target.value)}
            />
          </label>
          <label>
            {t('chat.message')}
            <textarea
              required
              rows={2}
              maxLength={5000}
              value={draft}
              onChange={(e) => setDraft(e.target.value)}
            />
          </label>
          <p className="muted">{t('chat.visitor.note')}</p>
          <div className="button-row">
            <button type="submit" className="btn">
              {t('chat.visitor.start')}
            </button>
          </div>
        </form>
      ) : (
        <>
          {current.caseNumber && (
            <p className="muted">{t('chat.visitor.reference', { number: current.caseNumber })}</p>
          )}
          <ol className="chat-log" aria-live="polite">
            {chat.messages.map((m) => (
              <li key={m.id} className={m.from === 'visitor' ? 'chat-own' : 'chat-other'}>
                <strong>{m.from === 'visitor' ? t('chat.you') : (m.authorName ?? t('chat.agent'))}</strong>{' '}
                <time dateTime={m.at}>{f.clock(m.at)}</time>
                <p>{m.body}</p>
              </li>
            ))}
          </ol>
          <ChatIndicators view={chat.view} lastOwnAt={lastOwn?.at ?? null} />
          {left !== null && <p className="status-line">{t('chat.left', { email: left })}</p>}
          {current.status === 'closed' ? (
            <div className="button-row">
              <p className="status-line">{t('chat.visitor.ended')}</p>
              <button type="button" className="btn" onClick={() => chat.reset()}>
                {t('chat.visitor.new')}
              </button>
            </div>
          ) : (
            <form className="chat-form" onSubmit={send}>
              <label className="grow">
                {t('chat.message')}
                <textarea
                  rows={2}
                  maxLength={5000}
                  value={draft}
                  onChange={(e) => {
                    setDraft(e.target.value);
                    chat.typed();
                  }}
                  onKeyDown={onKeyDown}
                />
              </label>
              <div className="button-row">
                <button type="submit" className="btn">
                  {t('chat.send')}
                </button>
                {left === null && (
                  <button type="button" className="btn btn-ghost" onClick={() => void leave()}>
                    {t('chat.leave')}
                  </button>
                )}
              </div>
            </form>
          )}
        </>
      )}
    </section>
  );
}
