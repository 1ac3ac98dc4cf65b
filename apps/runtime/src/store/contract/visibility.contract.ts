import { beforeEach, describe, expect, it } from 'vitest';
import type { Store } from '../store';
import { caseRow, T0, taskRow } from './fixtures';

/** `{"d": {"d": … 1,100 levels … }}`: deeper than SQLite's JSON functions accept. */
function nested(depth: number): Record<string, unknown> {
  let value: Record<string, unknown> = { leaf: true };
  for (let i = 0; i < depth; i++) value = { d: value };
  return value;
}

/**
 * Contract of case numbers, the customer's case list (top level, search) and the analytics
 * rules of DESIGN §8 "Visibility": subflow children are counted apart, and one unreadable row
 * does not fail a report.
 */
export function visibilityContract(current: () => Store): void {
  describe('visibility', () => {
    let store: Store;
    beforeEach(() => {
      store = current();
    });

    describe('case numbers', () => {
      it('hands out increasing numbers, each once, also to transactions running together', async () => {
        const open = (id: string) =>
          store.transaction(async (tx) => {
            const number = await tx.cases.nextNumber();
            await tx.cases.insert(caseRow(id, { number }));
            return number;
          });
        const first = await open('n0');
        const numbers = await Promise.all(Array.from({ length: 12 }, (_, i) => open(`n${i + 1}`)));
        expect(first).toBeGreaterThan(0);
        expect(new Set([first, ...numbers]).size).toBe(13);
        for (const n of numbers) expect(n).toBeGreaterThan(first);
        const stored = await Promise.all(numbers.map((_, i) => store.cases.get(`n${i + 1}`)));
        expect(stored.map((r) => r?.number)).toEqual(numbers);
      });
    });

    describe('case list', () => {
      beforeEach(async () => {
        await store.cases.insert(
          caseRow('v1', { customerId: 'cu1', number: 41, subject: 'Lost my Card', createdAt: T0 }),
        );
        await store.cases.insert(
          caseRow('v2', {
            customerId: 'cu1',
            number: 42,
            subject: 'fraud check',
            parentCaseId: 'v1',
            createdAt: T0 + 1,
          }),
        );
        await store.cases.insert(
          caseRow('v3', { customerId: 'cu2', number: 123, subject: 'Card 100% blocked', createdAt: T0 + 2 }),
        );
      });
      const ids = async (q: Parameters<Store['cases']['list']>[0]) =>
        (await store.cases.list(q)).items.map((c) => c.id);

      it('leaves subflow children out of a top-level list', async () => {
        expect(await ids({ customerId: 'cu1' })).toEqual(['v2', 'v1']);
        expect(await ids({ customerId: 'cu1', topLevel: true })).toEqual(['v1']);
      });

      it('searches by number, subject (any case) and customer id', async () => {
        expect(await ids({ q: 'REQ-000123' })).toEqual(['v3']);
        expect(await ids({ q: '41' })).toEqual(['v1']);
        expect(await ids({ q: 'card' })).toEqual(['v3', 'v1']);
        expect(await ids({ q: 'CARD', customerId: 'cu1', topLevel: true })).toEqual(['v1']);
        expect(await ids({ q: 'cu2' })).toEqual(['v3']);
        // Pattern characters are text: "100%" is not a wildcard.
        expect(await ids({ q: '100%' })).toEqual(['v3']);
        expect(await ids({ q: '%' })).toEqual(['v3']);
        expect(await ids({ q: 'nothing like it' })).toEqual([]);
      });
    });

    describe('analytics', () => {
      beforeEach(async () => {
        await store.cases.insert(caseRow('p1', { status: 'resolved', closedAt: T0 + 100 }));
        await store.cases.insert(
          caseRow('p1c', { parentCaseId: 'p1', status: 'resolved', closedAt: T0 + 50, createdAt: T0 + 1 }),
        );
        await store.cases.insert(caseRow('p2c', { parentCaseId: 'p1', createdAt: T0 + 2 }));
        await store.tasks.insert(
          taskRow('p1c.t1', 'p1c', { assignee: 'fran', status: 'completed', closedAt: T0 + 40 }),
        );
        await store.timeline.append('p1c', [
          { at: T0 + 10, type: 'task.claimed', data: { taskId: 'p1c.t1' } },
        ]);
      });

      it('counts top-level cases only unless asked, and subflow children apart', async () => {
        expect((await store.analytics.caseFacts({})).map((c) => [c.id, c.parentCaseId])).toEqual([
          ['p1', null],
        ]);
        expect((await store.analytics.caseFacts({ subflows: 'only' })).map((c) => c.id)).toEqual([
          'p1c',
          'p2c',
        ]);
        expect((await store.analytics.caseFacts({ subflows: 'include' })).map((c) => c.id)).toEqual([
          'p1',
          'p1c',
          'p2c',
        ]);
        expect(await store.analytics.taskFacts({})).toEqual([]);
        expect(await store.analytics.subflowCounts({})).toEqual({ cases: 2, open: 1, resolved: 1 });
        expect(await store.analytics.subflowCounts({ flow: 'none' })).toEqual({
          cases: 0,
          open: 0,
          resolved: 0,
        });
        const s = await store.analytics.summary({ scan: {}, by: [] }, { to: T0 + 1000 });
        expect(s.cases).toEqual([expect.objectContaining({ cases: 1, resolved: 1, fcrCases: 1 })]);
        // The agent's work in the child counts for the agent, not as a task of the cases.
        expect(s.agents).toEqual([
          { agent: 'fran', handled: 1, handlingSum: 30, handlingCount: 1, busyMs: 30 },
        ]);
        expect(s.handled).toEqual([{ key: [], count: 0 }]);
      });

      it('still reports when a case holds variables and timeline data nested too deep for SQL JSON', async () => {
        await store.cases.insert(
          caseRow('deep', { variables: { catalogItem: 'lost-card', deep: nested(1100) }, createdAt: T0 + 3 }),
        );
        await store.tasks.insert(taskRow('deep.t1', 'deep', { assignee: 'fran' }));
        await store.timeline.append('deep', [
          { at: T0 + 20, type: 'task.claimed', data: { taskId: 'deep.t1', deep: nested(1100) } },
        ]);
        const facts = await store.analytics.caseFacts({});
        expect(facts.map((c) => c.id)).toEqual(['p1', 'deep']);
        // SQLite cannot read that row's JSON (null); PostgreSQL can. Either way the report runs.
        expect(['lost-card', null]).toContain(facts[1]?.catalogItem);
        expect((await store.analytics.taskFacts({})).map((t) => t.id)).toEqual(['deep.t1']);
        for (const by of [[], ['catalogItem'] as const]) {
          const s = await store.analytics.summary({ scan: {}, by: [...by] }, { to: T0 + 1000 });
          expect(s.cases.reduce((n, g) => n + g.cases, 0)).toBe(2);
        }
      });
    });
  });
}
