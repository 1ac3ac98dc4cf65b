import type { Page } from '@caseflow/schema';
import { api } from '../auth/session';

/** A group as GET /api/groups answers it. */
export interface Group {
  name: string;
  description: string;
  members: string[];
  createdAt: string;
}

export type OutboxStatus = 'pending' | 'delivered' | 'failed' | 'dead';

/** An outbox message as GET /api/outbox answers it. */
export interface OutboxMessage {
  id: string;
  caseId: string | null;
  kind: 'notify' | 'survey' | 'http' | 'message';
  idempotencyKey: string;
  payload: Record<string, unknown>;
  status: OutboxStatus;
  attempts: number;
  nextAttemptAt: string;
  lastError: string | null;
  createdAt: string;
  deliveredAt: string | null;
}

/** One demo login as GET /api/demo lists it (demo mode only). */
export interface DemoAccount {
  username: string;
  displayName: string | null;
  roles: string[];
  groups: string[];
  password: string | null;
}

/** The admin routes of groups, the outbox and the demo, over the session's API client. */
export const adminApi = {
  listGroups: () => api.request<Page<Group>>('GET', '/groups'),
  createGroup: (body: { name: string; description: string }) => api.request<Group>('POST', '/groups', body),
  updateGroup: (name: string, body: { description?: string; members?: string[] }) =>
    api.request<Group>('PUT', `/groups/${encodeURIComponent(name)}`, body),
  listOutbox: (query: { status?: OutboxStatus; cursor?: string; limit?: number }) =>
    api.request<Page<OutboxMessage>>('GET', '/outbox', undefined, query),
  retryOutbox: (id: string) => api.request<OutboxMessage>('POST', `/outbox/${encodeURIComponent(id)}/retry`),
  demoAccounts: () => api.request<{ demo: true; accounts: DemoAccount[] }>('GET', '/demo'),
};
