import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CoreBankingStub, startCoreBankingStub } from '../../examples/core-banking/stub';
import { eventually } from '../support/eventually';
import { type RuntimeProcess, startRuntime } from '../support/runtime-process';
import { scenarioBackends } from '../support/test-database';

/**
 * Issue #11, leaks 6, 8 and 9, against the built runtime on SQLite and PostgreSQL:
 *
 * - carla reports a lost card with suspicious transactions: the case runs the internal
 *   fraud-check subflow, whose child case holds an L3 fraud task. Carla's list holds one
 *   request, the child's id is a 404 to her everywhere, and her case shows no tasks, tiers,
 *   version or cohort. Both carry a readable number; `?q=` finds hers, not the child.
 * - /api/metrics counts top-level cases; the children are reported apart.
 * - A breached resolution SLA stays breached (and counted) through pause and resume.
 * - Variables nested 1,000 deep do not break /api/metrics.
 */

interface Item {
  id: string;
  number: string | null;
  parentCaseId?: string | null;
}

const INTERNAL = [
  'flow',
  'version',
  'pilotId',
  'cohort',
  'tasks',
  'variables',
  'activeNodes',
  'parentCaseId',
];

let stub: CoreBankingStub;
beforeAll(async () => {
  stub = await startCoreBankingStub();
});
afterAll(() => stub?.close());

describe.each(scenarioBackends())('visibility over HTTP on $backend', ({ backend, skip }) => {
  describe.skipIf(skip)('scenario', () => {
    let rt: RuntimeProcess;
    let request: { id: string; number: string };
    let child: Item;

    beforeAll(async () => {
      rt = await startRuntime({ CORE_BANKING_URL: stub.url }, { backend });
    });
    afterAll(() => rt?.stop());

    /** Every case as staff sees them (children included), newest first. */
    const allCases = async (): Promise<Item[]> => {
      const res = await rt.api('GET', '/api/cases?limit=500', { as: 'admin' });
      expect(res.status).toBe(200);
      return res.body.items;
    };
    const metrics = async (query = '') => {
      const res = await rt.api('GET', `/api/metrics${query}`, { as: 'olivia' });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      return res.body;
    };

    describe('a customer and the subflow child of their request', () => {
      it('answers the request with a number and nothing internal', async () => {
        const res = await rt.api('POST', '/api/catalog/report-lost-card/requests', {
          as: 'carla',
          body: { values: { cardLast4: '4242', suspiciousTransactions: 3 } },
        });
        expect(res.status, JSON.stringify(res.body)).toBe(201);
        expect(res.body.number).toMatch(/^REQ-\d{6,}$/);
        for (const key of INTERNAL) expect(res.body).not.toHaveProperty(key);
        request = res.body;
        // The freeze runs in the outbox; then the fraud-check child opens with its L3 task.
        child = await eventually(
          async () => (await allCases()).find((c) => c.parentCaseId === request.id),
          'the fraud-check child case',
        );
        expect(child.number).toMatch(/^REQ-\d{6,}$/);
        expect(child.number).not.toBe(request.number);
      });

      it("lists one request in the customer's list and 360 view, not the child", async () => {
        const mine = await rt.api('GET', '/api/cases', { as: 'carla' });
        expect(mine.status).toBe(200);
        expect(mine.body.items.map((c: Item) => c.id)).toEqual([request.id]);
        for (const key of INTERNAL) expect(mine.body.items[0]).not.toHaveProperty(key);
        const view = await rt.api('GET', '/api/customers/c-1001', { as: 'carla' });
        expect(view.status).toBe(200);
        expect(view.body.cases.map((c: Item) => c.id)).toEqual([request.id]);
        expect(view.body.openTasks).toEqual([]);
      });

      it('answers 404 to the customer for the child case, its timeline and its messages', async () => {
        for (const path of ['', '/timeline', '/messages']) {
          const res = await rt.api('GET', `/api/cases/${child.id}${path}`, { as: 'carla' });
          expect(res.status, path).toBe(404);
        }
        const post = await rt.api('POST', `/api/cases/${child.id}/messages`, {
          as: 'carla',
          body: { channel: 'web', body: 'hello?' },
        });
        expect(post.status).toBe(404);
        // Staff still see it, with its internal fraud task.
        const staff = await rt.api('GET', `/api/cases/${child.id}`, { as: 'fatima' });
        expect(staff.status).toBe(200);
        expect(staff.body.tasks.map((t: { tier: string }) => t.tier)).toContain('L3');
      });

      it("shows the customer's own case without tasks, tiers, version or cohort", async () => {
        const res = await rt.api('GET', `/api/cases/${request.id}`, { as: 'carla' });
        expect(res.status).toBe(200);
        expect(res.body).toMatchObject({ id: request.id, number: request.number, status: 'open' });
        for (const key of INTERNAL) expect(res.body).not.toHaveProperty(key);
        const text = JSON.stringify(res.body);
        for (const internal of ['L3', 'fraud-check', 'Assess the suspicious'])
          expect(text).not.toContain(internal);
        const timeline = await rt.api('GET', `/api/cases/${request.id}/timeline`, { as: 'carla' });
        expect(timeline.status).toBe(200);
        const entries = JSON.stringify(timeline.body.items);
        for (const internal of ['"version"', '"cohort"', '"flow"', '"nodeId"', 'parentCaseId']) {
          expect(entries).not.toContain(internal);
        }
      });

      it('finds cases by number for staff and, within their own, for customers', async () => {
        const digits = String(Number(request.number.slice(4)));
        for (const q of [request.number, digits]) {
          const staff = await rt.api('GET', `/api/cases?q=${encodeURIComponent(q)}`, { as: 'lena' });
          expect(staff.body.items.map((c: Item) => c.id)).toContain(request.id);
          const own = await rt.api('GET', `/api/cases?q=${encodeURIComponent(q)}`, { as: 'carla' });
          expect(own.body.items.map((c: Item) => c.id)).toEqual([request.id]);
        }
        const childSearch = await rt.api('GET', `/api/cases?q=${child.number}`, { as: 'carla' });
        expect(childSearch.body.items).toEqual([]);
        const others = await rt.api('GET', `/api/cases?q=${request.number}`, { as: 'ben' });
        expect(others.body.items).toEqual([]);
      });

      it('lets the customer withdraw their own request and no other case', async () => {
        const opened = await rt.api('POST', '/api/catalog/report-lost-card/requests', {
          as: 'carla',
          body: { values: { cardLast4: '5151', suspiciousTransactions: 0 } },
        });
        expect(opened.status, JSON.stringify(opened.body)).toBe(201);
        const id: string = opened.body.id;
        // Another customer, and the internal child of carla's first request: 404, nothing changes.
        for (const [as, target] of [
          ['ben', id],
          ['carla', child.id],
        ] as const) {
          const res = await rt.api('POST', `/api/cases/${target}/cancel`, { as, body: { reason: 'x' } });
          expect(res.status, `${as} ${target}`).toBe(404);
        }
        expect((await rt.api('GET', `/api/cases/${child.id}`, { as: 'fatima' })).body.status).toBe('open');

        const res = await rt.api('POST', `/api/cases/${id}/cancel`, {
          as: 'carla',
          body: { reason: 'Found the card in my coat' },
        });
        expect(res.status, JSON.stringify(res.body)).toBe(200);
        expect(res.body).toMatchObject({ id, status: 'cancelled' });
        for (const key of INTERNAL) expect(res.body).not.toHaveProperty(key);
        const history = await rt.api('GET', `/api/cases/${id}/timeline`, { as: 'carla' });
        expect(history.body.items).toContainEqual(
          expect.objectContaining({ type: 'case.cancelled', data: { reason: 'Found the card in my coat' } }),
        );
        // The team reads who withdrew it.
        const staff = await rt.api('GET', `/api/cases/${id}/timeline`, { as: 'lena' });
        expect(staff.body.items).toContainEqual(
          expect.objectContaining({ type: 'case.cancelled', actor: 'carla' }),
        );
        const again = await rt.api('POST', `/api/cases/${id}/cancel`, { as: 'carla', body: {} });
        expect(again.status).toBe(409);
      });
    });

    describe('metrics', () => {
      it('count top-level cases only and report subflow children apart', async () => {
        const cases = await allCases();
        const top = cases.filter((c) => c.parentCaseId === null).length;
        const children = cases.length - top;
        expect(children).toBeGreaterThanOrEqual(1);
        const report = await metrics();
        expect(report.total.cases).toBe(top);
        expect(report.subflows.cases).toBe(children);
      });

      it('keep counting a breached SLA through pause and resume', async () => {
        const opened = await rt.api('POST', '/api/cases', {
          as: 'lena',
          body: {
            flow: 'lost-card',
            customerId: 'c-1002',
            channel: 'phone',
            variables: { cardLast4: '1111', suspiciousTransactions: 0 },
          },
        });
        expect(opened.status, JSON.stringify(opened.body)).toBe(201);
        const id = opened.body.id as string;
        await eventually(async () => {
          const c = await rt.api('GET', `/api/cases/${id}`, { as: 'lena' });
          return c.body.activeNodes?.includes('triage') ? c : undefined;
        }, 'the case at triage');
        // A business day and more: the 8-hour resolution clock breaches.
        await rt.advance('PT12H');
        const resolution = async () => {
          const c = await rt.api('GET', `/api/cases/${id}`, { as: 'admin' });
          return c.body.slas.find((s: { id: string }) => s.id === 'resolution').status;
        };
        expect(await resolution()).toBe('breached');
        const breached = (await metrics()).total.slas.resolution.breached;
        expect(breached).toBeGreaterThanOrEqual(1);

        const triage = await eventually(async () => {
          const res = await rt.api('GET', `/api/tasks?case=${id}&status=open,claimed`, { as: 'admin' });
          return res.body.items.find((t: { nodeId: string }) => t.nodeId === 'triage');
        }, 'the open triage task');
        const paused = await rt.api('POST', `/api/tasks/${triage.id}/complete`, {
          as: 'admin',
          body: { outcome: 'await-customer' },
        });
        expect(paused.status, JSON.stringify(paused.body)).toBe(200);
        expect(paused.body.activeNodes).toEqual(['await-customer']);
        expect(await resolution()).toBe('breached');
        expect((await metrics()).total.slas.resolution.breached).toBe(breached);

        const resumed = await rt.api('POST', `/api/cases/${id}/signals`, {
          as: 'lena',
          body: { name: 'customer-replied' },
        });
        expect(resumed.status).toBe(200);
        expect(await resolution()).toBe('breached');
        expect((await metrics()).total.slas.resolution.breached).toBe(breached);
      });

      it('still answer after a case with variables nested 1,000 deep', async () => {
        let deep: Record<string, unknown> = { leaf: true };
        for (let i = 0; i < 1000; i++) deep = { d: deep };
        const res = await rt.api('POST', '/api/cases', {
          as: 'lena',
          body: {
            flow: 'lost-card',
            customerId: 'c-1002',
            channel: 'phone',
            variables: { cardLast4: '2', deep },
          },
        });
        // The edge may refuse such a body (JSON depth limit); the store tests cover a stored one.
        if (res.status === 400) return;
        expect(res.status, JSON.stringify(res.body).slice(0, 300)).toBe(201);
        for (const query of ['', '?by=catalogItem', '?by=channel', '?flow=lost-card']) {
          expect((await metrics(query)).total.cases).toBeGreaterThanOrEqual(1);
        }
      });
    });
  });
});
