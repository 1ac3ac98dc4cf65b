import { beforeEach, describe, expect, it } from 'vitest';
import type { NewOutbox, SlaRow, Store } from '../store';
import { caseRow, T0, taskRow } from './fixtures';

/** Contract of the supervisor overview's aggregates; `current` answers the store of the running test. */
export function supervisionContract(current: () => Store): void {
  let store: Store;
  beforeEach(() => {
    store = current();
  });

  const sla = (caseId: string, over: Partial<SlaRow>): SlaRow => ({
    caseId,
    id: 'resolution',
    scope: 'case',
    taskId: null,
    status: 'running',
    target: 'PT1H',
    calendar: '24x7',
    startedAt: T0,
    dueAt: T0 + 3_600_000,
    elapsedMs: 0,
    updatedAt: T0,
    ...over,
  });
  const notice = (id: string, at: number, payload: Record<string, unknown>): NewOutbox => ({
    id,
    caseId: 'k1',
    kind: 'notify',
    idempotencyKey: `key-${id}`,
    payload,
    createdAt: at,
  });

  describe('supervision', () => {
    beforeEach(async () => {
      for (const id of ['k1', 'k2', 'k3']) await store.cases.insert(caseRow(id));
      // desk/L1: two open (the older at T0+1), one claimed by ann; desk/L2: one claimed by bob;
      // ops without tier: one open; a completed and a cancelled task count nowhere.
      await store.tasks.insert(taskRow('a', 'k1', { group: 'desk', tier: 'L1', createdAt: T0 + 5 }));
      await store.tasks.insert(taskRow('b', 'k1', { group: 'desk', tier: 'L1', createdAt: T0 + 1 }));
      await store.tasks.insert(
        taskRow('c', 'k2', { group: 'desk', tier: 'L1', status: 'claimed', assignee: 'ann', createdAt: T0 }),
      );
      await store.tasks.insert(
        taskRow('d', 'k2', {
          group: 'desk',
          tier: 'L2',
          status: 'claimed',
          assignee: 'bob',
          createdAt: T0 + 2,
        }),
      );
      await store.tasks.insert(taskRow('e', 'k3', { group: 'ops', createdAt: T0 + 3 }));
      await store.tasks.insert(taskRow('f', 'k3', { group: 'ops', status: 'completed', assignee: 'ann' }));
      await store.tasks.insert(taskRow('g', 'k3', { group: 'ops', status: 'cancelled' }));
    });

    it('counts open and claimed tasks per group and tier with the oldest waiting one', async () => {
      expect(await store.supervision.queues()).toEqual([
        { group: 'desk', tier: 'L1', open: 2, claimed: 1, oldestOpenAt: T0 + 1 },
        { group: 'desk', tier: 'L2', open: 0, claimed: 1, oldestOpenAt: null },
        { group: 'ops', tier: null, open: 1, claimed: 0, oldestOpenAt: T0 + 3 },
      ]);
    });

    it('counts claimed work per assignee', async () => {
      expect(await store.supervision.load()).toEqual([
        { assignee: 'ann', claimed: 1 },
        { assignee: 'bob', claimed: 1 },
      ]);
    });

    it("finds live tasks whose own clock or whose case's clock warns or breached", async () => {
      // k1: case clock warning → a and b; k2: d's own clock breached, c's own clock running;
      // k3: e's clock met, and the completed f's breach does not count.
      await store.slas.upsert(sla('k1', { status: 'warning' }));
      await store.slas.upsert(sla('k2', { id: 'td', scope: 'task', taskId: 'd', status: 'breached' }));
      await store.slas.upsert(sla('k2', { id: 'tc', scope: 'task', taskId: 'c', status: 'running' }));
      await store.slas.upsert(sla('k3', { id: 'te', scope: 'task', taskId: 'e', status: 'met' }));
      await store.slas.upsert(sla('k3', { id: 'tf', scope: 'task', taskId: 'f', status: 'breached' }));
      expect((await store.supervision.atRisk(10)).map((t) => t.id)).toEqual(['b', 'd', 'a']);
      expect((await store.supervision.atRisk(1)).map((t) => t.id)).toEqual(['b']);
    });

    it('counts cases opened and closed and tasks completed per group since a time', async () => {
      await store.timeline.append('k1', [
        { at: T0 - 1, type: 'case.opened' },
        { at: T0 - 1, type: 'task.completed', data: { group: 'desk' } },
      ]);
      await store.timeline.append('k2', [
        { at: T0, type: 'case.opened' },
        { at: T0 + 1, type: 'task.completed', data: { taskId: 'x', group: 'desk' } },
        { at: T0 + 2, type: 'task.completed', data: { taskId: 'y', group: 'ops' } },
        { at: T0 + 3, type: 'task.completed', data: { taskId: 'z', group: 'desk' } },
        { at: T0 + 4, type: 'case.closed', data: { outcome: 'resolved' } },
      ]);
      await store.timeline.append('k3', [{ at: T0 + 5, type: 'task.completed', data: { taskId: 'w' } }]);
      expect(await store.supervision.throughput(T0)).toEqual({
        casesOpened: 1,
        casesClosed: 1,
        completedByGroup: [
          { group: null, completed: 1 },
          { group: 'desk', completed: 2 },
          { group: 'ops', completed: 1 },
        ],
      });
      expect(await store.supervision.throughput(T0 + 10)).toEqual({
        casesOpened: 0,
        casesClosed: 0,
        completedByGroup: [],
      });
    });

    it('lists breach notifications newest first, to one recipient or to anyone', async () => {
      const to = (...names: string[]) => names.map((username) => ({ kind: 'user', username, locale: null }));
      await store.outbox.insert(notice('o1', T0, { template: 'sla-breached', recipients: to('sam', 'ann') }));
      await store.outbox.insert(notice('o2', T0 + 1, { template: 'sla-breached', recipients: to('ann') }));
      await store.outbox.insert(notice('o3', T0 + 2, { template: 'case-opened', recipients: to('sam') }));
      await store.outbox.insert(notice('o4', T0 + 3, { template: 'sla-breached', recipients: to('sam') }));
      await store.outbox.insert({ ...notice('o5', T0 + 4, { template: 'sla-breached' }), kind: 'http' });
      const sam = await store.supervision.breachNotices('sam', 10);
      expect(sam.map((o) => o.id)).toEqual(['o4', 'o1']);
      expect(sam[0]).toMatchObject({ caseId: 'k1', kind: 'notify', status: 'pending' });
      expect(sam[0]).not.toHaveProperty('claim');
      expect((await store.supervision.breachNotices(null, 10)).map((o) => o.id)).toEqual(['o4', 'o2', 'o1']);
      expect((await store.supervision.breachNotices(null, 1)).map((o) => o.id)).toEqual(['o4']);
      expect(await store.supervision.breachNotices('nobody', 10)).toEqual([]);
    });
  });
}
