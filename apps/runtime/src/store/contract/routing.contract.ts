import { beforeEach, describe, expect, it } from 'vitest';
import type { AgentProfileRow, GroupRoutingRow, RoutedTaskRow } from '../routing-store';
import type { Store } from '../store';
import { T0 } from './fixtures';

const profile = (over: Partial<AgentProfileRow> = {}): AgentProfileRow => ({
  username: 'lena',
  presence: 'online',
  presenceAt: T0,
  skills: [{ name: 'portuguese', level: 3 }],
  capacity: { task: 4, chat: 2, email: 8 },
  calendar: 'business',
  outOfOffice: [{ from: '2026-02-02T00:00:00Z', to: '2026-02-07T00:00:00Z' }],
  lastOfferedAt: null,
  updatedAt: T0,
  ...over,
});

const routed = (taskId: string, over: Partial<RoutedTaskRow> = {}): RoutedTaskRow => ({
  taskId,
  caseId: `case-${taskId}`,
  group: 'service-desk',
  work: 'task',
  requires: [{ name: 'portuguese', level: 2 }],
  dueAt: null,
  priorityRank: 2,
  enteredAt: T0,
  state: 'waiting',
  agent: null,
  offeredAt: null,
  declinedBy: [],
  overflowedFrom: null,
  updatedAt: T0,
  ...over,
});

/** Contract of routing profiles, the presence log, group settings and routed tasks. */
export function routingContract(current: () => Store): void {
  let store: Store;
  beforeEach(() => {
    store = current();
  });

  describe('routing', () => {
    it('saves, replaces and reads agent profiles with JSON parsed', async () => {
      expect(await store.routing.profile('lena')).toBeNull();
      expect(await store.routing.saveProfile(profile())).toEqual(profile());
      const moved = profile({ presence: 'away', capacity: null, calendar: null, lastOfferedAt: T0 + 5 });
      expect(await store.routing.saveProfile(moved)).toEqual(moved);
      await store.routing.saveProfile(profile({ username: 'abel', skills: [] }));
      expect(await store.routing.profile('lena')).toEqual(moved);
      expect((await store.routing.profiles()).map((p) => p.username)).toEqual(['abel', 'lena']);
      expect((await store.routing.profiles(['lena', 'ghost'])).map((p) => p.username)).toEqual(['lena']);
      expect(await store.routing.profiles([])).toEqual([]);
      expect(await store.transaction((tx) => tx.routing.lockProfile('lena'))).toEqual(moved);
      expect(
        await store.transaction(async (tx) => [
          await tx.routing.lockProfileToOffer('lena'),
          await tx.routing.lockProfileToOffer('abel'),
          await tx.routing.lockProfileToOffer('zed'),
        ]),
      ).toEqual([moved, profile({ username: 'abel', skills: [] }), null]);
      expect(
        await store.transaction(async (tx) => [
          await tx.routing.lockProfileInOrder('lena'),
          await tx.routing.lockProfileInOrder('abel'),
          await tx.routing.lockProfileInOrder('zed'),
        ]),
      ).toEqual([moved, profile({ username: 'abel', skills: [] }), null]);
    });

    it('appends presence changes and reads them oldest first, by user and time range', async () => {
      await store.routing.appendPresence({ username: 'lena', at: T0 + 10, status: 'away', by: 'lena' });
      await store.routing.appendPresence({ username: 'lena', at: T0, status: 'online', by: 'sam' });
      await store.routing.appendPresence({ username: 'nora', at: T0 + 5, status: 'online', by: 'nora' });
      expect((await store.routing.presenceLog()).map((e) => [e.username, e.at])).toEqual([
        ['lena', T0],
        ['nora', T0 + 5],
        ['lena', T0 + 10],
      ]);
      expect(await store.routing.presenceLog({ username: 'lena', from: T0 + 1, to: T0 + 11 })).toEqual([
        { username: 'lena', at: T0 + 10, status: 'away', by: 'lena' },
      ]);
      expect(await store.routing.presenceLog({ limit: 1 })).toHaveLength(1);
    });

    it('saves and replaces group routing settings', async () => {
      const row: GroupRoutingRow = {
        group: 'service-desk',
        mode: 'round-robin',
        offerTimeout: 'PT2M',
        overflow: { to: 'card-ops', afterWait: 'PT10M' },
        paused: false,
        updatedAt: T0,
        updatedBy: 'admin',
      };
      expect(await store.routing.saveGroupRouting(row)).toEqual(row);
      const next = { ...row, mode: 'manual' as const, offerTimeout: null, overflow: null, paused: true };
      expect(await store.routing.saveGroupRouting(next)).toEqual(next);
      expect(await store.routing.groupRouting('service-desk')).toEqual(next);
      expect(await store.routing.groupRouting('fraud')).toBeNull();
      expect(await store.routing.groupRoutings()).toEqual([next]);
    });

    it('keeps routed tasks in queue order and moves each from one state exactly once', async () => {
      await store.routing.insertTask(routed('late', { enteredAt: T0 + 10 }));
      await store.routing.insertTask(routed('urgent', { dueAt: T0 + 60_000, enteredAt: T0 + 20 }));
      await store.routing.insertTask(routed('critical', { priorityRank: 0, enteredAt: T0 + 30 }));
      await store.routing.insertTask(routed('early'));
      await store.routing.insertTask(routed('elsewhere', { group: 'fraud' }));
      expect(await store.routing.task('early')).toEqual(routed('early'));
      expect((await store.routing.waiting('service-desk', 10)).map((r) => r.taskId)).toEqual([
        'urgent',
        'critical',
        'early',
        'late',
      ]);
      expect(await store.routing.waitingCount('service-desk')).toBe(4);
      const patch = { state: 'offered' as const, agent: 'lena', offeredAt: T0 + 1, updatedAt: T0 + 1 };
      expect(await store.routing.moveTask('early', 'waiting', patch)).toMatchObject({
        state: 'offered',
        agent: 'lena',
      });
      // The second decision about the same task finds it no longer waiting.
      expect(await store.routing.moveTask('early', 'waiting', { ...patch, agent: 'nora' })).toBeNull();
      await store.routing.moveTask('late', 'waiting', {
        state: 'accepted',
        agent: 'lena',
        updatedAt: T0 + 2,
      });
      await store.routing.moveTask('urgent', 'waiting', {
        state: 'closed',
        agent: 'nora',
        updatedAt: T0 + 2,
      });
      const loads = await store.routing.loads(['lena', 'nora', 'ghost']);
      expect(loads.get('lena')).toEqual({ task: 2, chat: 0, email: 0 });
      expect(loads.has('nora')).toBe(false);
      expect(await store.routing.waitingCount('service-desk')).toBe(1);
      expect(await store.transaction((tx) => tx.routing.waiting('service-desk', 10))).toHaveLength(1);
      // Offers awaiting acceptance, among the tasks asked about only.
      const offered = await store.routing.offered(['early', 'late', 'urgent', 'ghost']);
      expect(offered.map((r) => [r.taskId, r.agent, r.offeredAt])).toEqual([['early', 'lena', T0 + 1]]);
      expect(await store.routing.offered([])).toEqual([]);
    });
  });
}
