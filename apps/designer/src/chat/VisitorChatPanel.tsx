import { type FormEvent, useState } from 'react';
import { errorMessage } from '../hooks/useResource';
import { useT } from '../i18n/use-t';
import { ChatComposer } from './ChatComposer';
import { ChatLog } from './ChatLog';
import { ChatWindow } from './ChatWindow';
import { useVisitorChat } from './useVisitorChat';
import { visitorApi } from './visitor-api';

/** The runtime's bound on a visitor's message, said in the form too. */
const MESSAGE_MAX = 5000;

/**
 * The help centre's live chat for a visitor who is not signed in: a name, an e-mail and a first
 * message open a chat (the runtime answers with an HttpOnly cookie for that one conversation);
 * then messages both ways, typing and reading, live. "End chat" hands the conversation to
 * e-mail at the address given.
 */
export function VisitorChatPanel() {
  const t = useT();
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

  async function send() {
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

  async function leave() {
    try {
      setLeft((await visitorApi.leave()).email);
    } catch (err) {
      setError(errorMessage(err));
    }
  }

  const current = chat.chat;
  return (
    <ChatWindow open={open} onOpenChange={setOpen} error={error}>
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
              maxLength={MESSAGE_MAX}
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
          <ChatLog messages={chat.messages} own="visitor" view={chat.view} />
          {left !== null && <p className="status-line">{t('chat.left', { email: left })}</p>}
          {current.status === 'closed' ? (
            <div className="button-row">
              <p className="status-line">{t('chat.visitor.ended')}</p>
              <button type="button" className="btn" onClick={() => chat.reset()}>
                {t('chat.visitor.new')}
              </button>
            </div>
          ) : (
            <ChatComposer
              draft={draft}
              onDraft={setDraft}
              onTyped={chat.typed}
              onSend={send}
              onLeave={left === null ? leave : undefined}
              maxLength={MESSAGE_MAX}
            />
          )}
        </>
      )}
    </ChatWindow>
  );
}
