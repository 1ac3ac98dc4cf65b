import { beforeEach, describe, expect, it } from 'vitest';
import type { Store } from '../store';
import { caseRow, T0 } from './fixtures';

/**
 * Contract of group commit (store/group-commit.ts): transactions started together commit
 * together, each in a savepoint of its own; `current` answers the store of the running test.
 */
export function groupCommitContract(current: () => Store): void {
  let store: Store;
  beforeEach(() => {
    store = current();
  });

  const ids = (n: number) => Array.from({ length: n }, (_, i) => `g${i}`);

  describe('group commit', () => {
    it('rolls back a failing transaction alone: the others started with it commit', async () => {
      const results = await Promise.allSettled(
        ids(8).map((id, i) =>
          store.transaction(async (tx) => {
            await tx.cases.insert(caseRow(id));
            await tx.timeline.append(id, [{ at: T0, type: 'case.opened' }]);
            if (i === 0 || i === 5) throw new Error(`event ${i} fails`);
            return id;
          }),
        ),
      );
      expect(results.map((r) => r.status)).toEqual([
        'rejected',
        'fulfilled',
        'fulfilled',
        'fulfilled',
        'fulfilled',
        'rejected',
        'fulfilled',
        'fulfilled',
      ]);
      expect((results[5] as PromiseRejectedResult).reason).toEqual(new Error('event 5 fails'));
      const stored = (await store.cases.scan()).map((c) => c.id).sort();
      expect(stored).toEqual(['g1', 'g2', 'g3', 'g4', 'g6', 'g7']);
      expect(await store.timeline.list('g5')).toEqual([]);
      expect(await store.timeline.list('g6')).toHaveLength(1);
    });

    it('keeps a failed transaction’s caught inner savepoint and its siblings apart', async () => {
      const results = await Promise.allSettled([
        store.transaction(async (tx) => {
          await tx.cases.insert(caseRow('a'));
          await tx
            .transaction(async (inner) => {
              await inner.cases.insert(caseRow('a-inner'));
              throw new Error('inner');
            })
            .catch(() => undefined);
          await tx.transaction(async (inner) => inner.cases.insert(caseRow('a-kept')));
        }),
        store.transaction(async (tx) => {
          await tx.cases.insert(caseRow('b'));
          await tx.transaction(async (inner) => inner.cases.insert(caseRow('b-inner')));
          throw new Error('b fails after its inner part');
        }),
        store.transaction(async (tx) => tx.cases.insert(caseRow('c'))),
      ]);
      expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
      expect((await store.cases.scan()).map((c) => c.id).sort()).toEqual(['a', 'a-kept', 'c']);
    });

    it('turns a unique violation into a failure of that transaction only', async () => {
      await store.cases.insert(caseRow('dup'));
      const results = await Promise.allSettled([
        store.transaction(async (tx) => tx.cases.insert(caseRow('x1'))),
        store.transaction(async (tx) => {
          await tx.cases.insert(caseRow('x2'));
          return tx.cases.insert(caseRow('dup'));
        }),
        store.transaction(async (tx) => tx.cases.insert(caseRow('x3'))),
      ]);
      expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
      expect((await store.cases.scan()).map((c) => c.id).sort()).toEqual(['dup', 'x1', 'x3']);
    });

    it('runs transactions on one case in the order they were started, each seeing the ones before', async () => {
      await store.cases.insert(caseRow('k'));
      const bump = (by: number) =>
        store.transaction(async (tx) => {
          const seen = await tx.cases.get('k');
          const updated = await tx.cases.update('k', seen!.revision, {
            variables: { by, after: seen!.variables.by ?? null },
            updatedAt: T0 + by,
          });
          return updated ? { by, read: seen!.revision } : null;
        });
      const results = await Promise.all(Array.from({ length: 12 }, (_, i) => bump(i)));
      const applied = results.filter((r) => r !== null);
      // One connection at a time (SQLite) applies every one in the order started. Where batches
      // run side by side (PostgreSQL lanes), a later one may commit first and an earlier one's
      // revision check then fails (the executor retries it): nothing is lost either way.
      if (store.dialect === 'sqlite') {
        expect(applied.map((r) => r.by)).toEqual(Array.from({ length: 12 }, (_, i) => i));
      }
      // Each applied one saw the revision the one before it wrote (in commit order, which on
      // PostgreSQL need not be the order started).
      expect(applied.map((r) => r.read).sort((a, b) => a - b)).toEqual(applied.map((_, i) => 1 + i));
      const final = await store.cases.get('k');
      expect(final!.revision).toBe(1 + applied.length);
      // The last committed is the one that read the highest revision (on PostgreSQL an earlier
      // start may read after a later one committed, and commit after it).
      const last = applied.reduce((a, b) => (b.read > a.read ? b : a));
      expect(final!.variables.by).toBe(last.by);
    });

    it('answers a transaction only when its writes are committed: a read outside it sees them', async () => {
      const seenAtAnswer: boolean[] = [];
      await Promise.all(
        ids(6).map((id) =>
          store
            .transaction(async (tx) => tx.cases.insert(caseRow(id)))
            .then(async () => {
              seenAtAnswer.push((await store.cases.get(id)) !== null);
            }),
        ),
      );
      expect(seenAtAnswer).toEqual([true, true, true, true, true, true]);
    });

    it('serves reads outside transactions while transactions queue, and commits many in a burst', async () => {
      await Promise.all(
        Array.from({ length: 300 }, (_, i) =>
          i % 3 === 0
            ? store.cases.get('none')
            : store.transaction(async (tx) => tx.cases.insert(caseRow(`burst${i}`))),
        ),
      );
      expect((await store.cases.scan()).length).toBe(200);
    });
  });
}
