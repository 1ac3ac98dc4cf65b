import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type CaseRow, type NewTask, type Store, StoreConflict } from './store';

/*
 * The behaviour every Store side must have. sqlite/sqlite-store.test.ts and
 * pg/pg-store.test.ts call storeContract with a function opening an EMPTY store; each test
 * gets its own and closes it.
 */

const T0 = 1_700_000_000_000;

/** A minimal open case row; `over` replaces any field. */
export function caseRow(id: string, over: Partial<CaseRow> = {}): CaseRow {
  return {
    id,
    flow: 'refund',
    version: 1,
    pilotId: null,
    cohort: null,
    customerId: null,
    channel: 'email',
    subject: `case ${id}`,
    priority: 'normal',
    status: 'open',
    activeNodes: ['start'],
    variables: {},
    snapshot: { value: 'start', context: { n: 1 } },
    revision: 1,
    parentCaseId: null,
    parentNodeId: null,
    childId: null,
    createdBy: null,
    createdAt: T0,
    updatedAt: T0,
    closedAt: null,
    firstResponseAt: null,
    ...over,
  };
}

/** A minimal open task of case `caseId`; `over` replaces any field. */
export function taskRow(id: string, caseId: string, over: Partial<NewTask> = {}): NewTask {
  return {
    id,
    caseId,
    taskKey: id,
    nodeId: 'review',
    kind: 'task',
    title: `task ${id}`,
    status: 'open',
    tier: null,
    group: null,
    assignee: null,
    outcomes: ['done'],
    form: null,
    approvalId: null,
    dueAt: null,
    createdAt: T0,
    ...over,
  };
}

/** Runs the shared Store contract against the side that `open` creates. */
export function storeContract(name: string, open: () => Promise<Store>): void {
  describe(`Store contract: ${name}`, () => {
    let store: Store;
    beforeEach(async () => {
      store = await open();
    });
    afterEach(async () => {
      await store.close();
    });

    describe('users', () => {
      it('creates users with defaults and never returns the hash outside getCredentials', async () => {
        const user = await store.users.create({
          username: 'ann',
          passwordHash: 'h1',
          roles: ['agent'],
          createdAt: T0,
        });
        expect(user).toEqual({
          username: 'ann',
          displayName: null,
          roles: ['agent'],
          groups: [],
          tiers: [],
          customerId: null,
          createdAt: T0,
        });
        expect(await store.users.get('ann')).toEqual(user);
        expect(JSON.stringify(await store.users.list())).not.toContain('h1');
        expect(await store.users.getCredentials('ann')).toEqual({ user, passwordHash: 'h1' });
        expect(await store.users.getCredentials('nobody')).toBeNull();
        expect(await store.users.get('nobody')).toBeNull();
      });

      it('rejects a duplicate username with StoreConflict', async () => {
        await store.users.create({ username: 'ann', passwordHash: 'h', roles: [], createdAt: T0 });
        await expect(
          store.users.create({ username: 'ann', passwordHash: 'h', roles: [], createdAt: T0 }),
        ).rejects.toBeInstanceOf(StoreConflict);
      });

      it('updates given fields only, finds group members and counts', async () => {
        await store.users.create({
          username: 'bob',
          passwordHash: 'h',
          roles: ['agent'],
          groups: ['l1'],
          createdAt: T0,
        });
        await store.users.create({
          username: 'amy',
          passwordHash: 'h',
          roles: ['agent'],
          groups: ['l1', 'l2'],
          createdAt: T0,
        });
        await store.users.create({
          username: 'cy',
          passwordHash: 'h',
          roles: ['owner'],
          groups: ['l22'],
          createdAt: T0,
        });
        const updated = await store.users.update('bob', {
          displayName: 'Bob',
          tiers: ['t2'],
          passwordHash: 'h2',
        });
        expect(updated).toMatchObject({ username: 'bob', displayName: 'Bob', tiers: ['t2'], groups: ['l1'] });
        expect(updated).not.toHaveProperty('passwordHash');
        expect((await store.users.getCredentials('bob'))?.passwordHash).toBe('h2');
        expect(await store.users.update('nobody', { displayName: 'x' })).toBeNull();
        expect(await store.users.membersOf('l1')).toEqual(['amy', 'bob']);
        expect(await store.users.membersOf('l2')).toEqual(['amy']);
        expect(await store.users.count()).toBe(3);
        expect((await store.users.list()).map((u) => u.username)).toEqual(['amy', 'bob', 'cy']);
      });
    });

    describe('groups', () => {
      it('creates, reads and lists groups; a duplicate name conflicts', async () => {
        await store.groups.create({ name: 'l2', description: 'Second line', createdAt: T0 });
        await store.groups.create({ name: 'l1', description: 'First line', createdAt: T0 });
        expect(await store.groups.get('l1')).toEqual({
          name: 'l1',
          description: 'First line',
          createdAt: T0,
        });
        expect((await store.groups.list()).map((g) => g.name)).toEqual(['l1', 'l2']);
        await expect(
          store.groups.create({ name: 'l1', description: '', createdAt: T0 }),
        ).rejects.toBeInstanceOf(StoreConflict);
        expect(await store.groups.get('l3')).toBeNull();
      });
    });

    describe('customers', () => {
      it('fills defaults, conflicts on a duplicate id and updates a patch', async () => {
        const c = await store.customers.create({ id: 'c1', name: 'Ada', createdAt: T0 });
        expect(c).toEqual({
          id: 'c1',
          name: 'Ada',
          email: null,
          phone: null,
          segment: null,
          attributes: {},
          tags: [],
          createdAt: T0,
          updatedAt: T0,
        });
        await expect(store.customers.create({ id: 'c1', name: 'X', createdAt: T0 })).rejects.toBeInstanceOf(
          StoreConflict,
        );
        const u = await store.customers.update(
          'c1',
          { segment: 'gold', tags: ['vip'], attributes: { tier: 3 } },
          T0 + 5,
        );
        expect(u).toMatchObject({
          name: 'Ada',
          segment: 'gold',
          tags: ['vip'],
          attributes: { tier: 3 },
          updatedAt: T0 + 5,
        });
        expect(await store.customers.update('c9', { name: 'x' }, T0)).toBeNull();
      });

      it('pages through customers with filters', async () => {
        for (const [id, name, segment] of [
          ['c1', 'Ada Lovelace', 'gold'],
          ['c2', 'Bob 100%', 'gold'],
          ['c3', 'Cy', 'silver'],
          ['c4', 'Dee', 'gold'],
          ['c5', 'Eve', 'gold'],
        ] as const) {
          await store.customers.create({ id, name, segment, email: `${id}@example.com`, createdAt: T0 });
        }
        const first = await store.customers.list({ segment: 'gold', limit: 2 });
        expect(first.items.map((c) => c.id)).toEqual(['c1', 'c2']);
        expect(first.next).not.toBeNull();
        const second = await store.customers.list({ segment: 'gold', limit: 2, cursor: first.next });
        expect(second.items.map((c) => c.id)).toEqual(['c4', 'c5']);
        expect(second.next).toBeNull();
        expect((await store.customers.list({ search: 'lovelace' })).items.map((c) => c.id)).toEqual(['c1']);
        expect((await store.customers.list({ search: '100%' })).items.map((c) => c.id)).toEqual(['c2']);
        expect((await store.customers.list({ search: 'c3@' })).items.map((c) => c.id)).toEqual(['c3']);
      });
    });

    describe('flows and versions', () => {
      it('upserts drafts keeping createdAt and the active version', async () => {
        const draft = {
          key: 'refund',
          name: 'Refund',
          kind: 'case',
          draft: { nodes: [] },
          problems: [],
          updatedBy: 'ann',
        };
        const created = await store.flows.upsertDraft({ ...draft, updatedAt: T0 });
        expect(created).toMatchObject({ key: 'refund', activeVersion: null, createdAt: T0, updatedAt: T0 });
        await store.flows.setActiveVersion('refund', 1, T0 + 1);
        const problems = [
          { severity: 'error' as const, code: 'missing-start' as const, message: 'no start', path: [] },
        ];
        const replaced = await store.flows.upsertDraft({
          ...draft,
          name: 'Refunds',
          problems,
          updatedAt: T0 + 2,
        });
        expect(replaced).toMatchObject({
          name: 'Refunds',
          activeVersion: 1,
          createdAt: T0,
          updatedAt: T0 + 2,
          problems,
        });
        expect(await store.flows.get('refund')).toEqual(replaced);
        expect((await store.flows.list()).map((f) => f.key)).toEqual(['refund']);
        expect(await store.flows.setActiveVersion('nope', 1, T0)).toBeNull();
      });

      it('keeps versions immutable: a repeated (flow, version) conflicts', async () => {
        const v = (version: number) => ({
          flow: 'refund',
          version,
          definition: { key: 'refund', v: version },
          config: { id: 'refund' },
          checksum: `sum${version}`,
          author: 'ann',
          note: '',
          createdAt: T0 + version,
        });
        expect(await store.flowVersions.latest('refund')).toBe(0);
        await store.flowVersions.insert(v(1));
        await store.flowVersions.insert(v(2));
        await expect(store.flowVersions.insert({ ...v(2), checksum: 'other' })).rejects.toBeInstanceOf(
          StoreConflict,
        );
        expect(await store.flowVersions.get('refund', 2)).toEqual(v(2));
        expect(await store.flowVersions.get('refund', 3)).toBeNull();
        expect((await store.flowVersions.list('refund')).map((r) => r.version)).toEqual([2, 1]);
        expect(await store.flowVersions.latest('refund')).toBe(2);
      });
    });

    describe('catalog and pilots', () => {
      it('round-trips catalog items with all their fields', async () => {
        const item = {
          key: 'laptop',
          name: 'Laptop',
          category: 'Hardware',
          description: 'A new laptop',
          form: {
            type: 'object' as const,
            properties: { model: { type: 'string' as const } },
            required: ['model'],
          },
          flow: 'hw-request',
          audience: { roles: ['agent' as const] },
          active: true,
          updatedAt: T0,
        };
        await store.catalog.upsert(item);
        await store.catalog.upsert({ ...item, key: 'access', name: 'Access', category: 'Accounts' });
        expect(await store.catalog.get('laptop')).toEqual(item);
        const changed = await store.catalog.upsert({ ...item, active: false, updatedAt: T0 + 1 });
        expect(changed).toEqual({ ...item, active: false, updatedAt: T0 + 1 });
        expect((await store.catalog.list()).map((i) => i.key)).toEqual(['access', 'laptop']);
        expect(await store.catalog.get('none')).toBeNull();
      });

      it('finds the active pilot and records its end', async () => {
        const pilot = {
          id: 'p1',
          flow: 'refund',
          version: 2,
          baselineVersion: 1,
          percentage: 12.5,
          segments: ['gold'],
          customerIds: ['c1'],
          note: 'try v2',
          status: 'active' as const,
          createdBy: 'ann',
          createdAt: T0,
          endedAt: null,
        };
        await store.pilots.create(pilot);
        await expect(store.pilots.create(pilot)).rejects.toBeInstanceOf(StoreConflict);
        expect(await store.pilots.activeFor('refund')).toEqual(pilot);
        expect(await store.pilots.activeFor('other')).toBeNull();
        expect(await store.pilots.setStatus('p1', 'promoted', T0 + 9)).toEqual({
          ...pilot,
          status: 'promoted',
          endedAt: T0 + 9,
        });
        expect(await store.pilots.activeFor('refund')).toBeNull();
        expect((await store.pilots.list('refund')).map((p) => p.id)).toEqual(['p1']);
        expect(await store.pilots.list('other')).toEqual([]);
        expect(await store.pilots.get('p2')).toBeNull();
      });
    });

    describe('cases', () => {
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

      it('scans summaries by flow, version, pilot and creation time', async () => {
        await store.cases.insert(caseRow('k1', { createdAt: T0, pilotId: 'p1' }));
        await store.cases.insert(caseRow('k2', { createdAt: T0 + 10, version: 2 }));
        await store.cases.insert(caseRow('k3', { createdAt: T0 + 20, flow: 'other' }));
        const ids = async (q: Parameters<Store['cases']['scan']>[0]) =>
          (await store.cases.scan(q)).map((c) => c.id);
        expect(await ids({})).toEqual(['k1', 'k2', 'k3']);
        expect(await ids({ flow: 'refund', version: 2 })).toEqual(['k2']);
        expect(await ids({ pilotId: 'p1' })).toEqual(['k1']);
        expect(await ids({ createdFrom: T0 + 10, createdTo: T0 + 20 })).toEqual(['k2', 'k3']);
        expect((await store.cases.scan())[0]).not.toHaveProperty('snapshot');
      });
    });

    describe('tasks', () => {
      beforeEach(async () => {
        await store.cases.insert(caseRow('k1'));
        await store.cases.insert(caseRow('k2'));
      });

      it('inserts with defaults and reads by id and by case key', async () => {
        const t = await store.tasks.insert(
          taskRow('k1.t1', 'k1', { taskKey: 't1', form: { type: 'object' } }),
        );
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

    describe('slas', () => {
      it('upserts by (case, id), patches and lists', async () => {
        await store.cases.insert(caseRow('k1'));
        await store.cases.insert(caseRow('k2'));
        const sla = {
          caseId: 'k1',
          id: 'resolve',
          scope: 'case' as const,
          taskId: null,
          status: 'running' as const,
          target: 'PT4H',
          calendar: 'default',
          startedAt: T0,
          dueAt: T0 + 4 * 3_600_000,
          elapsedMs: 0,
          updatedAt: T0,
        };
        await store.slas.upsert(sla);
        await store.slas.upsert({ ...sla, caseId: 'k2', scope: 'task', taskId: 't1' });
        const paused = await store.slas.upsert({
          ...sla,
          status: 'paused',
          elapsedMs: 1000,
          updatedAt: T0 + 1,
        });
        expect(paused).toEqual({ ...sla, status: 'paused', elapsedMs: 1000, updatedAt: T0 + 1 });
        expect(
          await store.slas.update('k1', 'resolve', { status: 'breached', updatedAt: T0 + 2 }),
        ).toMatchObject({
          status: 'breached',
          elapsedMs: 1000,
        });
        expect(await store.slas.update('k1', 'nope', { status: 'met' })).toBeNull();
        expect(await store.slas.listByCase('k1')).toHaveLength(1);
        expect((await store.slas.listByCases(['k1', 'k2'])).map((s) => s.caseId)).toEqual(['k1', 'k2']);
      });
    });

    describe('timeline', () => {
      beforeEach(async () => {
        await store.cases.insert(caseRow('k1', { flow: 'refund', version: 1 }));
        await store.cases.insert(caseRow('k2', { flow: 'refund', version: 2 }));
      });

      it('numbers entries 1, 2, 3… per case across appends', async () => {
        const a = await store.timeline.append('k1', [
          { at: T0, type: 'case.started', actor: 'ann', data: { via: 'web' }, public: true },
          { at: T0, type: 'node.entered', nodeId: 'review' },
        ]);
        expect(a).toEqual([
          {
            caseId: 'k1',
            seq: 1,
            at: T0,
            type: 'case.started',
            actor: 'ann',
            nodeId: null,
            data: { via: 'web' },
            public: true,
          },
          {
            caseId: 'k1',
            seq: 2,
            at: T0,
            type: 'node.entered',
            actor: null,
            nodeId: 'review',
            data: {},
            public: false,
          },
        ]);
        await store.timeline.append('k2', [{ at: T0, type: 'case.started' }]);
        const b = await store.timeline.append('k1', [{ at: T0 + 1, type: 'task.completed', public: true }]);
        expect(b.map((e) => e.seq)).toEqual([3]);
        expect(await store.timeline.append('k1', [])).toEqual([]);
        expect(await store.timeline.list('k1')).toEqual([...a, ...b]);
        expect((await store.timeline.list('k1', { publicOnly: true })).map((e) => e.seq)).toEqual([1, 3]);
        expect((await store.timeline.list('k1', { afterSeq: 1, limit: 1 })).map((e) => e.seq)).toEqual([2]);
      });

      it('keeps seq unique and gap-free under concurrent appends', async () => {
        await Promise.all(
          Array.from({ length: 12 }, (_, i) =>
            store.timeline.append('k1', [
              { at: T0 + i, type: 'x' },
              { at: T0 + i, type: 'y' },
            ]),
          ),
        );
        expect((await store.timeline.list('k1')).map((e) => e.seq)).toEqual(
          Array.from({ length: 24 }, (_, i) => i + 1),
        );
      });

      it('scans entries of many cases by flow, version, type and time', async () => {
        await store.timeline.append('k1', [
          { at: T0, type: 'case.started' },
          { at: T0 + 5, type: 'task.completed' },
        ]);
        await store.timeline.append('k2', [{ at: T0 + 1, type: 'case.started' }]);
        const keys = async (q: Parameters<Store['timeline']['scan']>[0]) =>
          (await store.timeline.scan(q)).map((e) => `${e.caseId}#${e.seq}`);
        expect(await keys({})).toEqual(['k1#1', 'k1#2', 'k2#1']);
        expect(await keys({ flow: 'refund', version: 2 })).toEqual(['k2#1']);
        expect(await keys({ types: ['case.started'] })).toEqual(['k1#1', 'k2#1']);
        expect(await keys({ from: T0 + 1, to: T0 + 5 })).toEqual(['k1#2', 'k2#1']);
      });
    });

    describe('messages and surveys', () => {
      it('stores messages per case and per customer', async () => {
        const m = (id: string, at: number, caseId = 'k1') => ({
          id,
          caseId,
          customerId: 'c1',
          channel: 'email' as const,
          direction: 'in' as const,
          from: 'customer' as const,
          author: null,
          body: `hello ${id}`,
          at,
        });
        await store.messages.insert(m('m2', T0 + 2));
        await store.messages.insert(m('m1', T0 + 1));
        await store.messages.insert(m('m3', T0 + 3, 'k2'));
        expect(await store.messages.listByCase('k1')).toEqual([m('m1', T0 + 1), m('m2', T0 + 2)]);
        expect((await store.messages.listByCustomer('c1', 2)).map((x) => x.id)).toEqual(['m3', 'm2']);
      });

      it('records a survey answer once', async () => {
        const s = {
          token: 'tok',
          caseId: 'k1',
          customerId: 'c1',
          surveyId: 's1',
          nodeId: 'survey',
          kind: 'csat' as const,
          to: 'ada@example.com',
          score: null,
          comment: null,
          sentAt: T0,
          answeredAt: null,
        };
        await store.surveys.insert(s);
        await store.surveys.insert({ ...s, token: 'tok2', caseId: 'k2', sentAt: T0 + 1 });
        expect(await store.surveys.getByToken('tok')).toEqual(s);
        expect(await store.surveys.answer('tok', 5, 'great', T0 + 9)).toEqual({
          ...s,
          score: 5,
          comment: 'great',
          answeredAt: T0 + 9,
        });
        expect(await store.surveys.answer('tok', 1, null, T0 + 10)).toBeNull();
        expect(await store.surveys.answer('nope', 1, null, T0)).toBeNull();
        expect((await store.surveys.listByCase('k1')).map((x) => x.token)).toEqual(['tok']);
        expect((await store.surveys.listByCases(['k1', 'k2'])).map((x) => x.token)).toEqual(['tok', 'tok2']);
        expect((await store.surveys.listByCustomer('c1')).map((x) => x.token)).toEqual(['tok2', 'tok']);
      });
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
  });
}
