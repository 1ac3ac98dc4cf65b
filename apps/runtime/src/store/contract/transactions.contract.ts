import { beforeEach, describe, expect, it } from 'vitest';
import type { Store } from '../store';
import { caseRow, T0 } from './fixtures';

/** Contract of transactions; `current` answers the store of the running test. */
export function transactionsContract(current: () => Store): void {
  let store: Store;
  beforeEach(() => {
    store = current();
  });

  describe('transactions', () => {
    it('commits every write of the function together', async () => {
      const out = await store.transaction(async (tx) => {
        await tx.cases.insert(caseRow('k1'));
        await tx.timeline.append('k1', [{ at: T0, type: 'case.started' }]);
        return 'ok';
      });
      expect(out).toBe('ok');
      expect(await store.timeline.list('k1')).toHaveLength(1);
    });

    it('runs parallel calls of one transaction on its connection', async () => {
      await store.transaction(async (tx) => {
        await tx.cases.insert(caseRow('k1'));
        await Promise.all([
          tx.groups.create({ name: 'g1', description: '', createdAt: T0 }),
          tx.groups.create({ name: 'g2', description: '', createdAt: T0 }),
          tx.timeline.append('k1', [{ at: T0, type: 'a' }]),
          tx.timeline.append('k1', [{ at: T0, type: 'b' }]),
        ]);
      });
      expect((await store.groups.list()).map((g) => g.name)).toEqual(['g1', 'g2']);
      expect((await store.timeline.list('k1')).map((e) => e.seq)).toEqual([1, 2]);
    });

    it('joins calls made on the store itself from inside the transaction', async () => {
      await expect(
        store.transaction(async () => {
          await store.cases.insert(caseRow('k1'));
          expect(await store.cases.get('k1')).not.toBeNull();
          throw new Error('undo');
        }),
      ).rejects.toThrow('undo');
      expect(await store.cases.get('k1')).toBeNull();
    });

    it('rolls every write back when the function throws, and rethrows', async () => {
      await expect(
        store.transaction(async (tx) => {
          await tx.cases.insert(caseRow('k1'));
          await tx.timers.schedule({ caseId: 'k1', timerId: 'a', fireAt: T0, purpose: 'p' });
          await tx.outbox.insert({
            id: 'o1',
            caseId: 'k1',
            kind: 'notify',
            idempotencyKey: 'o1',
            payload: {},
            createdAt: T0,
          });
          throw new Error('boom');
        }),
      ).rejects.toThrow('boom');
      expect(await store.cases.get('k1')).toBeNull();
      expect(await store.timers.nextDueAt()).toBeNull();
      expect(await store.outbox.get('o1')).toBeNull();
    });

    it('runs nested calls in the outer transaction; a caught inner failure undoes only the inner part', async () => {
      await store.transaction(async (tx) => {
        await tx.cases.insert(caseRow('k1'));
        await tx
          .transaction(async (inner) => {
            await inner.cases.insert(caseRow('k2'));
            throw new Error('inner');
          })
          .catch(() => undefined);
        await tx.transaction(async (inner) => {
          await inner.cases.insert(caseRow('k3'));
        });
      });
      expect((await store.cases.scan()).map((c) => c.id)).toEqual(['k1', 'k3']);
    });

    it('runs nested transactions started side by side one after another, each undone alone', async () => {
      // Timers and outbox messages of several cases fire side by side; inside a caller's
      // transaction their transactions become savepoints, which must not interleave.
      const nested = (id: string, fail: boolean) =>
        store.transaction(async (inner) => {
          await inner.cases.insert(caseRow(id));
          await new Promise((r) => setTimeout(r, 1));
          await inner.transaction(async (deeper) => deeper.timeline.append(id, [{ at: T0, type: 'a' }]));
          if (fail) throw new Error(`undo ${id}`);
        });
      await store.transaction(async () => {
        const results = await Promise.allSettled([
          nested('k1', false),
          nested('k2', true),
          nested('k3', false),
          nested('k4', true),
          nested('k5', false),
        ]);
        expect(results.map((r) => r.status)).toEqual([
          'fulfilled',
          'rejected',
          'fulfilled',
          'rejected',
          'fulfilled',
        ]);
        await store.cases.insert(caseRow('k6'));
      });
      expect((await store.cases.scan()).map((c) => c.id)).toEqual(['k1', 'k3', 'k5', 'k6']);
      expect(await store.timeline.list('k3')).toHaveLength(1);
      expect(await store.timeline.list('k2')).toHaveLength(0);
    });

    it('isolates concurrent transactions: one revision check loses', async () => {
      await store.cases.insert(caseRow('k1'));
      const bump = (by: string) =>
        store.transaction(async (tx) => {
          const current = await tx.cases.get('k1');
          await new Promise((r) => setTimeout(r, 5));
          return tx.cases.update('k1', current!.revision, { variables: { by }, updatedAt: T0 + 1 });
        });
      const results = await Promise.all([bump('a'), bump('b')]);
      // SQLite serialises whole transactions (both succeed in turn); PostgreSQL lets both read
      // revision 1 and the second writer's check fails. Either way no update is lost.
      const final = await store.cases.get('k1');
      const applied = results.filter((r) => r !== null);
      expect(final!.revision).toBe(1 + applied.length);
      expect(applied.at(-1)!.variables).toEqual(final!.variables);
    });
  });
}
