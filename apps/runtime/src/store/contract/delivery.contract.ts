import { beforeEach, describe, expect, it } from 'vitest';
import type { Store } from '../store';
import { T0 } from './fixtures';

/** Contract of the outbox, timers and idempotency keys; `current` answers the store of the running test. */
export function deliveryContract(current: () => Store): void {
  let store: Store;
  beforeEach(() => {
    store = current();
  });

  describe('outbox', () => {
    const row = (
      id: string,
      createdAt = T0,
      over: { caseId?: string | null; nextAttemptAt?: number } = {},
    ) => ({
      id,
      caseId: 'k1',
      kind: 'http' as const,
      idempotencyKey: `key-${id}`,
      payload: { url: 'https://example.com', id },
      createdAt,
      ...over,
    });

    it('ignores a second row with the same idempotency key', async () => {
      const a = await store.outbox.insert(row('o1'));
      expect(a).toMatchObject({
        status: 'pending',
        attempts: 0,
        nextAttemptAt: T0,
        lastError: null,
        deliveredAt: null,
      });
      const again = await store.outbox.insert({ ...row('o2'), idempotencyKey: 'key-o1' });
      expect(again).toEqual(a);
      expect(await store.outbox.get('o2')).toBeNull();
      expect(await store.outbox.get('o1')).toEqual(a);
    });

    it('claims due rows oldest first and moves them out of the due range for the lease', async () => {
      await store.outbox.insert(row('o1', T0, { nextAttemptAt: T0 + 10 }));
      await store.outbox.insert(row('o2', T0 + 1));
      await store.outbox.insert(row('o3', T0 + 2));
      await store.outbox.insert(row('o4', T0 + 3, { nextAttemptAt: T0 + 1000 }));
      expect(await store.outbox.nextDueAt()).toBe(T0 + 1);
      const claimed = await store.outbox.claimDue(T0 + 100, 2, 30_000);
      expect(claimed.map((r) => r.id)).toEqual(['o2', 'o3']);
      expect(claimed[0]).toMatchObject({ attempts: 1, nextAttemptAt: T0 + 30_100 });
      expect(typeof claimed[0]!.claim).toBe('string');
      expect(claimed[0]).not.toHaveProperty('claim', null);
      expect((await store.outbox.claimDue(T0 + 100, 10, 30_000)).map((r) => r.id)).toEqual(['o1']);
      expect(await store.outbox.claimDue(T0 + 100, 10, 30_000)).toEqual([]);
      expect(await store.outbox.get('o2')).not.toHaveProperty('claim');
    });

    it('settles a claim once and refuses a lost claim', async () => {
      await store.outbox.insert(row('o1'));
      const [first] = await store.outbox.claimDue(T0, 1, 1000);
      // The lease expires and another dispatcher takes the row.
      const [second] = await store.outbox.claimDue(T0 + 2000, 1, 1000);
      expect(second?.id).toBe('o1');
      expect(second?.claim).not.toBe(first?.claim);
      expect(await store.outbox.markDelivered('o1', first!.claim, T0 + 2500)).toBe(false);
      expect(await store.outbox.markDelivered('o1', second!.claim, T0 + 2500)).toBe(true);
      expect(await store.outbox.get('o1')).toMatchObject({
        status: 'delivered',
        deliveredAt: T0 + 2500,
        attempts: 2,
      });
      expect(await store.outbox.markDelivered('o1', second!.claim, T0 + 2600)).toBe(false);
      expect(await store.outbox.nextDueAt()).toBeNull();
    });

    it('retries failed rows at nextAttemptAt and stops at dead', async () => {
      await store.outbox.insert(row('o1'));
      const [c1] = await store.outbox.claimDue(T0, 1, 1000);
      expect(await store.outbox.markFailed('o1', c1!.claim, 'HTTP 503', T0 + 60_000)).toBe(true);
      expect(await store.outbox.get('o1')).toMatchObject({
        status: 'failed',
        lastError: 'HTTP 503',
        nextAttemptAt: T0 + 60_000,
      });
      expect(await store.outbox.claimDue(T0 + 59_999, 5, 1000)).toEqual([]);
      const [c2] = await store.outbox.claimDue(T0 + 60_000, 5, 1000);
      expect(c2).toMatchObject({ id: 'o1', attempts: 2, status: 'failed' });
      expect(await store.outbox.markDead('o1', c2!.claim, 'gave up')).toBe(true);
      expect(await store.outbox.get('o1')).toMatchObject({ status: 'dead', lastError: 'gave up' });
      expect(await store.outbox.claimDue(T0 + 10_000_000, 5, 1000)).toEqual([]);
    });

    it('lists newest first with filters and cursors', async () => {
      for (let i = 1; i <= 5; i++)
        await store.outbox.insert(row(`o${i}`, T0 + i, { caseId: i === 5 ? 'k2' : 'k1' }));
      const [c] = await store.outbox.claimDue(T0 + 100, 1, 10);
      await store.outbox.markDelivered(c!.id, c!.claim, T0 + 101);
      const first = await store.outbox.list({ caseId: 'k1', limit: 2 });
      expect(first.items.map((r) => r.id)).toEqual(['o4', 'o3']);
      const second = await store.outbox.list({ caseId: 'k1', limit: 2, cursor: first.next });
      expect(second.items.map((r) => r.id)).toEqual(['o2', 'o1']);
      expect(second.next).toBeNull();
      expect((await store.outbox.list({ status: 'delivered' })).items.map((r) => r.id)).toEqual([c!.id]);
      expect((await store.outbox.list()).items).toHaveLength(5);
    });
  });

  describe('timers', () => {
    it('schedules, moves and cancels timers', async () => {
      const t = await store.timers.schedule({
        caseId: 'k1',
        timerId: 'tm1',
        fireAt: T0 + 100,
        purpose: 'sla',
      });
      expect(t).toEqual({ id: 'k1:tm1', caseId: 'k1', timerId: 'tm1', fireAt: T0 + 100, purpose: 'sla' });
      await store.timers.schedule({ caseId: 'k1', timerId: 'tm1', fireAt: T0 + 50, purpose: 'sla' });
      await store.timers.schedule({ caseId: 'k1', timerId: 'tm2', fireAt: T0 + 70, purpose: 'wait' });
      await store.timers.schedule({ caseId: 'k2', timerId: 'tm1', fireAt: T0 + 10, purpose: 'wait' });
      expect((await store.timers.listByCase('k1')).map((x) => [x.timerId, x.fireAt])).toEqual([
        ['tm1', T0 + 50],
        ['tm2', T0 + 70],
      ]);
      expect(await store.timers.nextDueAt()).toBe(T0 + 10);
      expect(await store.timers.cancel('k2', 'tm1')).toBe(true);
      expect(await store.timers.cancel('k2', 'tm1')).toBe(false);
      expect(await store.timers.nextDueAt()).toBe(T0 + 50);
      expect(await store.timers.cancelAllForCase('k1')).toBe(2);
      expect(await store.timers.nextDueAt()).toBeNull();
    });

    it('applies buffered schedules and cancels as if one by one, the last change winning', async () => {
      await store.timers.schedule({ caseId: 'k1', timerId: 'old', fireAt: T0 + 5, purpose: 'sla' });
      await store.timers.schedule({ caseId: 'k1', timerId: 'moved', fireAt: T0 + 6, purpose: 'sla' });
      await store.timers.apply([]);
      await store.timers.apply([
        { op: 'cancel', caseId: 'k1', timerId: 'old' },
        { op: 'schedule', timer: { caseId: 'k1', timerId: 'new', fireAt: T0 + 30, purpose: 'wait' } },
        { op: 'schedule', timer: { caseId: 'k1', timerId: 'gone', fireAt: T0 + 40, purpose: 'wait' } },
        { op: 'cancel', caseId: 'k1', timerId: 'gone' },
        { op: 'cancel', caseId: 'k1', timerId: 'back' },
        { op: 'schedule', timer: { caseId: 'k1', timerId: 'back', fireAt: T0 + 20, purpose: 'sla' } },
        { op: 'schedule', timer: { caseId: 'k1', timerId: 'moved', fireAt: T0 + 60, purpose: 'timer' } },
        { op: 'cancel', caseId: 'k1', timerId: 'never-there' },
      ]);
      expect((await store.timers.listByCase('k1')).map((x) => [x.timerId, x.fireAt, x.purpose])).toEqual([
        ['back', T0 + 20, 'sla'],
        ['new', T0 + 30, 'wait'],
        ['moved', T0 + 60, 'timer'],
      ]);
      // A moved timer is claimable again at its new time.
      expect((await store.timers.claimDue(T0 + 60, 10, 1000)).map((x) => [x.timerId, x.dueAt])).toEqual([
        ['back', T0 + 20],
        ['new', T0 + 30],
        ['moved', T0 + 60],
      ]);
    });

    it('claims due timers in due order and leases them out of the due range', async () => {
      for (const [id, at] of [
        ['c', 30],
        ['a', 10],
        ['b', 20],
        ['d', 500],
      ] as const) {
        await store.timers.schedule({ caseId: 'k1', timerId: id, fireAt: T0 + at, purpose: 'p' });
      }
      const first = await store.timers.claimDue(T0 + 100, 2, 1000);
      expect(first.map((x) => [x.timerId, x.dueAt])).toEqual([
        ['a', T0 + 10],
        ['b', T0 + 20],
      ]);
      expect(first[0]!.fireAt).toBe(T0 + 1100);
      const rest = await store.timers.claimDue(T0 + 100, 10, 1000);
      expect(rest.map((x) => x.timerId)).toEqual(['c']);
      expect(await store.timers.claimDue(T0 + 100, 10, 1000)).toEqual([]);
      expect(await store.timers.nextDueAt()).toBe(T0 + 500);

      expect(await store.timers.complete(first[0]!.id, first[0]!.claim)).toBe(true);
      // b's lease expires unfinished: it is due again, and the old claim is lost.
      const again = await store.timers.claimDue(T0 + 1200, 10, 1000);
      expect(again.map((x) => [x.timerId, x.dueAt])).toEqual([
        ['b', T0 + 20],
        ['c', T0 + 30],
        ['d', T0 + 500],
      ]);
      expect(await store.timers.complete(first[1]!.id, first[1]!.claim)).toBe(false);
      expect(await store.timers.complete(again[0]!.id, again[0]!.claim)).toBe(true);
    });

    it('drops a claim when the timer is moved meanwhile', async () => {
      await store.timers.schedule({ caseId: 'k1', timerId: 'a', fireAt: T0, purpose: 'p' });
      const [c] = await store.timers.claimDue(T0, 1, 1000);
      await store.timers.schedule({ caseId: 'k1', timerId: 'a', fireAt: T0 + 5000, purpose: 'p' });
      expect(await store.timers.complete(c!.id, c!.claim)).toBe(false);
      expect(await store.timers.listByCase('k1')).toEqual([
        { id: 'k1:a', caseId: 'k1', timerId: 'a', fireAt: T0 + 5000, purpose: 'p' },
      ]);
    });
  });

  describe('idempotency', () => {
    it('keeps the first writer and purges old rows', async () => {
      const r = {
        userId: 'ann',
        key: 'k',
        requestHash: 'h',
        status: 201,
        body: { id: 'x' },
        createdAt: T0,
      };
      expect(await store.idempotency.put(r)).toBe(true);
      expect(await store.idempotency.put({ ...r, requestHash: 'other' })).toBe(false);
      expect(await store.idempotency.put({ ...r, userId: 'bob', createdAt: T0 + 10 })).toBe(true);
      expect(await store.idempotency.get('ann', 'k')).toEqual(r);
      expect(await store.idempotency.get('ann', 'zz')).toBeNull();
      expect(await store.idempotency.purge(T0 + 5)).toBe(1);
      expect(await store.idempotency.get('ann', 'k')).toBeNull();
      expect(await store.idempotency.get('bob', 'k')).not.toBeNull();
    });
  });
}
