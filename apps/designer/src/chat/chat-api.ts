import { api } from '../auth/session';

/** What one side of a chat sees of the other (GET /cases/:id/chat). */
export interface ChatView {
  typing: Array<{ party: 'customer' | 'agent'; name: string }>;
  otherReadAt: string | null;
  /** Staff only: the anonymous visitor who opened the chat, as typed (unverified); null otherwise. */
  visitor?: { name: string; email: string } | null;
}

const casePath = (id: string) => `/cases/${encodeURIComponent(id)}`;

/** Live chat's calls (DESIGN §10), on the app's one API client. */
export const chatApi = {
  /** The signed-in customer's open chat, if any. */
  current() {
    return api.request<{ caseId: string | null }>('GET', '/chat');
  },
  /** Sends a customer's chat message: continues their open chat or opens one. */
  send(body: string) {
    return api.request<{ caseId: string }>('POST', '/chat', { body });
  },
  /** The customer leaves: the conversation continues by e-mail on the same case. */
  leave(caseId: string) {
    return api.request<{ email: string | null }>('POST', `${casePath(caseId)}/chat/leave`);
  },
  /** The newest 50 messages, newest first, in the screens' form. */
  messages(caseId: string) {
    return api.listMessages(caseId, { order: 'desc', limit: 50 });
  },
  view(caseId: string) {
    return api.request<ChatView>('GET', `${casePath(caseId)}/chat`);
  },
  typing(caseId: string) {
    return api.request<void>('POST', `${casePath(caseId)}/chat/typing`);
  },
  read(caseId: string) {
    return api.request<void>('POST', `${casePath(caseId)}/chat/read`);
  },
};
