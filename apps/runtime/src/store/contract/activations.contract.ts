import { beforeEach, describe, expect, it } from 'vitest';
import type { ActivationRequestRow } from '../activation-store';
import { type Store, StoreConflict } from '../store';
import { T0 } from './fixtures';

const request = (id: string, over: Partial<ActivationRequestRow> = {}): ActivationRequestRow => ({
  id,
  flow: 'repair',
  version: 2,
  status: 'pending',
  note: 'fixes the address step',
  requestedBy: 'olivia',
  requestedAt: T0,
  decidedBy: null,
  decidedAt: null,
  decisionNote: null,
  ...over,
});

/** Contract of activation requests; `current` answers the store of the running test. */
export function activationsContract(current: () => Store): void {
  let store: Store;
  beforeEach(() => {
    store = current();
  });

  describe('activation requests', () => {
    it('keeps one pending request per flow version, and any number of settled ones', async () => {
      expect(await store.activations.create(request('a1'))).toEqual(request('a1'));
      await expect(store.activations.create(request('a2'))).rejects.toBeInstanceOf(StoreConflict);
      await store.activations.create(request('a3', { version: 3, requestedAt: T0 + 1 }));
      await store.activations.create(request('b1', { flow: 'other', requestedAt: T0 + 2 }));
      const settled = await store.activations.decide(
        { id: 'a1' },
        { status: 'rejected', decidedBy: 'admin', decidedAt: T0 + 5, decisionNote: 'not yet' },
      );
      expect(settled).toEqual([
        request('a1', { status: 'rejected', decidedBy: 'admin', decidedAt: T0 + 5, decisionNote: 'not yet' }),
      ]);
      // Rejected: the owner may ask again for the same version.
      await store.activations.create(request('a4', { requestedAt: T0 + 6 }));
      expect((await store.activations.list('repair', 10)).map((r) => r.id)).toEqual(['a4', 'a3', 'a1']);
      expect((await store.activations.list('repair', 1)).map((r) => r.id)).toEqual(['a4']);
      expect((await store.activations.pending(10)).map((r) => r.id)).toEqual(['a3', 'b1', 'a4']);
      expect(await store.activations.get('nope')).toBeNull();
    });

    it('settles the pending requests of a version once, and never a settled one again', async () => {
      await store.activations.create(request('a1'));
      await store.activations.create(request('a2', { version: 3 }));
      const decision = {
        status: 'activated' as const,
        decidedBy: 'admin',
        decidedAt: T0 + 9,
        decisionNote: 'ok',
      };
      expect(await store.activations.decide({ flow: 'repair', version: 2 }, decision)).toEqual([
        request('a1', { status: 'activated', decidedBy: 'admin', decidedAt: T0 + 9, decisionNote: 'ok' }),
      ]);
      expect(await store.activations.decide({ flow: 'repair', version: 2 }, decision)).toEqual([]);
      expect(
        await store.activations.decide(
          { id: 'a1' },
          { ...decision, status: 'rejected', decisionNote: 'late' },
        ),
      ).toEqual([]);
      expect(await store.activations.get('a1')).toMatchObject({ status: 'activated', decisionNote: 'ok' });
      expect(await store.activations.get('a2')).toMatchObject({ status: 'pending' });
    });
  });
}
