import { describe, expect, it } from 'vitest';
import type { NewChange, Store } from '../store';
import { T0 } from './fixtures';

const change = (caseId: string, over: Partial<NewChange> = {}): NewChange => ({
  caseId,
  customerId: 'c-1',
  topLevel: true,
  kinds: ['task', 'message'],
  publicKinds: ['message'],
  groups: ['desk'],
  users: ['ann'],
  at: T0,
  ...over,
});

/** Contract of the live streams' change log; `current` answers the store of the running test. */
export function changesContract(current: () => Store): void {
  describe('changes', () => {
    it('reads committed changes in order after a cursor, with their fields', async () => {
      const store = current();
      const start = await store.changes.head();
      expect(await store.changes.oldest()).toBeNull();
      await store.changes.append(change('k1'));
      await store.transaction(async (tx) => {
        await tx.changes.append(change('k2', { topLevel: false, customerId: null, at: T0 + 1 }));
        await tx.changes.append(change('k3', { kinds: ['case'], publicKinds: [], groups: [], users: [] }));
      });
      const all = await store.changes.after(start, 100);
      expect(all.map((c) => c.caseId)).toEqual(['k1', 'k2', 'k3']);
      expect(all[0]).toEqual({ cursor: all[0]!.cursor, ...change('k1') });
      expect(all[1]).toMatchObject({ topLevel: false, customerId: null, at: T0 + 1 });
      expect(await store.changes.head()).toBe(all[2]!.cursor);
      expect(await store.changes.oldest()).toBe(all[0]!.cursor);
      expect((await store.changes.after(all[0]!.cursor, 100)).map((c) => c.caseId)).toEqual(['k2', 'k3']);
      expect((await store.changes.after(all[0]!.cursor, 1)).map((c) => c.caseId)).toEqual(['k2']);
      expect(await store.changes.after(all[2]!.cursor, 100)).toEqual([]);
      // A garbled cursor reads from the start rather than failing.
      expect(await store.changes.after('x.y', 100)).toHaveLength(3);
      expect(await store.changes.after(null, 100)).toHaveLength(3);
    });

    it('shows nothing of a rolled-back write', async () => {
      const store = current();
      const start = await store.changes.head();
      await expect(
        store.transaction(async (tx) => {
          await tx.changes.append(change('gone'));
          throw new Error('boom');
        }),
      ).rejects.toThrow('boom');
      await store.changes.append(change('kept'));
      expect((await store.changes.after(start, 10)).map((c) => c.caseId)).toEqual(['kept']);
    });

    it('does not show a change while its transaction is open', async () => {
      const store = current();
      const start = await store.changes.head();
      let seenInside: string[] = [];
      await store.transaction(async (tx) => {
        await tx.changes.append(change('pending'));
        // On PostgreSQL the reader's own open transaction is not settled yet either.
        seenInside = (await tx.changes.after(start, 10)).map((c) => c.caseId);
      });
      if (store.dialect === 'postgres') expect(seenInside).toEqual([]);
      expect((await store.changes.after(start, 10)).map((c) => c.caseId)).toEqual(['pending']);
    });

    it('holds a later change back while an earlier writer is still open (PostgreSQL)', async () => {
      const store = current();
      // SQLite runs one writer at a time: there is no earlier open writer to wait for.
      if (store.dialect !== 'postgres') return;
      const start = await store.changes.head();
      let release: () => void = () => undefined;
      const gate = new Promise<void>((r) => {
        release = r;
      });
      let inserted: () => void = () => undefined;
      const didInsert = new Promise<void>((r) => {
        inserted = r;
      });
      const first = store.transaction(async (tx) => {
        await tx.changes.append(change('first'));
        inserted();
        await gate;
      });
      await didInsert;
      await store.changes.append(change('second'));
      expect(await store.changes.after(start, 10)).toEqual([]);
      release();
      await first;
      expect((await store.changes.after(start, 10)).map((c) => c.caseId)).toEqual(['first', 'second']);
    });

    it('purges changes older than a time', async () => {
      const store = current();
      await store.changes.append(change('old', { at: T0 }));
      await store.changes.append(change('new', { at: T0 + 10 }));
      expect(await store.changes.purge(T0 + 5)).toBe(1);
      expect((await store.changes.after(null, 10)).map((c) => c.caseId)).toEqual(['new']);
    });
  });
}
