import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RuntimeProcess, startRuntime } from '../support/runtime-process';
import { scenarioBackends } from '../support/test-database';

/**
 * Issue #11, leaks 2, 5 and 7 and the pilot race, replayed as a hostile user against the built
 * runtime on both backends. Each rule now lives in an executor command, inside its transaction:
 * - four eyes: approver A takes approver B's ballot by delegation and votes twice (was 200, 200);
 * - customers bypass the catalog: POST /cases on a restricted item's flow, with variables its
 *   form refuses, and on the internal fraud-check subflow (was 201 each);
 * - agents answer customers' surveys: the token sat in the staff case resource and an agent's
 *   answer was stored as the customer's CSAT (was 200);
 * - pilots: concurrent starts of one flow each passed the check before any wrote (was several).
 */

interface Task {
  id: string;
  kind: string;
  assignee: string | null;
}

/** start → approve (card-ops, quorum of 2) → approved: done | rejected: refused. */
const quorumFlow = {
  key: 'hostile-quorum',
  name: 'Two approvals',
  nodes: [
    { id: 'start', type: 'start' },
    {
      id: 'approve',
      type: 'approval',
      approvers: { group: 'card-ops' },
      policy: { kind: 'quorum', count: 2 },
    },
    { id: 'done', type: 'end' },
    { id: 'refused', type: 'end', outcome: 'rejected' },
  ],
  edges: [
    { from: 'start', to: 'approve' },
    { from: 'approve', to: 'done', on: 'approved' },
    { from: 'approve', to: 'refused', on: 'rejected' },
  ],
};

/** start → call (task, L1 service desk; done) → done. Offered only to customer c-1002. */
const callbackFlow = (name: string) => ({
  key: 'hostile-callback',
  name,
  tiers: [{ id: 'L1', name: 'Desk', group: 'service-desk' }],
  nodes: [
    { id: 'start', type: 'start' },
    { id: 'call', type: 'task', title: 'Call back', assign: { tier: 'L1' }, outcomes: ['done'] },
    { id: 'done', type: 'end' },
  ],
  edges: [
    { from: 'start', to: 'call' },
    { from: 'call', to: 'done', on: 'done' },
  ],
});

/** start → ask (CSAT survey) → done. */
const surveyFlow = {
  key: 'hostile-survey',
  name: 'Survey at once',
  nodes: [
    { id: 'start', type: 'start' },
    { id: 'ask', type: 'survey', survey: 'csat' },
    { id: 'done', type: 'end' },
  ],
  edges: [
    { from: 'start', to: 'ask' },
    { from: 'ask', to: 'done' },
  ],
};

describe.each(scenarioBackends())('domain commands under attack on $backend', ({ backend, skip }) => {
  describe.skipIf(skip)('scenario', () => {
    let rt: RuntimeProcess;

    const publish = async (definition: { key: string }) => {
      const saved = await rt.api('PUT', `/api/flows/${definition.key}`, {
        as: 'olivia',
        body: { definition },
      });
      expect(saved.status, JSON.stringify(saved.body)).toBe(200);
      const published = await rt.api('POST', `/api/flows/${definition.key}/publish`, {
        as: 'olivia',
        body: {},
      });
      expect(published.status, JSON.stringify(published.body)).toBe(201);
      return published.body.version as number;
    };
    const openAsAgent = async (flow: string, customerId = 'c-1001') => {
      const res = await rt.api('POST', '/api/cases', {
        as: 'lena',
        body: { flow, customerId, channel: 'phone' },
      });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      return res.body;
    };

    beforeAll(async () => {
      rt = await startRuntime({}, { backend });
      await publish(quorumFlow);
      await publish(callbackFlow('Call me back'));
      await publish(surveyFlow);
      const item = await rt.api('PUT', '/api/catalog/hostile-callback', {
        as: 'olivia',
        body: {
          name: 'Priority call-back',
          category: 'Contact',
          flow: 'hostile-callback',
          form: {
            type: 'object',
            properties: { phone: { type: 'string', title: 'Phone', pattern: '^[0-9 +]{6,20}$' } },
            required: ['phone'],
          },
          audience: { customerIds: ['c-1002'] },
        },
      });
      expect(item.status, JSON.stringify(item.body)).toBe(200);
    });
    afterAll(() => rt?.stop());

    describe('four eyes (leak 2)', () => {
      it('keeps one approver from taking the other ballot and passing a quorum of two alone', async () => {
        const kase = await openAsAgent('hostile-quorum');
        const ballots: Task[] = kase.tasks.filter((t: Task) => t.kind === 'approval');
        const marcos = ballots.find((t) => t.assignee === 'marco')!;
        const norasBallot = ballots.find((t) => t.assignee === 'nora')!;
        expect(marcos && norasBallot).toBeTruthy();

        const taken = await rt.api('POST', `/api/tasks/${norasBallot.id}/delegate`, {
          as: 'marco',
          body: { to: 'marco' },
        });
        expect(taken.status, JSON.stringify(taken.body)).toBe(403);
        // Nora cannot hand it to marco either: he holds a ballot of the same approval.
        const handed = await rt.api('POST', `/api/tasks/${norasBallot.id}/delegate`, {
          as: 'nora',
          body: { to: 'marco' },
        });
        expect(handed.status).toBe(409);
        expect(handed.body.error.message).toMatch(/one vote/);

        const first = await rt.api('POST', `/api/tasks/${marcos.id}/complete`, {
          as: 'marco',
          body: { outcome: 'approve' },
        });
        expect(first.status).toBe(200);
        const second = await rt.api('POST', `/api/tasks/${norasBallot.id}/complete`, {
          as: 'marco',
          body: { outcome: 'approve' },
        });
        expect(second.status).toBe(409);
        const after = await rt.api('GET', `/api/cases/${kase.id}`, { as: 'lena' });
        expect(after.body).toMatchObject({ status: 'open', activeNodes: ['approve'] });
      });

      it('refuses customers and users outside the group as delegates (422, naming why)', async () => {
        const kase = await openAsAgent('hostile-quorum');
        const norasBallot = kase.tasks.find((t: Task) => t.assignee === 'nora');
        for (const [to, reason] of [
          ['carla', 'not-staff'],
          ['ivan', 'not-member'],
        ]) {
          const res = await rt.api('POST', `/api/tasks/${norasBallot.id}/delegate`, {
            as: 'nora',
            body: { to },
          });
          expect(res.status, to).toBe(422);
          expect(res.body.error).toMatchObject({ code: 'not-eligible', details: [{ path: 'to', reason }] });
        }
      });
    });

    describe('customers and the catalog (leak 5)', () => {
      it("refuses a customer's case on a flow whose item is restricted to another customer", async () => {
        const res = await rt.api('POST', '/api/cases', {
          as: 'carla',
          body: {
            flow: 'hostile-callback',
            customerId: 'c-1001',
            channel: 'web',
            variables: { phone: '+49 30 1' },
          },
        });
        expect(res.status, JSON.stringify(res.body)).toBe(403);
        expect(res.body.error.code).toBe('not-offered');
        // The customer it is offered to goes through, with the form's values only.
        const ben = await rt.api('POST', '/api/cases', {
          as: 'ben',
          body: {
            flow: 'hostile-callback',
            customerId: 'c-1002',
            channel: 'web',
            priority: 'critical',
            variables: { phone: '+49 30 1002' },
          },
        });
        expect(ben.status, JSON.stringify(ben.body)).toBe(201);
        // Ben's answer is his view of the request (no variables): read them as staff.
        const staff = await rt.api('GET', `/api/cases/${ben.body.id}`, { as: 'admin' });
        expect(staff.body.variables).toMatchObject({ phone: '+49 30 1002', catalogItem: 'hostile-callback' });
        // A customer does not set the priority: the service desk does.
        expect(staff.body.priority).toBe('normal');
      });

      it("refuses variables the item's form refuses", async () => {
        const res = await rt.api('POST', '/api/cases', {
          as: 'carla',
          body: {
            flow: 'lost-card',
            customerId: 'c-1001',
            channel: 'web',
            variables: { cardLast4: 'x; drop' },
          },
        });
        expect(res.status).toBe(400);
        expect(res.body.error.details).toEqual([expect.objectContaining({ path: 'values.cardLast4' })]);
      });

      it('never opens the internal fraud-check subflow for a customer', async () => {
        const res = await rt.api('POST', '/api/cases', {
          as: 'carla',
          body: { flow: 'fraud-check', customerId: 'c-1001', channel: 'web', variables: {} },
        });
        expect(res.status).toBe(403);
        const mine = await rt.api('GET', '/api/cases?flow=fraud-check', { as: 'carla' });
        expect(mine.body.items).toEqual([]);
      });

      it("checks an agent's request on a customer's behalf against that customer's audience", async () => {
        const res = await rt.api('POST', '/api/catalog/hostile-callback/requests', {
          as: 'lena',
          body: { values: { phone: '+49 30 1001' }, onBehalfOf: 'c-1001' },
        });
        expect(res.status).toBe(403);
        const ok = await rt.api('POST', '/api/catalog/hostile-callback/requests', {
          as: 'lena',
          body: { values: { phone: '+49 30 1002' }, onBehalfOf: 'c-1002' },
        });
        expect(ok.status).toBe(201);
      });
    });

    describe('surveys (leak 7)', () => {
      it("keeps the token out of the staff resource and refuses an agent's answer", async () => {
        const kase = await openAsAgent('hostile-survey');
        expect(kase.surveys).toEqual([{ kind: 'csat', answered: false, score: null }]);
        const staffView = await rt.api('GET', `/api/cases/${kase.id}`, { as: 'lena' });
        expect(JSON.stringify(staffView.body)).not.toMatch(/"token"/);

        const own = await rt.api('GET', `/api/cases/${kase.id}`, { as: 'carla' });
        const token = own.body.surveys[0].token as string;
        expect(token).toEqual(expect.any(String));
        const byAgent = await rt.api('POST', `/api/surveys/${token}`, { as: 'lena', body: { score: 5 } });
        expect(byAgent.status).toBe(403);
        const byOther = await rt.api('POST', `/api/surveys/${token}`, { as: 'ben', body: { score: 5 } });
        expect(byOther.status).toBe(403);

        const byCustomer = await rt.api('POST', `/api/surveys/${token}`, { as: 'carla', body: { score: 2 } });
        expect(byCustomer.status).toBe(200);
        expect((await rt.api('POST', `/api/surveys/${token}`, { body: { score: 5 } })).status).toBe(409);
        const after = await rt.api('GET', `/api/cases/${kase.id}`, { as: 'lena' });
        expect(after.body.surveys).toEqual([{ kind: 'csat', answered: true, score: 2 }]);
      });
    });

    describe('pilots', () => {
      it('starts exactly one of several concurrent pilots of a flow', async () => {
        const v2 = await publish(callbackFlow('Call me back, v2'));
        // One sign-in first: six concurrent first sign-ins would meet the login throttle.
        const token = await rt.login('admin');
        const starts = await Promise.all(
          Array.from({ length: 6 }, () =>
            rt.api('POST', '/api/flows/hostile-callback/pilots', {
              token,
              body: { version: v2, percentage: 50, note: 'race' },
            }),
          ),
        );
        const statuses = starts.map((s) => s.status).sort();
        expect(statuses).toEqual([201, 409, 409, 409, 409, 409]);
        const pilots = await rt.api('GET', '/api/pilots?flow=hostile-callback', { as: 'admin' });
        expect(pilots.body.items.filter((p: { status: string }) => p.status === 'active')).toHaveLength(1);

        const id = starts.find((s) => s.status === 201)!.body.id;
        expect((await rt.api('POST', `/api/pilots/${id}/stop`, { as: 'admin' })).body.status).toBe('stopped');
        // Stop is idempotent; promote needs a running pilot.
        expect((await rt.api('POST', `/api/pilots/${id}/stop`, { as: 'admin' })).status).toBe(200);
        expect((await rt.api('POST', `/api/pilots/${id}/promote`, { as: 'admin' })).status).toBe(409);
      });
    });
  });
});
