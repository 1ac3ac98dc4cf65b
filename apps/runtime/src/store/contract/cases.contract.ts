import { beforeEach, describe, expect, it } from 'vitest';
import { type Store, StoreConflict } from '../store';
import { caseRow, T0, taskRow } from './fixtures';

/** Contract of cases and tasks; `current` answers the store of the running test. */
export function casesContract(current: () => Store): void {
  let store: Store;
  beforeEach(() => {
    store = current();
  });

  describe('cases', () => {
    it('keeps the key order of JSON values (form fields, variables, snapshots)', async () => {
      const variables = { zeta: 1, alpha: { later: true, earlier: false }, mid: [3, 1, 2] };
      const snapshot = { value: { b: 'x', a: 'y' }, context: { longerKey: 1, k: 2 } };
      await store.cases.insert(caseRow('k1', { variables, snapshot }));
      const back = await store.cases.get('k1');
      expect(JSON.stringify(back!.variables)).toBe(JSON.stringify(variables));
      expect(JSON.stringify(back!.snapshot)).toBe(JSON.stringify(snapshot));
      const updated = await store.cases.update('k1', 1, { variables: { y: 1, x: 2 } });
      expect(Object.keys(updated!.variables)).toEqual(['y', 'x']);
      expect(Object.keys((await store.cases.get('k1'))!.variables)).toEqual(['y', 'x']);
    });

    it('round-trips a case with its snapshot', async () => {
      const row = caseRow('k1', {
        variables: { amount: 12.5, tags: ['a'] },
        cohort: 'pilot',
        pilotId: 'p1',
      });
      await store.cases.insert(row);
      expect(await store.cases.get('k1')).toEqual(row);
      expect(await store.cases.get('k2')).toBeNull();
      await expect(store.cases.insert(row)).rejects.toBeInstanceOf(StoreConflict);
    });

    it('updates only at the expected revision and bumps it', async () => {
      await store.cases.insert(caseRow('k1'));
      const next = await store.cases.update('k1', 1, {
        status: 'resolved',
        snapshot: { value: 'end' },
        activeNodes: [],
        closedAt: T0 + 10,
        updatedAt: T0 + 10,
      });
      expect(next).toMatchObject({
        revision: 2,
        status: 'resolved',
        snapshot: { value: 'end' },
        closedAt: T0 + 10,
      });
      expect(next?.subject).toBe('case k1');
      expect(await store.cases.update('k1', 1, { status: 'open' })).toBeNull();
      expect((await store.cases.get('k1'))?.status).toBe('resolved');
      expect(await store.cases.update('k9', 1, { status: 'open' })).toBeNull();
    });

    it('marks the first response once', async () => {
      await store.cases.insert(caseRow('k1'));
      expect(await store.cases.markFirstResponse('k1', T0 + 1)).toBe(true);
      expect(await store.cases.markFirstResponse('k1', T0 + 2)).toBe(false);
      expect((await store.cases.get('k1'))?.firstResponseAt).toBe(T0 + 1);
    });

    it('lists newest first with filters and cursors, without snapshots', async () => {
      for (let i = 1; i <= 5; i++) {
        await store.cases.insert(
          caseRow(`k${i}`, {
            createdAt: T0 + (i <= 2 ? 0 : i),
            customerId: i % 2 ? 'c1' : 'c2',
            flow: i === 5 ? 'other' : 'refund',
            status: i === 4 ? 'resolved' : 'open',
            parentCaseId: i === 3 ? 'k1' : null,
          }),
        );
      }
      await store.tasks.insert(taskRow('t1', 'k2', { group: 'l1' }));
      await store.tasks.insert(taskRow('t2', 'k3', { group: 'l1', status: 'completed' }));

      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const page = await store.cases.list({ limit: 2, cursor });
        expect(page.items.length).toBeLessThanOrEqual(2);
        seen.push(...page.items.map((c) => c.id));
        for (const c of page.items) expect(c).not.toHaveProperty('snapshot');
        cursor = page.next;
      } while (cursor);
      // k1 and k2 share createdAt: the id breaks the tie (descending).
      expect(seen).toEqual(['k5', 'k4', 'k3', 'k2', 'k1']);

      const ids = async (q: Parameters<Store['cases']['list']>[0]) =>
        (await store.cases.list(q)).items.map((c) => c.id);
      expect(await ids({ customerId: 'c1' })).toEqual(['k5', 'k3', 'k1']);
      expect(await ids({ status: 'resolved' })).toEqual(['k4']);
      expect(await ids({ flow: 'other' })).toEqual(['k5']);
      expect(await ids({ queue: 'l1' })).toEqual(['k2']);
      expect(await ids({ parentCaseId: 'k1' })).toEqual(['k3']);
    });

    it('scans summaries by flow, version, pilot, creation time and id', async () => {
      await store.cases.insert(caseRow('k1', { createdAt: T0, pilotId: 'p1' }));
      await store.cases.insert(caseRow('k2', { createdAt: T0 + 10, version: 2 }));
      await store.cases.insert(caseRow('k3', { createdAt: T0 + 20, flow: 'other' }));
      const ids = async (q: Parameters<Store['cases']['scan']>[0]) =>
        (await store.cases.scan(q)).map((c) => c.id);
      expect(await ids({})).toEqual(['k1', 'k2', 'k3']);
      expect(await ids({ flow: 'refund', version: 2 })).toEqual(['k2']);
      expect(await ids({ pilotId: 'p1' })).toEqual(['k1']);
      expect(await ids({ createdFrom: T0 + 10, createdTo: T0 + 20 })).toEqual(['k2', 'k3']);
      expect(await ids({ caseIds: ['k3', 'k1', 'gone'] })).toEqual(['k1', 'k3']);
      expect(await ids({ caseIds: [] })).toEqual([]);
      expect((await store.cases.scan())[0]).not.toHaveProperty('snapshot');
    });
  });

  describe('tasks', () => {
    beforeEach(async () => {
      await store.cases.insert(caseRow('k1'));
      await store.cases.insert(caseRow('k2'));
    });

    it('inserts with defaults and reads by id and by case key', async () => {
      const t = await store.tasks.insert(taskRow('k1.t1', 'k1', { taskKey: 't1', form: { type: 'object' } }));
      expect(t).toMatchObject({
        outcome: null,
        values: null,
        closedAt: null,
        updatedAt: T0,
        form: { type: 'object' },
      });
      expect(await store.tasks.get('k1.t1')).toEqual(t);
      expect(await store.tasks.getByKey('k1', 't1')).toEqual(t);
      expect(await store.tasks.getByKey('k2', 't1')).toBeNull();
      await expect(store.tasks.insert(taskRow('k1.t1', 'k1'))).rejects.toBeInstanceOf(StoreConflict);
    });

    it('lists the queue oldest first with filters and cursors', async () => {
      await store.tasks.insert(taskRow('a', 'k1', { createdAt: T0 + 3, group: 'l1', tier: 't1' }));
      await store.tasks.insert(taskRow('b', 'k1', { createdAt: T0 + 1, group: 'l2' }));
      await store.tasks.insert(
        taskRow('c', 'k2', { createdAt: T0 + 2, group: 'l1', status: 'claimed', assignee: 'ann' }),
      );
      await store.tasks.insert(taskRow('d', 'k2', { createdAt: T0 + 4, group: 'l1', status: 'completed' }));
      const ids = async (q: Parameters<Store['tasks']['list']>[0]) =>
        (await store.tasks.list(q)).items.map((t) => t.id);
      expect(await ids({})).toEqual(['b', 'c', 'a', 'd']);
      expect(await ids({ status: ['open', 'claimed'], group: 'l1' })).toEqual(['c', 'a']);
      expect(await ids({ group: ['l1', 'l2'], status: 'open' })).toEqual(['b', 'a']);
      expect(await ids({ tier: 't1' })).toEqual(['a']);
      expect(await ids({ assignee: 'ann' })).toEqual(['c']);
      expect(await ids({ caseId: 'k2' })).toEqual(['c', 'd']);
      const first = await store.tasks.list({ limit: 3 });
      expect(first.items.map((t) => t.id)).toEqual(['b', 'c', 'a']);
      const second = await store.tasks.list({ limit: 3, cursor: first.next });
      expect(second).toEqual({ items: [expect.objectContaining({ id: 'd' })], next: null });
      expect((await store.tasks.listByCase('k1')).map((t) => t.id)).toEqual(['b', 'a']);
      expect((await store.tasks.listByCases(['k1', 'k2'])).map((t) => t.id).sort()).toEqual([
        'a',
        'b',
        'c',
        'd',
      ]);
      expect(await store.tasks.listByCases([])).toEqual([]);
    });

    it('reads a task together with its case', async () => {
      const snapshot = { value: { b: 'x', a: 'y' }, context: { n: 1 } };
      await store.cases.insert(caseRow('k9', { snapshot, variables: { z: 1, a: 2 } }));
      await store.tasks.insert(taskRow('t9', 'k9', { form: { z: 1, a: 2 }, dueAt: T0 + 9 }));
      const both = await store.tasks.getWithCase('t9');
      expect(both).toEqual({ task: await store.tasks.get('t9'), case: await store.cases.get('k9') });
      expect(JSON.stringify(both!.case.snapshot)).toBe(JSON.stringify(snapshot));
      expect(Object.keys(both!.task.form as object)).toEqual(['z', 'a']);
      expect(await store.tasks.getWithCase('nope')).toBeNull();
    });

    it('reads a case, or a task with its case, together with a user', async () => {
      const user = await store.users.create({
        username: 'ann',
        passwordHash: 'h',
        roles: ['agent'],
        groups: ['desk'],
        createdAt: T0,
      });
      await store.cases.insert(caseRow('k9', { snapshot: { value: 'a', context: {} } }));
      await store.tasks.insert(taskRow('t9', 'k9', { dueAt: T0 + 9 }));
      const kase = await store.cases.get('k9');
      expect(await store.cases.getWithUser('k9', 'ann')).toEqual({ case: kase, user });
      expect(await store.cases.getWithUser('k9', 'nobody')).toEqual({ case: kase, user: null });
      expect(await store.cases.getWithUser('nope', 'ann')).toEqual({ case: null, user });
      expect(await store.tasks.getWithCaseAndUser('t9', 'ann')).toEqual({
        task: await store.tasks.get('t9'),
        case: kase,
        user,
      });
      expect((await store.tasks.getWithCaseAndUser('t9', 'nobody'))?.user).toBeNull();
      expect(await store.tasks.getWithCaseAndUser('nope', 'ann')).toBeNull();
      // The password hash stays out of every read but the login's.
      expect(JSON.stringify(await store.cases.getWithUser('k9', 'ann'))).not.toContain('passwordHash');
    });

    it('updates a task patch', async () => {
      await store.tasks.insert(taskRow('a', 'k1'));
      const done = await store.tasks.update('a', {
        status: 'completed',
        outcome: 'done',
        values: { note: 'ok' },
        closedAt: T0 + 5,
        updatedAt: T0 + 5,
      });
      expect(done).toMatchObject({
        status: 'completed',
        outcome: 'done',
        values: { note: 'ok' },
        closedAt: T0 + 5,
      });
      expect(await store.tasks.update('zz', { updatedAt: T0 })).toBeNull();
    });

    it('lets exactly one of two racing users claim a task', async () => {
      await store.tasks.insert(taskRow('a', 'k1'));
      const [x, y] = await Promise.all([
        store.tasks.claim('a', 'ann', T0 + 1),
        store.tasks.claim('a', 'bob', T0 + 1),
      ]);
      const winners = [x, y].filter((r) => r !== null);
      expect(winners).toHaveLength(1);
      const winner = winners[0]!.assignee!;
      expect(winners[0]).toMatchObject({ status: 'claimed', updatedAt: T0 + 1 });
      expect(await store.tasks.claim('a', winner, T0 + 2)).toMatchObject({
        assignee: winner,
        updatedAt: T0 + 2,
      });
      expect(await store.tasks.claim('a', winner === 'ann' ? 'bob' : 'ann', T0 + 3)).toBeNull();
    });

    it('does not let others claim a task assigned to someone, nor a closed task', async () => {
      await store.tasks.insert(taskRow('a', 'k1', { assignee: 'ann' }));
      await store.tasks.insert(taskRow('b', 'k1', { status: 'completed' }));
      expect(await store.tasks.claim('a', 'bob', T0)).toBeNull();
      expect(await store.tasks.claim('a', 'ann', T0)).toMatchObject({ status: 'claimed' });
      expect(await store.tasks.claim('b', 'ann', T0)).toBeNull();
      expect(await store.tasks.claim('zz', 'ann', T0)).toBeNull();
    });
  });
}
