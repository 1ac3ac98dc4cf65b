import { beforeEach, describe, expect, it } from 'vitest';
import type { NewIncident, Store } from '../store';
import { T0 } from './fixtures';

/** Contract of incidents; `current` answers the store of the running test. */
export function incidentsContract(current: () => Store): void {
  let store: Store;
  beforeEach(() => {
    store = current();
  });

  const incident = (id: string, over: Partial<NewIncident> = {}): NewIncident => ({
    id,
    caseId: 'k1',
    nodeId: 'decide',
    kind: 'expression',
    message: 'over budget',
    source: { key: 'timer:k1:t1', type: 'timer', timerId: 't1' },
    at: T0,
    ...over,
  });
  const record = (i: NewIncident) => store.transaction((tx) => tx.incidents.record(i));

  describe('incidents', () => {
    it('opens an incident with one attempt and reads it back', async () => {
      const row = await record(incident('i1'));
      expect(row).toEqual({
        id: 'i1',
        caseId: 'k1',
        nodeId: 'decide',
        kind: 'expression',
        message: 'over budget',
        source: { key: 'timer:k1:t1', type: 'timer', timerId: 't1' },
        status: 'open',
        attempts: 1,
        createdAt: T0,
        updatedAt: T0,
        resolvedAt: null,
        resolvedBy: null,
        note: null,
      });
      expect(await store.incidents.get('i1')).toEqual(row);
      expect(await store.incidents.get('nope')).toBeNull();
    });

    it('adds attempts to the open incident of the same case and source instead of a new row', async () => {
      await record(incident('i1'));
      const again = await record(incident('i2', { at: T0 + 5, message: 'still over', kind: 'timer' }));
      expect(again).toMatchObject({
        id: 'i1',
        attempts: 2,
        message: 'still over',
        kind: 'timer',
        updatedAt: T0 + 5,
      });
      expect(again.createdAt).toBe(T0);
      expect(await store.incidents.get('i2')).toBeNull();
      // Another source, or the same source on another case, is another incident.
      await record(incident('i3', { source: { key: 'timer:k1:t2', type: 'timer' } }));
      await record(incident('i4', { caseId: 'k2' }));
      expect((await store.incidents.list()).items.map((i) => i.id).sort()).toEqual(['i1', 'i3', 'i4']);
    });

    it('matches incidents without a case among themselves (a case that failed to open)', async () => {
      const src = { key: 'command:openCase:abc', type: 'command' };
      await record(incident('n1', { caseId: null, source: src }));
      const again = await record(incident('n2', { caseId: null, source: src }));
      expect(again).toMatchObject({ id: 'n1', caseId: null, attempts: 2 });
    });

    it('resolves an open incident once; a new failure of the source then opens a new one', async () => {
      await record(incident('i1'));
      const resolved = await store.incidents.resolve('i1', 'admin', 'fixed the flow', T0 + 10);
      expect(resolved).toMatchObject({
        status: 'resolved',
        resolvedAt: T0 + 10,
        resolvedBy: 'admin',
        note: 'fixed the flow',
        updatedAt: T0 + 10,
      });
      expect(await store.incidents.resolve('i1', 'admin', 'again', T0 + 11)).toBeNull();
      expect(await store.incidents.resolve('nope', 'admin', 'x', T0)).toBeNull();
      const next = await record(incident('i2', { at: T0 + 20 }));
      expect(next).toMatchObject({ id: 'i2', attempts: 1, status: 'open' });
    });

    it('lists newest first, filtered by status and case, in pages', async () => {
      for (let n = 0; n < 5; n++) {
        await record(
          incident(`i${n}`, {
            at: T0 + n,
            caseId: n % 2 ? 'k2' : 'k1',
            source: { key: `s${n}`, type: 'command' },
          }),
        );
      }
      await store.incidents.resolve('i4', 'admin', 'done', T0 + 9);
      const first = await store.incidents.list({ limit: 2 });
      expect(first.items.map((i) => i.id)).toEqual(['i4', 'i3']);
      const second = await store.incidents.list({ limit: 2, cursor: first.next });
      expect(second.items.map((i) => i.id)).toEqual(['i2', 'i1']);
      const third = await store.incidents.list({ limit: 2, cursor: second.next });
      expect(third).toEqual({ items: [expect.objectContaining({ id: 'i0' })], next: null });
      expect((await store.incidents.list({ status: 'open' })).items.map((i) => i.id)).toEqual([
        'i3',
        'i2',
        'i1',
        'i0',
      ]);
      expect((await store.incidents.list({ status: 'resolved' })).items.map((i) => i.id)).toEqual(['i4']);
      expect((await store.incidents.list({ caseId: 'k2' })).items.map((i) => i.id)).toEqual(['i3', 'i1']);
      expect((await store.incidents.openByCase('k1')).map((i) => i.id)).toEqual(['i0', 'i2']);
    });

    it('takes a parked (dead) outbox row back for one attempt, and nothing else', async () => {
      const row = (id: string) => ({
        id,
        caseId: 'k1',
        kind: 'notify' as const,
        idempotencyKey: `key-${id}`,
        payload: {},
        createdAt: T0,
      });
      await store.outbox.insert(row('o1'));
      await store.outbox.insert(row('o2'));
      const [claimed] = await store.outbox.claimDue(T0, 1, 1000);
      expect(await store.outbox.markDead('o1', claimed!.claim, 'incident i1')).toBe(true);
      expect(await store.outbox.reclaim('o2', T0, 1000)).toBeNull(); // pending: the loop's
      expect(await store.outbox.reclaim('nope', T0, 1000)).toBeNull();
      const back = await store.outbox.reclaim('o1', T0 + 50, 1000);
      expect(back).toMatchObject({ id: 'o1', status: 'failed', attempts: 2, nextAttemptAt: T0 + 1050 });
      expect(await store.outbox.markDelivered('o1', back!.claim, T0 + 60)).toBe(true);
      expect(await store.outbox.reclaim('o1', T0 + 70, 1000)).toBeNull();
    });

    it('keeps nothing of an incident recorded in a transaction that rolls back', async () => {
      await expect(
        store.transaction(async (tx) => {
          await tx.incidents.record(incident('i1'));
          throw new Error('rollback');
        }),
      ).rejects.toThrow('rollback');
      expect(await store.incidents.get('i1')).toBeNull();
    });
  });
}
