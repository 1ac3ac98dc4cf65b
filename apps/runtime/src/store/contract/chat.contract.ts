import { beforeEach, describe, expect, it } from 'vitest';
import type { ChatStateRow } from '../chat-store';
import type { Store } from '../store';
import { T0 } from './fixtures';

const state = (over: Partial<ChatStateRow> = {}): ChatStateRow => ({
  caseId: 'c1',
  username: 'carla',
  party: 'customer',
  typingUntil: T0 + 6000,
  readAt: 0,
  leftAt: 0,
  updatedAt: T0,
  ...over,
});

/** Contract of live chat state; `current` answers the store of the running test. */
export function chatContract(current: () => Store): void {
  let store: Store;
  beforeEach(() => {
    store = current();
  });

  describe('chat states', () => {
    it('keeps one row per case and person, replaced by each put', async () => {
      expect(await store.chat.get('c1', 'carla')).toBeNull();
      await store.chat.put(state());
      await store.chat.put(state({ username: 'lena', party: 'agent', typingUntil: 0, readAt: T0 }));
      await store.chat.put(state({ caseId: 'c2' }));
      await store.chat.put(state({ typingUntil: T0, readAt: T0 + 5, updatedAt: T0 + 5 }));
      expect(await store.chat.get('c1', 'carla')).toEqual(
        state({ typingUntil: T0, readAt: T0 + 5, updatedAt: T0 + 5 }),
      );
      expect((await store.chat.states('c1')).map((s) => [s.username, s.party])).toEqual([
        ['carla', 'customer'],
        ['lena', 'agent'],
      ]);
    });
  });
}
