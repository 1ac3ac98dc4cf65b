import { beforeEach, describe, expect, it } from 'vitest';
import type { Store } from '../store';
import { caseRow, T0 } from './fixtures';

/** Contract of SLA clocks, the timeline, messages and surveys; `current` answers the store of the running test. */
export function auditContract(current: () => Store): void {
  let store: Store;
  beforeEach(() => {
    store = current();
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
      await expect(store.timeline.append('nope', [{ at: T0, type: 'x' }])).rejects.toThrow();
      expect(await store.timeline.list('nope')).toEqual([]);
      expect(await store.timeline.list('k1')).toEqual([...a, ...b]);
      expect((await store.timeline.list('k1', { publicOnly: true })).map((e) => e.seq)).toEqual([1, 3]);
      expect((await store.timeline.list('k1', { afterSeq: 1, limit: 1 })).map((e) => e.seq)).toEqual([2]);
    });

    it("pages a case's entries by seq both ways, public ones only for customers", async () => {
      await store.timeline.append(
        'k1',
        Array.from({ length: 7 }, (_, i) => ({ at: T0 + i, type: `e${i + 1}`, public: i % 2 === 0 })),
      );
      await store.timeline.append('k2', [{ at: T0, type: 'other' }]);
      const walk = async (query: { order?: 'asc' | 'desc'; publicOnly?: boolean }) => {
        const seen: number[][] = [];
        let cursor: string | null = null;
        do {
          const page = await store.timeline.page('k1', { ...query, limit: 3, cursor });
          seen.push(page.items.map((e) => e.seq));
          cursor = page.next;
        } while (cursor);
        return seen;
      };
      expect(await walk({})).toEqual([[1, 2, 3], [4, 5, 6], [7]]);
      expect(await walk({ order: 'desc' })).toEqual([[7, 6, 5], [4, 3, 2], [1]]);
      expect(await walk({ publicOnly: true })).toEqual([[1, 3, 5], [7]]);
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

    it('reads the entries heat maps count of many cases, in order, without their data', async () => {
      await store.timeline.append('k2', [
        { at: T0 + 2, type: 'node.entered', nodeId: 'triage', data: { big: 'x'.repeat(100) } },
      ]);
      await store.timeline.append('k1', [
        { at: T0, type: 'node.entered', nodeId: 'triage' },
        { at: T0 + 3, type: 'task.completed', nodeId: 'triage' },
        { at: T0 + 4, type: 'sla.breached' },
        { at: T0 + 5, type: 'node.left', nodeId: 'triage' },
      ]);
      expect(await store.timeline.heatRows(['k2', 'k1', 'nobody', 'k1'])).toEqual([
        { caseId: 'k1', seq: 1, at: T0, type: 'node.entered', nodeId: 'triage' },
        { caseId: 'k1', seq: 3, at: T0 + 4, type: 'sla.breached', nodeId: null },
        { caseId: 'k1', seq: 4, at: T0 + 5, type: 'node.left', nodeId: 'triage' },
        { caseId: 'k2', seq: 1, at: T0 + 2, type: 'node.entered', nodeId: 'triage' },
      ]);
      expect(await store.timeline.heatRows([])).toEqual([]);
      // Past a seq per case: a fold that read up to there reads only what came after.
      const after = new Map([
        ['k1', 3],
        ['k2', 1],
      ]);
      expect(await store.timeline.heatRows(['k1', 'k2'], after)).toEqual([
        { caseId: 'k1', seq: 4, at: T0 + 5, type: 'node.left', nodeId: 'triage' },
      ]);
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
      const stored = (id: string, at: number) => ({
        ...m(id, at),
        visibility: 'public',
        address: null,
        html: null,
        externalId: null,
      });
      expect(await store.messages.listByCase('k1')).toEqual([stored('m1', T0 + 1), stored('m2', T0 + 2)]);
      expect((await store.messages.listByCustomer('c1', 2)).map((x) => x.id)).toEqual(['m3', 'm2']);
    });

    it("pages a case's messages both ways, ties on time broken by id", async () => {
      await store.cases.insert(caseRow('k1'));
      await store.cases.insert(caseRow('k2'));
      const m = (id: string, at: number, caseId = 'k1') => ({
        id,
        caseId,
        customerId: 'c1',
        channel: 'chat' as const,
        direction: 'in' as const,
        from: 'customer' as const,
        author: null,
        body: id,
        at,
      });
      for (const [id, at] of [
        ['a', 1],
        ['b', 2],
        ['c', 2],
        ['d', 3],
        ['e', 4],
      ] as const) {
        await store.messages.insert(m(id, T0 + at));
      }
      await store.messages.insert(m('x', T0, 'k2'));
      const walk = async (order: 'asc' | 'desc') => {
        const seen: string[][] = [];
        let cursor: string | null = null;
        do {
          const page = await store.messages.pageByCase('k1', { limit: 2, cursor, order });
          seen.push(page.items.map((x) => x.id));
          cursor = page.next;
        } while (cursor);
        return seen;
      };
      expect(await walk('asc')).toEqual([['a', 'b'], ['c', 'd'], ['e']]);
      expect(await walk('desc')).toEqual([['e', 'd'], ['c', 'b'], ['a']]);
      expect(await store.messages.pageByCase('k1', { limit: 5 })).toMatchObject({ next: null });
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
}
