import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CoreBankingStub, startCoreBankingStub } from '../../examples/core-banking/stub';
import { eventually } from '../support/eventually';
import { type RuntimeProcess, startRuntime } from '../support/runtime-process';
import { scenarioBackends } from '../support/test-database';

/**
 * The password-reset example end to end against the built runtime process, on SQLite and on
 * PostgreSQL:
 *
 *   carla requests (portal) → reset task (it-support, L1) → ivan completes "done"
 *   → grace timer (test clock) → ask-confirmation → await-confirmation
 *   --customer-confirmed--> CES survey → done (resolved)
 *
 * and the case survives a restart of the process; ben's request first fails the form, then
 * runs into the confirmation timeout; a privileged reset waits for two IT approvals. The
 * lost-card flow's fraud-check subflow hands its result back to the parent.
 */

interface Task {
  id: string;
  nodeId: string;
  caseId: string;
  kind: string;
  status: string;
  tier: string | null;
  group: string | null;
  assignee: string | null;
}

let stub: CoreBankingStub;
beforeAll(async () => {
  stub = await startCoreBankingStub();
});
afterAll(() => stub?.close());

describe.each(scenarioBackends())('password reset over HTTP on $backend', ({ backend, skip }) => {
  describe.skipIf(skip)('scenario', () => {
    let rt: RuntimeProcess;
    beforeAll(async () => {
      rt = await startRuntime({ CORE_BANKING_URL: stub.url }, { backend });
    });
    afterAll(() => rt?.stop());

    const openTasks = async (caseId: string): Promise<Task[]> => {
      const res = await rt.api('GET', `/api/tasks?case=${caseId}&status=open`, { as: 'admin' });
      expect(res.status).toBe(200);
      return res.body.items;
    };
    /** The staff resource of a case: customers' answers carry no flow internals (DESIGN §8). */
    const staffView = async (caseId: string) =>
      (await rt.api('GET', `/api/cases/${caseId}`, { as: 'admin' })).body;
    const request = (as: string, item: string, values: Record<string, unknown>) =>
      rt.api('POST', `/api/catalog/${item}/requests`, { as, body: { values } });

    describe('a standard reset confirmed by the customer', () => {
      let caseId = '';

      it('opens a case from a portal request', async () => {
        const res = await request('carla', 'password-reset', {
          username: 'carla.j',
          contact: 'carla@example.com',
        });
        expect(res.status).toBe(201);
        caseId = res.body.id;
        expect(res.body).toMatchObject({ status: 'open' });
        expect(await staffView(caseId)).toMatchObject({
          flow: 'password-reset',
          status: 'open',
          activeNodes: ['reset'],
        });
      });

      it('puts the reset task in the it-support queue, not in others', async () => {
        const queue = await rt.api('GET', `/api/tasks?case=${caseId}&status=open`, { as: 'ivan' });
        expect(queue.body.items).toHaveLength(1);
        const task = queue.body.items[0];
        expect(task).toMatchObject({ group: 'it-support', tier: 'L1', outcomes: ['done', 'cannot-reset'] });
        expect((await rt.api('POST', `/api/tasks/${task.id}/claim`, { as: 'marco' })).status).toBe(403);
        expect((await rt.api('POST', `/api/tasks/${task.id}/claim`, { as: 'ivan' })).status).toBe(200);
        const done = await rt.api('POST', `/api/tasks/${task.id}/complete`, {
          as: 'ivan',
          body: { outcome: 'done' },
        });
        expect(done.status).toBe(200);
        expect(done.body.activeNodes).toEqual(['grace']);
      });

      it('keeps the case across a restart of the process', async () => {
        await rt.restart();
        const res = await rt.api('GET', `/api/cases/${caseId}`, { as: 'carla' });
        expect(res.status).toBe(200);
        expect((await staffView(caseId)).activeNodes).toEqual(['grace']);
      });

      it('fires the grace timer when the test clock moves, then waits for the customer', async () => {
        const moved = await rt.advance('PT15M');
        expect(moved.fired).toBeGreaterThanOrEqual(1);
        expect((await staffView(caseId)).activeNodes).toEqual(['await-confirmation']);
      });

      it('resolves on the confirmation signal and takes a CES answer', async () => {
        const res = await rt.api('POST', `/api/cases/${caseId}/signals`, {
          as: 'ivan',
          body: { name: 'customer-confirmed' },
        });
        expect(res.status).toBe(200);
        expect(res.body.status).toBe('resolved');
        // The token is the customer's: in their own view of the case, not in ivan's answer.
        expect(res.body.surveys).toEqual([{ kind: 'ces', answered: false, score: null }]);
        const own = await rt.api('GET', `/api/cases/${caseId}`, { as: 'carla' });
        const survey = own.body.surveys.find((s: { kind: string }) => s.kind === 'ces');
        expect((await rt.api('POST', `/api/surveys/${survey.token}`, { body: { score: 2 } })).status).toBe(
          200,
        );

        const timeline = await rt.api('GET', `/api/cases/${caseId}/timeline`, { as: 'olivia' });
        const types = timeline.body.items.map((e: { type: string }) => e.type);
        expect(types[0]).toBe('case.opened');
        expect(types).toEqual(
          expect.arrayContaining([
            'task.completed',
            'signal',
            'survey.sent',
            'survey.answered',
            'case.closed',
          ]),
        );
      });

      it('hides the case from another customer', async () => {
        expect((await rt.api('GET', `/api/cases/${caseId}`, { as: 'ben' })).status).toBe(404);
      });
    });

    describe("ben's request: form errors, then the confirmation times out", () => {
      let caseId = '';

      it('answers 400 naming every field that breaks the form', async () => {
        const bad = await request('ben', 'password-reset', {
          username: 'b',
          contact: 'not-an-email',
          accountType: 'root',
        });
        expect(bad.status).toBe(400);
        expect(bad.body.error.code).toBe('validation');
        const fields = bad.body.error.details.map((d: { field: string }) => d.field).sort();
        expect(fields).toEqual(['accountType', 'contact', 'username']);
        for (const d of bad.body.error.details) expect(d.path).toBe(`values.${d.field}`);

        const missing = await request('ben', 'password-reset', {});
        expect(missing.status).toBe(400);
        const required = missing.body.error.details.map((d: { field: string }) => d.field).sort();
        expect(required).toEqual(['contact', 'username']);
        // Nothing was opened by the refused requests.
        const mine = await rt.api('GET', '/api/cases', { as: 'ben' });
        expect(mine.body.items).toEqual([]);
      });

      it('opens the case once the values are valid (defaults applied)', async () => {
        const res = await request('ben', 'password-reset', { username: 'ben.o', contact: 'ben@example.com' });
        expect(res.status, JSON.stringify(res.body)).toBe(201);
        caseId = res.body.id;
        const staff = await staffView(caseId);
        expect(staff).toMatchObject({ customerId: 'c-1002', activeNodes: ['reset'] });
        expect(staff.variables.request).toMatchObject({ username: 'ben.o', accountType: 'standard' });
      });

      it('gives up waiting for the confirmation after two days and still asks for effort', async () => {
        const [task] = await openTasks(caseId);
        const done = await rt.api('POST', `/api/tasks/${task!.id}/complete`, {
          as: 'ines',
          body: { outcome: 'done', values: { ticket: 'IDM-77' } },
        });
        expect(done.status).toBe(200);
        await rt.advance('PT15M');
        const waiting = await rt.api('GET', `/api/cases/${caseId}`, { as: 'admin' });
        expect(waiting.body.activeNodes).toEqual(['await-confirmation']);
        expect(waiting.body.slas.find((s: { id: string }) => s.id === 'resolution')?.status).toBe('paused');

        await rt.advance('P1D');
        expect((await rt.api('GET', `/api/cases/${caseId}`, { as: 'ben' })).body.status).toBe('open');
        await rt.advance('P1D');
        const closed = await rt.api('GET', `/api/cases/${caseId}`, { as: 'admin' });
        expect(closed.body.status).toBe('resolved');
        expect(closed.body.surveys.map((s: { kind: string }) => s.kind)).toEqual(['ces']);
      });
    });

    describe('a privileged reset', () => {
      it('needs two IT approvals before the reset task opens', async () => {
        const res = await request('carla', 'password-reset', {
          username: 'root.carla',
          contact: 'carla@example.com',
          accountType: 'privileged',
        });
        expect(res.status).toBe(201);
        const caseId = res.body.id;
        expect((await staffView(caseId)).activeNodes).toEqual(['approve']);
        const votes = await openTasks(caseId);
        expect(votes.map((t) => [t.kind, t.assignee]).sort()).toEqual([
          ['approval', 'ines'],
          ['approval', 'ivan'],
        ]);
        const first = await rt.api('POST', `/api/tasks/${votes[0]!.id}/complete`, {
          as: votes[0]!.assignee!,
          body: { outcome: 'approve' },
        });
        expect(first.body.activeNodes).toEqual(['approve']);
        const second = await rt.api('POST', `/api/tasks/${votes[1]!.id}/complete`, {
          as: votes[1]!.assignee!,
          body: { outcome: 'approve' },
        });
        expect(second.status).toBe(200);
        expect(second.body.activeNodes).toEqual(['reset']);
      });

      it('refuses the reset when the approvers do not decide in eight hours', async () => {
        const res = await request('carla', 'password-reset', {
          username: 'root.carla',
          contact: 'carla@example.com',
          accountType: 'privileged',
        });
        const caseId = res.body.id;
        await rt.advance('PT8H');
        const after = await rt.api('GET', `/api/cases/${caseId}`, { as: 'carla' });
        expect(after.body.status).toBe('rejected');
        expect((await openTasks(caseId)).filter((t) => t.kind === 'approval')).toEqual([]);
      });
    });

    describe('the fraud-check subflow of a lost card', () => {
      /** The child case the parent's subflow node started (from the timeline). */
      const childOf = async (caseId: string): Promise<string> => {
        const entries = await rt.api('GET', `/api/cases/${caseId}/timeline`, { as: 'admin' });
        const started = entries.body.items.find((e: { type: string }) => e.type === 'subflow.started');
        expect(started, 'subflow.started on the parent timeline').toBeDefined();
        return started.data.childCaseId;
      };

      it('routes suspicious transactions through the fraud specialists and back to the parent', async () => {
        const opened = await rt.api('POST', '/api/cases', {
          as: 'lena',
          body: {
            flow: 'lost-card',
            customerId: 'c-1002',
            channel: 'chat',
            subject: 'Card stolen',
            variables: { cardLast4: '9876', suspiciousTransactions: 2 },
          },
        });
        expect(opened.status).toBe(201);
        const caseId = opened.body.id;
        const child = await eventually(async () => {
          const c = await rt.api('GET', `/api/cases/${caseId}`, { as: 'lena' });
          return c.body.activeNodes.includes('verify') ? childOf(caseId) : undefined;
        }, 'the parent waiting in its subflow node');

        const childCase = await rt.api('GET', `/api/cases/${child}`, { as: 'fatima' });
        expect(childCase.body).toMatchObject({
          flow: 'fraud-check',
          activeNodes: ['assess'],
          status: 'open',
        });
        const [assess] = await openTasks(child);
        expect(assess).toMatchObject({ nodeId: 'assess', tier: 'L3', group: 'fraud' });
        const done = await rt.api('POST', `/api/tasks/${assess!.id}/complete`, {
          as: 'fatima',
          body: { outcome: 'fraud' },
        });
        expect(done.status).toBe(200);
        expect(done.body.status).toBe('resolved');

        const parent = await eventually(async () => {
          const c = await rt.api('GET', `/api/cases/${caseId}`, { as: 'lena' });
          return c.body.activeNodes.includes('fraud-review') ? c.body : undefined;
        }, 'the parent at fraud-review');
        expect(parent.activeNodes).toEqual(['fraud-review']);
        const [review] = await openTasks(caseId);
        expect(review).toMatchObject({ nodeId: 'fraud-review', tier: 'L3', group: 'fraud' });
      });

      // Skipped, reported: catalog.routes.ts opens the case with variables {request, catalogItem}
      // only, so `suspiciousTransactions` (and the freeze body's cardLast4) are null in the flow,
      // against examples/index.ts ("form values become the case variables and are also kept
      // whole as request"); the report goes straight to triage.
      it('does the same for a portal report (form values are case variables and stay whole under request)', async () => {
        const res = await request('ben', 'report-lost-card', {
          cardLast4: '5555',
          suspiciousTransactions: 3,
        });
        expect(res.status, JSON.stringify(res.body)).toBe(201);
        const caseId = res.body.id;
        await eventually(async () => {
          const c = await rt.api('GET', `/api/cases/${caseId}`, { as: 'lena' });
          return c.body.activeNodes.some((n: string) => n !== 'freeze') ? c.body : undefined;
        }, 'the report past the freeze');
        const c = await rt.api('GET', `/api/cases/${caseId}`, { as: 'lena' });
        expect(c.body.activeNodes).toEqual(['verify']);
        const child = await childOf(caseId);
        expect((await openTasks(child)).map((t) => t.nodeId)).toEqual(['assess']);
      });
    });
  });
});
