import { beforeEach, describe, expect, it } from 'vitest';
import type { ChatVisitorRow } from '../chat-visitor-store';
import type { Store } from '../store';
import { T0 } from './fixtures';

const visitor = (over: Partial<ChatVisitorRow> = {}): ChatVisitorRow => ({
  id: 'v-1',
  tokenHash: 'a'.repeat(64),
  caseId: 'k1',
  customerId: 'c-1',
  name: 'Vera',
  email: 'vera@example.com',
  createdAt: T0,
  expiresAt: T0 + 60_000,
  ...over,
});

/** Contract of anonymous visitors' chats; `current` answers the store of the running test. */
export function chatVisitorsContract(current: () => Store): void {
  let store: Store;
  beforeEach(() => {
    store = current();
  });

  describe('chat visitors', () => {
    it('finds a visitor by token hash, id and case; lists which cases visitors opened', async () => {
      await store.chatVisitors.insert(visitor());
      await store.chatVisitors.insert(visitor({ id: 'v-2', tokenHash: 'b'.repeat(64), caseId: 'k2' }));
      expect(await store.chatVisitors.byTokenHash('a'.repeat(64))).toEqual(visitor());
      expect(await store.chatVisitors.byTokenHash('c'.repeat(64))).toBeNull();
      expect(await store.chatVisitors.get('v-2')).toMatchObject({ caseId: 'k2' });
      expect(await store.chatVisitors.byCase('k1')).toMatchObject({ id: 'v-1' });
      expect(await store.chatVisitors.byCase('k3')).toBeNull();
      expect((await store.chatVisitors.visitorCases(['k2', 'k3', 'k1'])).sort()).toEqual(['k1', 'k2']);
      expect(await store.chatVisitors.visitorCases([])).toEqual([]);
    });

    it('refuses a second visitor with the same id or token hash', async () => {
      await store.chatVisitors.insert(visitor());
      await expect(store.chatVisitors.insert(visitor({ tokenHash: 'b'.repeat(64) }))).rejects.toThrow();
      await expect(store.chatVisitors.insert(visitor({ id: 'v-9' }))).rejects.toThrow();
    });
  });
}
