import { useCallback, useEffect, useRef, useState } from 'react';
import { openLiveEvents } from '../live/live-events';
import type { ChatView } from './chat-api';
import { type VisitorChat, type VisitorMessage, visitorApi } from './visitor-api';

/** A typing report lasts 6 s on the server; repeating it every 2.5 s while typing keeps it on. */
const TYPING_EVERY_MS = 2500;
const EMPTY_VIEW: ChatView = { typing: [], otherReadAt: null };

/**
 * The anonymous visitor's side of a chat: the chat their cookie opens (looked up while
 * `active`), its messages and the agents' typing and reading, kept current over the visitor's
 * live stream; `typed()` and `read()` report back. Indicator failures are ignored.
 */
export function useVisitorChat(active: boolean) {
  const [chat, setChat] = useState<VisitorChat | null>(null);
  const [looked, setLooked] = useState(false);
  const [messages, setMessages] = useState<VisitorMessage[]>([]);
  const [view, setView] = useState<ChatView>(EMPTY_VIEW);
  const lastTyped = useRef(0);

  const load = useCallback(async () => {
    const page = await visitorApi.messages();
    setMessages([...page.items].reverse());
  }, []);
  const refresh = useCallback(() => {
    visitorApi.view().then(setView, () => undefined);
  }, []);
  const read = useCallback(() => {
    lastTyped.current = 0;
    visitorApi.read().catch(() => undefined);
  }, []);
  const typed = useCallback(() => {
    const now = Date.now();
    if (now - lastTyped.current < TYPING_EVERY_MS) return;
    lastTyped.current = now;
    visitorApi.typing().catch(() => undefined);
  }, []);

  useEffect(() => {
    if (!active || looked) return;
    visitorApi.current().then(
      (r) => {
        setChat(r.chat);
        setLooked(true);
      },
      // An expired chat: start afresh.
      () => setLooked(true),
    );
  }, [active, looked]);

  const live = active && chat !== null;
  useEffect(() => {
    if (!live) return;
    load().then(read, () => undefined);
    refresh();
    const events = openLiveEvents({
      path: '/api/chat/visitor/events',
      // The visitor's cookie is the credential; the stream needs no ticket.
      ticket: async () => 'cookie',
      onChange(kinds) {
        if (kinds.some((k) => k !== 'chat')) load().then(read, () => undefined);
        // The case moved on (closed, perhaps): the chat's status may have changed.
        if (kinds.length === 0 || kinds.includes('case')) {
          visitorApi.current().then(
            (r) => r.chat && setChat(r.chat),
            () => undefined,
          );
        }
        refresh();
      },
    });
    // Typing ends on its own after a few seconds: look again even when no event comes.
    const timer = setInterval(refresh, 7000);
    return () => {
      clearInterval(timer);
      events.close();
    };
  }, [live, load, read, refresh]);

  return {
    chat,
    setChat,
    messages,
    view,
    load,
    read,
    typed,
    /** Forget the chat (a new one starts with the form). */
    reset() {
      setChat(null);
      setMessages([]);
      setView(EMPTY_VIEW);
    },
  };
}
