import { useFormat } from '../i18n/use-format';
import { useT } from '../i18n/use-t';
import type { ChatView } from './chat-api';

/**
 * "Lena is typing…" and "Seen 10:42" under a conversation, announced politely to screen readers;
 * for staff, a note when an anonymous visitor (unverified) opened the chat.
 */
export function ChatIndicators({ view, lastOwnAt }: { view: ChatView; lastOwnAt: string | null }) {
  const t = useT();
  const f = useFormat();
  const typing = view.typing[0];
  const seen = lastOwnAt !== null && view.otherReadAt !== null && view.otherReadAt >= lastOwnAt;
  return (
    <>
      {view.visitor && (
        <p className="chat-visitor status-line" role="note">
          {t('chat.visitor.banner', { name: view.visitor.name, email: view.visitor.email })}
        </p>
      )}
      <output className="chat-indicators muted" aria-live="polite">
        {typing && (
          <span className="chat-typing">
            {typing.name
              ? t('chat.typing', { name: typing.name })
              : typing.party === 'agent'
                ? t('chat.agentTyping')
                : t('chat.customerTyping')}
          </span>
        )}
        {seen && <span className="chat-seen">{t('chat.seen', { at: f.dateTime(view.otherReadAt!) })}</span>}
      </output>
    </>
  );
}
