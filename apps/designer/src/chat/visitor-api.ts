import { Api } from '../api/api';
import type { ChatView } from './chat-api';

/** An anonymous visitor's chat as the runtime answers it (GET,POST /chat/visitor). */
export interface VisitorChat {
  caseNumber: string | null;
  name: string;
  email: string;
  status: 'open' | 'closed';
  expiresAt: string;
}

/** A message of the visitor's conversation: the visitor's own, an agent's (by display name) or the runtime's. */
export interface VisitorMessage {
  id: string;
  direction: 'in' | 'out';
  from: 'visitor' | 'agent' | 'system';
  authorName: string | null;
  body: string;
  attachments: Array<{ id: string; name: string; size: number; contentType: string }>;
  at: string;
}

/**
 * A client of its own for the visitor's routes: it never sends a signed-in session's token (the
 * visitor's HttpOnly cookie is the only credential, sent by the browser to /api/chat/visitor),
 * and a 401 — an expired chat — ends no session.
 */
const anonymous = new Api(
  () => null,
  () => undefined,
);

/** The anonymous visitor's live chat calls (issue #15 item 3). */
export const visitorApi = {
  /** The chat the visitor's cookie opens, or null. */
  current() {
    return anonymous.request<{ chat: VisitorChat | null }>('GET', '/chat/visitor');
  },
  /** Opens a chat with a name, an e-mail and the first message; the answer sets the cookie. */
  open(name: string, email: string, body: string) {
    return anonymous.request<{ chat: VisitorChat }>('POST', '/chat/visitor', { name, email, body });
  },
  /** The newest 50 messages, newest first. */
  messages() {
    return anonymous.request<{ items: VisitorMessage[]; next: string | null }>(
      'GET',
      '/chat/visitor/messages',
      undefined,
      { order: 'desc', limit: 50 },
    );
  },
  send(body: string) {
    return anonymous.request<VisitorMessage>('POST', '/chat/visitor/messages', { body });
  },
  view() {
    return anonymous.request<ChatView>('GET', '/chat/visitor/state');
  },
  typing() {
    return anonymous.request<void>('POST', '/chat/visitor/typing');
  },
  read() {
    return anonymous.request<void>('POST', '/chat/visitor/read');
  },
  leave() {
    return anonymous.request<{ email: string }>('POST', '/chat/visitor/leave');
  },
};
