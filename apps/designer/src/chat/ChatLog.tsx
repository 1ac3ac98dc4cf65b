import { useFormat } from '../i18n/use-format';
import { useT } from '../i18n/use-t';
import { ChatIndicators } from './ChatIndicators';
import type { ChatView } from './chat-api';

/** What the log shows of a message, whichever side's API answered it. */
export interface ChatLogMessage {
  id: string;
  from: string;
  authorName?: string | null;
  at: string;
  body: string;
}

/**
 * A conversation as one side sees it: messages from `own` are "You", the others by their
 * author's name; the other side's typing and reading (against our last message) below it.
 */
export function ChatLog({
  messages,
  own,
  view,
}: {
  messages: readonly ChatLogMessage[];
  own: string;
  view: ChatView;
}) {
  const t = useT();
  const f = useFormat();
  const lastOwn = messages.findLast((m) => m.from === own);
  return (
    <>
      <ol className="chat-log" aria-live="polite">
        {messages.map((m) => (
          <li key={m.id} className={m.from === own ? 'chat-own' : 'chat-other'}>
            <strong>{m.from === own ? t('chat.you') : (m.authorName ?? t('chat.agent'))}</strong>{' '}
            <time dateTime={m.at}>{f.clock(m.at)}</time>
            <p>{m.body}</p>
          </li>
        ))}
      </ol>
      <ChatIndicators view={view} lastOwnAt={lastOwn?.at ?? null} />
    </>
  );
}
