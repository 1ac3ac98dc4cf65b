import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CoreBankingStub, startCoreBankingStub } from '../../examples/core-banking/stub';
import { eventually } from '../support/eventually';
import { type RuntimeProcess, startRuntime } from '../support/runtime-process';
import { scenarioBackends } from '../support/test-database';

/**
 * Who may do what, against the built runtime process on both backends: no token, bad tokens,
 * customer A against customer B, agents outside a task's group, approvers voting on someone
 * else's ballot, owner against admin routes, survey tokens, the test clock in production.
 */

interface Task {
  id: string;
  nodeId: string;
  kind: string;
  status: string;
  group: string | null;
  assignee: string | null;
}

let stub: CoreBankingStub;
beforeAll(async () => {
  stub = await startCoreBankingStub();
});
afterAll(() => stub?.close());

describe.each(scenarioBackends())('security over HTTP on $backend', ({ backend, skip }) => {
  describe.skipIf(skip)('scenario', () => {
    let rt: RuntimeProcess;
    let carlasCase = '';
    let bensCase = '';
    let triage: Task;

    const openTasks = async (caseId: string): Promise<Task[]> =>
      (await rt.api('GET', `/api/tasks?case=${caseId}&status=open,claimed`, { as: 'admin' })).body.items;

    beforeAll(async () => {
      rt = await startRuntime({ CORE_BANKING_URL: stub.url }, { backend });
      const a = await rt.api('POST', '/api/cases', {
        as: 'carla',
        body: { flow: 'lost-card', customerId: 'c-1001', channel: 'web', variables: { cardLast4: '1001' } },
      });
      const b = await rt.api('POST', '/api/cases', {
        as: 'ben',
        body: { flow: 'lost-card', customerId: 'c-1002', channel: 'web', variables: { cardLast4: '1002' } },
      });
      if (a.status !== 201 || b.status !== 201) throw new Error(`open: ${a.status} ${b.status}`);
      carlasCase = a.body.id;
      bensCase = b.body.id;
      triage = await eventually(
        async () => (await openTasks(carlasCase)).find((t) => t.nodeId === 'triage'),
        'the triage task of carla',
      );
    });
    afterAll(() => rt?.stop());

    describe('without a valid token', () => {
      it.each([
        ['GET', '/api/cases'],
        ['GET', '/api/tasks'],
        ['GET', '/api/flows'],
        ['GET', '/api/catalog'],
        ['GET', '/api/users'],
        ['GET', '/api/outbox'],
        ['POST', '/api/cases'],
      ])('%s %s answers 401', async (method, path) => {
        const res = await rt.api(method, path, method === 'POST' ? { body: {} } : {});
        expect(res.status).toBe(401);
        expect(res.body.error.code).toEqual(expect.any(String));
      });

      it('refuses a forged or tampered token and a wrong password', async () => {
        const token = await rt.login('lena');
        const tampered = `${token.slice(0, -2)}${token.endsWith('AA') ? 'BB' : 'AA'}`;
        expect((await rt.api('GET', '/api/cases', { token: tampered })).status).toBe(401);
        expect((await rt.api('GET', '/api/cases', { token: 'not-a-token' })).status).toBe(401);
        const wrong = await rt.api('POST', '/api/auth/login', {
          body: { username: 'lena', password: 'nope1234' },
        });
        expect(wrong.status).toBe(401);
        const unknown = await rt.api('POST', '/api/auth/login', {
          body: { username: 'mallory', password: 'nope1234' },
        });
        expect(unknown.status).toBe(401);
        // The same answer for both: a login does not reveal which usernames exist.
        expect(unknown.body).toEqual(wrong.body);
      });
    });

    describe('customer A against customer B', () => {
      it("answers 404 for every view of the other customer's case", async () => {
        for (const path of [
          `/api/cases/${carlasCase}`,
          `/api/cases/${carlasCase}/timeline`,
          `/api/cases/${carlasCase}/messages`,
        ]) {
          const res = await rt.api('GET', path, { as: 'ben' });
          expect(res.status, path).toBe(404);
        }
        const msg = await rt.api('POST', `/api/cases/${carlasCase}/messages`, {
          as: 'ben',
          body: { channel: 'web', body: 'let me in' },
        });
        expect(msg.status).toBe(404);
        // ...while their own case is there.
        expect((await rt.api('GET', `/api/cases/${bensCase}`, { as: 'ben' })).status).toBe(200);
      });

      it('lists only the own cases whatever filter is sent', async () => {
        const res = await rt.api('GET', '/api/cases?customer=c-1001', { as: 'ben' });
        expect(res.status).toBe(200);
        const ids = res.body.items.map((c: { id: string }) => c.id);
        expect(ids).not.toContain(carlasCase);
        expect(res.body.items.every((c: { customerId: string }) => c.customerId === 'c-1002')).toBe(true);
      });

      it('refuses to open a case or a request for someone else', async () => {
        const res = await rt.api('POST', '/api/cases', {
          as: 'ben',
          body: { flow: 'lost-card', customerId: 'c-1001', channel: 'web' },
        });
        expect(res.status).toBe(403);
        const req = await rt.api('POST', '/api/catalog/password-reset/requests', {
          as: 'ben',
          body: { values: { username: 'carla.j', contact: 'x@example.com' }, onBehalfOf: 'c-1001' },
        });
        expect(req.status).toBe(403);
      });

      it('keeps the 360 view of the other customer closed', async () => {
        expect((await rt.api('GET', '/api/customers/c-1002', { as: 'ben' })).status).toBe(200);
        expect([403, 404]).toContain((await rt.api('GET', '/api/customers/c-1001', { as: 'ben' })).status);
        expect((await rt.api('GET', '/api/customers', { as: 'ben' })).status).toBe(403);
      });

      it('gives a customer only the public part of their own timeline', async () => {
        const staff = (await rt.api('GET', `/api/cases/${carlasCase}/timeline`, { as: 'lena' })).body.items;
        const own = (await rt.api('GET', `/api/cases/${carlasCase}/timeline`, { as: 'carla' })).body.items;
        expect(own.length).toBeGreaterThan(0);
        expect(own.length).toBeLessThan(staff.length);
        const staffSeqs = new Set(staff.map((e: { seq: number }) => e.seq));
        for (const e of own) expect(staffSeqs.has(e.seq)).toBe(true);
      });

      it('keeps customers out of queues, tasks and signals', async () => {
        expect((await rt.api('GET', '/api/tasks', { as: 'carla' })).status).toBe(403);
        const complete = await rt.api('POST', `/api/tasks/${triage.id}/complete`, {
          as: 'carla',
          body: { outcome: 'no-action' },
        });
        expect(complete.status).toBe(403);
        const signal = await rt.api('POST', `/api/cases/${carlasCase}/signals`, {
          as: 'carla',
          body: { name: 'customer-replied' },
        });
        expect(signal.status).toBe(403);
      });
    });

    describe('agents and their groups', () => {
      it('answers 403 to an agent outside the task group, for every task action', async () => {
        expect(triage.group).toBe('service-desk');
        const attempts = [
          rt.api('POST', `/api/tasks/${triage.id}/claim`, { as: 'ivan' }),
          rt.api('POST', `/api/tasks/${triage.id}/complete`, { as: 'ivan', body: { outcome: 'no-action' } }),
          rt.api('POST', `/api/tasks/${triage.id}/escalate`, { as: 'ivan', body: { reason: 'mine now' } }),
          rt.api('POST', `/api/tasks/${triage.id}/delegate`, { as: 'ivan', body: { to: 'ivan' } }),
        ];
        for (const res of await Promise.all(attempts)) expect(res.status).toBe(403);
        const still = await rt.api('GET', `/api/tasks/${triage.id}`, { as: 'lena' });
        expect(still.body).toMatchObject({ status: 'open', assignee: null });
      });

      it("does not let one approver vote on another approver's ballot", async () => {
        const done = await rt.api('POST', `/api/tasks/${triage.id}/complete`, {
          as: 'lena',
          body: { outcome: 'replace-card' },
        });
        expect(done.status).toBe(200);
        const ballots = (await openTasks(carlasCase)).filter((t) => t.kind === 'approval');
        const norasBallot = ballots.find((t) => t.assignee === 'nora')!;
        expect(norasBallot).toBeDefined();
        const stolen = await rt.api('POST', `/api/tasks/${norasBallot.id}/complete`, {
          as: 'marco',
          body: { outcome: 'approve' },
        });
        // The ballot is held by its approver: anyone else meets a conflict naming the holder.
        expect(stolen.status, JSON.stringify(stolen.body)).toBe(409);
        expect(stolen.body.error.details).toEqual({ assignee: 'nora' });
        const ballot = await rt.api('GET', `/api/tasks/${norasBallot.id}`, { as: 'nora' });
        expect(ballot.body.status).toBe('open');
      });
    });

    describe('owner against admin routes', () => {
      it('lets an owner edit and publish flows but not activate them or manage users', async () => {
        const flow = await rt.api('GET', '/api/flows/password-reset', { as: 'olivia' });
        expect(flow.status).toBe(200);
        const saved = await rt.api('PUT', '/api/flows/password-reset', {
          as: 'olivia',
          body: { definition: flow.body.definition ?? flow.body.draft },
        });
        expect(saved.status, JSON.stringify(saved.body)).toBe(200);
        const published = await rt.api('POST', '/api/flows/password-reset/publish', {
          as: 'olivia',
          body: { note: 'same again' },
        });
        expect(published.status, JSON.stringify(published.body)).toBe(201);
        const version = published.body.version;

        const activate = await rt.api('POST', '/api/flows/password-reset/activate', {
          as: 'olivia',
          body: { version },
        });
        expect(activate.status).toBe(403);
        const pilot = await rt.api('POST', '/api/flows/password-reset/pilots', {
          as: 'olivia',
          body: { version, percentage: 10, note: 'try' },
        });
        expect(pilot.status).toBe(403);
        expect((await rt.api('GET', '/api/users', { as: 'olivia' })).status).toBe(403);
        expect((await rt.api('GET', '/api/outbox', { as: 'olivia' })).status).toBe(403);
        const user = await rt.api('POST', '/api/users', {
          as: 'olivia',
          body: { username: 'eve', password: 'eve12345', roles: ['admin'] },
        });
        expect(user.status).toBe(403);

        expect(
          (await rt.api('POST', '/api/flows/password-reset/activate', { as: 'admin', body: { version } }))
            .status,
        ).toBe(200);
        expect((await rt.api('GET', '/api/users', { as: 'admin' })).status).toBe(200);
      });

      it('keeps agents and customers away from flows, metrics and the outbox', async () => {
        for (const as of ['lena', 'carla']) {
          expect((await rt.api('GET', '/api/flows', { as })).status, as).toBe(403);
          expect((await rt.api('GET', '/api/metrics', { as })).status, as).toBe(403);
          expect((await rt.api('GET', '/api/outbox', { as })).status, as).toBe(403);
          const put = await rt.api('PUT', '/api/flows/lost-card', { as, body: { definition: {} } });
          expect(put.status, as).toBe(403);
        }
        expect((await rt.api('GET', '/api/metrics', { as: 'olivia' })).status).toBe(200);
      });
    });

    describe('survey tokens', () => {
      it('answers a survey with its token alone, and nothing else', async () => {
        const req = await rt.api('POST', '/api/catalog/password-reset/requests', {
          as: 'ben',
          body: { values: { username: 'ben.o', contact: 'ben@example.com' } },
        });
        const caseId = req.body.id;
        const [reset] = await openTasks(caseId);
        await rt.api('POST', `/api/tasks/${reset!.id}/complete`, { as: 'ivan', body: { outcome: 'done' } });
        await rt.advance('PT15M');
        const closed = await rt.api('POST', `/api/cases/${caseId}/signals`, {
          as: 'ivan',
          body: { name: 'customer-confirmed' },
        });
        expect(closed.body.status).toBe('resolved');
        // Staff never hold the token; the customer's own view of the case carries it.
        expect(closed.body.surveys[0].token).toBeUndefined();
        const token: string = (await rt.api('GET', `/api/cases/${caseId}`, { as: 'ben' })).body.surveys[0]
          .token;
        expect(token.length).toBeGreaterThanOrEqual(16);

        // A guessed or altered token finds nothing.
        // (The last character changed for sure: a token ending in "x" once made this the token.)
        const altered = `${token.slice(0, -1)}${token.endsWith('x') ? 'y' : 'x'}`;
        const guessed = await rt.api('POST', `/api/surveys/${altered}`, { body: { score: 3 } });
        expect(guessed.status).toBe(404);
        expect((await rt.api('POST', '/api/surveys/0000000000000000', { body: { score: 3 } })).status).toBe(
          404,
        );
        // Nor does an admin reading the outbox that delivered the invitation.
        const outbox = await rt.api('GET', `/api/outbox?case=${caseId}`, { as: 'admin' });
        expect(outbox.status).toBe(200);
        expect(outbox.body.items.map((o: { kind: string }) => o.kind)).toContain('survey');
        expect(JSON.stringify(outbox.body)).not.toContain(token);
        // Another customer never sees the token (the case is not theirs).
        const other = await rt.api('GET', `/api/cases/${caseId}`, { as: 'carla' });
        expect(other.status).toBe(404);
        expect(JSON.stringify(other.body)).not.toContain(token);
        // Out-of-scale scores are refused (CES is 1-7) and do not use the token up.
        expect((await rt.api('POST', `/api/surveys/${token}`, { body: { score: 9 } })).status).toBe(400);
        // No sign-in needed with the token.
        const ok = await rt.api('POST', `/api/surveys/${token}`, { body: { score: 6, comment: 'fine' } });
        expect(ok.status).toBe(200);
        expect((await rt.api('POST', `/api/surveys/${token}`, { body: { score: 1 } })).status).toBe(409);
      });
    });

    describe('the test clock', () => {
      it('does not exist when the clock is real', async () => {
        const real = await startRuntime({ CORE_BANKING_URL: stub.url, CASEFLOW_CLOCK: 'real' }, { backend });
        try {
          const res = await real.api('POST', '/api/_test/clock', { body: { advance: 'PT1H' } });
          expect(res.status).toBe(404);
        } finally {
          await real.stop();
        }
      });
    });
  });
});
