import { useCallback, useEffect, useRef, useState } from 'react';
import { type ChatView, chatApi } from './chat-api';

/** A typing report lasts 6 s on the server; repeating it every 2.5 s while typing keeps it on. */
const TYPING_EVERY_MS = 2500;

/**
 * Typing and read indicators of one case's chat: `view` is the other side's state, refreshed
 * by `refresh()` (call it on a `chat` or `message` change of the case's live stream);
 * `typed()` reports the caller typing (throttled), `read()` marks the conversation read.
 * Failures are ignored: indicators are a courtesy, never in the way of the conversation.
 */
export function useChatIndicators(caseId: string | null) {
  const [view, setView] = useState<ChatView>({ typing: [], otherReadAt: null });
  const lastTyped = useRef(0);
  const refresh = useCallback(() => {
    if (!caseId) return;
    chatApi.view(caseId).then(setView, () => undefined);
  }, [caseId]);
  useEffect(() => {
    setView({ typing: [], otherReadAt: null });
    refresh();
    // Typing ends on its own after a few seconds: look again even when no event comes.
    const timer = setInterval(refresh, 7000);
    return () => clearInterval(timer);
  }, [refresh]);
  const typed = useCallback(() => {
    const now = Date.now();
    if (!caseId || now - lastTyped.current < TYPING_EVERY_MS) return;
    lastTyped.current = now;
    chatApi.typing(caseId).catch(() => undefined);
  }, [caseId]);
  const read = useCallback(() => {
    lastTyped.current = 0;
    if (caseId) chatApi.read(caseId).catch(() => undefined);
  }, [caseId]);
  return { view, refresh, typed, read };
}
