import { useCallback, useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import type { Message } from '../api/api';
import { errorMessage } from '../hooks/useResource';
import { useT } from '../i18n/use-t';
import { useLiveEvents } from '../live/useLiveEvents';
import { ChatComposer } from './ChatComposer';
import { ChatLog } from './ChatLog';
import { ChatWindow } from './ChatWindow';
import { chatApi } from './chat-api';
import { useChatIndicators } from './useChatIndicators';

/**
 * The portal's live chat for a signed-in customer: a button that opens a panel; the first
 * message opens a case on the chat channel, later ones continue it. Messages both ways arrive
 * over the case's live stream; the agent's typing and reading show under the conversation.
 * "End chat" hands the conversation to e-mail on the same case.
 */
export function ChatPanel() {
  const t = useT();
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

  async function send() {
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

  async function leave() {
    if (!caseId) return;
    try {
      setLeft(await chatApi.leave(caseId));
    } catch (err) {
      setError(errorMessage(err));
    }
  }

  return (
    <ChatWindow open={open} onOpenChange={setOpen} error={error}>
      {messages.length === 0 && <p className="muted">{t('chat.intro')}</p>}
      <ChatLog messages={messages} own="customer" view={indicators.view} />
      {left ? (
        <p className="status-line">
          {left.email ? t('chat.left', { email: left.email }) : t('chat.leftNoEmail')}{' '}
          {caseId && <Link to={`/cases/${encodeURIComponent(caseId)}`}>{t('chat.viewCase')}</Link>}
        </p>
      ) : null}
      <ChatComposer
        draft={draft}
        onDraft={setDraft}
        onTyped={indicators.typed}
        onSend={send}
        onLeave={caseId && !left ? leave : undefined}
      />
    </ChatWindow>
  );
}
