import type { FormEvent, KeyboardEvent } from 'react';
import { useT } from '../i18n/use-t';

/**
 * The message box under a chat: Enter sends (Shift+Enter breaks the line), every keystroke
 * reports typing; "End chat" shows while `onLeave` is given.
 */
export function ChatComposer({
  draft,
  onDraft,
  onTyped,
  onSend,
  onLeave,
  maxLength,
}: {
  draft: string;
  onDraft: (draft: string) => void;
  onTyped: () => void;
  onSend: () => Promise<void>;
  onLeave?: () => Promise<void>;
  maxLength?: number;
}) {
  const t = useT();
  function submit(e: FormEvent) {
    e.preventDefault();
    void onSend();
  }
  function onKeyDown(e: KeyboardEvent<HTMLTextAreaElement>) {
    if (e.key === 'Enter' && !e.shiftKey) {
      e.preventDefault();
      void onSend();
    }
  }
  return (
    <form className="chat-form" onSubmit={submit}>
      <label className="grow">
        {t('chat.message')}
        <textarea
          rows={2}
          maxLength={maxLength}
          value={draft}
          onChange={(e) => {
            onDraft(e.target.value);
            onTyped();
          }}
          onKeyDown={onKeyDown}
        />
      </label>
      <div className="button-row">
        <button type="submit" className="btn">
          {t('chat.send')}
        </button>
        {onLeave && (
          <button type="button" className="btn btn-ghost" onClick={() => void onLeave()}>
            {t('chat.leave')}
          </button>
        )}
      </div>
    </form>
  );
}
