import type { ReactNode } from 'react';
import { ErrorBanner } from '../components/Status';
import { useT } from '../i18n/use-t';
import './chat.css';

/**
 * A chat's frame on a page: a launcher button while closed; open, a titled panel with a close
 * button and the last error above what the chat shows.
 */
export function ChatWindow({
  open,
  onOpenChange,
  error,
  children,
}: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  error: string | null;
  children: ReactNode;
}) {
  const t = useT();
  if (!open) {
    return (
      <button type="button" className="btn chat-launcher" onClick={() => onOpenChange(true)}>
        {t('chat.open')}
      </button>
    );
  }
  return (
    <section className="chat-panel card" aria-labelledby="chat-h">
      <header className="chat-head">
        <h2 id="chat-h">{t('chat.title')}</h2>
        <button type="button" className="btn btn-ghost" onClick={() => onOpenChange(false)}>
          {t('chat.close')}
        </button>
      </header>
      <ErrorBanner message={error} />
      {children}
    </section>
  );
}
