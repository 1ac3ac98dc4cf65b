import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { notifyFlow, openCase, publishFlow } from '../faults/support/fault-flows';
import { startWebhookSink, type WebhookSink } from '../faults/support/webhook-sink';
import { eventually } from '../support/eventually';
import { type RuntimeProcess, startRuntime } from '../support/runtime-process';
import { scenarioBackends } from '../support/test-database';

/*
 * The admin routes of issue #13 against the built runtime, on SQLite and PostgreSQL: groups
 * with their members (PUT /groups/:name), a dead outbox message tried again
 * (POST /outbox/:id/retry) and the demo accounts the login page lists (GET /demo).
 */

describe.each(scenarioBackends())('admin routes over HTTP on $backend', ({ backend, skip }) => {
  describe.skipIf(skip)('scenario', () => {
    let rt: RuntimeProcess;
    let sink: WebhookSink;

    beforeAll(async () => {
      sink = await startWebhookSink();
      await sink.down();
      // One attempt: a message the receiver refuses once is dead at once.
      rt = await startRuntime(
        { CASEFLOW_WEBHOOK_URL: sink.url, CASEFLOW_OUTBOX_MAX_ATTEMPTS: '1' },
        { backend },
      );
      await publishFlow(rt, notifyFlow);
    });
    afterAll(async () => {
      await rt?.stop();
      await sink?.close();
    });

    it('lists groups with their members', async () => {
      const res = await rt.api('GET', '/api/groups', { as: 'admin' });
      expect(res.status).toBe(200);
      const cardOps = res.body.items.find((g: { name: string }) => g.name === 'card-ops');
      expect(cardOps.members).toEqual(['marco', 'nora']);
    });

    it('creates a group, then sets its description and members; users follow', async () => {
      const created = await rt.api('POST', '/api/groups', {
        as: 'admin',
        body: { name: 'night-shift', description: 'Evenings' },
      });
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({ name: 'night-shift', members: [] });

      const put = await rt.api('PUT', '/api/groups/night-shift', {
        as: 'admin',
        body: { description: 'Evenings and weekends', members: ['lena', 'marco'] },
      });
      expect(put.status, JSON.stringify(put.body)).toBe(200);
      expect(put.body).toMatchObject({ description: 'Evenings and weekends', members: ['lena', 'marco'] });
      const users = (await rt.api('GET', '/api/users', { as: 'admin' })).body.items as Array<{
        username: string;
        groups: string[];
      }>;
      expect(users.find((u) => u.username === 'lena')?.groups).toEqual(['service-desk', 'night-shift']);

      // The whole list: marco leaves, nora joins, lena stays; other groups are untouched.
      const again = await rt.api('PUT', '/api/groups/night-shift', {
        as: 'admin',
        body: { members: ['lena', 'nora'] },
      });
      expect(again.body.members).toEqual(['lena', 'nora']);
      expect(again.body.description).toBe('Evenings and weekends');
      const marco = (await rt.api('GET', '/api/users', { as: 'admin' })).body.items.find(
        (u: { username: string }) => u.username === 'marco',
      );
      expect(marco.groups).toEqual(['card-ops']);
    });

    it('refuses unknown members (400 naming the entry), unknown groups (404) and non-admins (403)', async () => {
      const bad = await rt.api('PUT', '/api/groups/night-shift', {
        as: 'admin',
        body: { members: ['lena', 'nobody-here'] },
      });
      expect(bad.status).toBe(400);
      expect(bad.body.error.details).toEqual([{ path: 'members.1', message: 'unknown user nobody-here' }]);
      // Nothing of the refused change stayed.
      const list = (await rt.api('GET', '/api/groups', { as: 'admin' })).body.items;
      expect(list.find((g: { name: string }) => g.name === 'night-shift').members).toEqual(['lena', 'nora']);

      expect(
        (await rt.api('PUT', '/api/groups/nope', { as: 'admin', body: { description: 'x' } })).status,
      ).toBe(404);
      const extra = await rt.api('PUT', '/api/groups/night-shift', {
        as: 'admin',
        body: { name: 'renamed' },
      });
      expect(extra.status).toBe(400);
      for (const who of ['olivia', 'lena', 'carla']) {
        const res = await rt.api('PUT', '/api/groups/night-shift', { as: who, body: { members: [] } });
        expect(res.status, who).toBe(403);
      }
    });

    it('retries a dead outbox message: delivered once the receiver is back', async () => {
      const caseId = await openCase(rt, notifyFlow.key, 0);
      const dead = await eventually(
        async () => {
          const res = await rt.api('GET', `/api/outbox?case=${caseId}&status=dead`, { as: 'admin' });
          return res.body.items[0];
        },
        'the hello notification dead after one refused attempt',
        20_000,
      );
      expect(dead).toMatchObject({ status: 'dead', attempts: 1 });
      expect(dead.lastError).toBeTruthy();

      for (const who of ['olivia', 'lena']) {
        expect((await rt.api('POST', `/api/outbox/${dead.id}/retry`, { as: who })).status, who).toBe(403);
      }
      // Still down: the retry is one more attempt, dead again, and says so.
      const stillDead = await rt.api('POST', `/api/outbox/${dead.id}/retry`, { as: 'admin' });
      expect(stillDead.status).toBe(200);
      expect(stillDead.body).toMatchObject({ id: dead.id, status: 'dead', attempts: 2 });

      await sink.up();
      const retried = await rt.api('POST', `/api/outbox/${dead.id}/retry`, { as: 'admin' });
      expect(retried.status, JSON.stringify(retried.body)).toBe(200);
      expect(retried.body).toMatchObject({ id: dead.id, status: 'delivered', attempts: 3 });
      expect(sink.deliveries.filter((d) => d.idempotencyKey === dead.idempotencyKey)).toHaveLength(1);

      const again = await rt.api('POST', `/api/outbox/${dead.id}/retry`, { as: 'admin' });
      expect(again.status).toBe(409);
      expect((await rt.api('POST', '/api/outbox/nope/retry', { as: 'admin' })).status).toBe(404);
    });

    it('lists the active demo accounts in demo mode, without a deactivated one', async () => {
      const before = await rt.api('GET', '/api/demo');
      expect(before.status).toBe(200);
      const names = before.body.accounts.map((a: { username: string }) => a.username);
      expect(names).toEqual(expect.arrayContaining(['admin', 'olivia', 'lena', 'carla']));
      expect(before.body.accounts[0]).toMatchObject({ username: 'admin', password: 'demo1234' });

      expect((await rt.api('PATCH', '/api/users/ben', { as: 'admin', body: { active: false } })).status).toBe(
        200,
      );
      const after = await rt.api('GET', '/api/demo');
      expect(after.body.accounts.map((a: { username: string }) => a.username)).not.toContain('ben');
    });
  });
});

describe('GET /api/demo outside demo mode', () => {
  let rt: RuntimeProcess;
  beforeAll(async () => {
    rt = await startRuntime({ CASEFLOW_DEMO: '0', CASEFLOW_ADMIN_PASSWORD: 'admin-password-1' });
  });
  afterAll(() => rt?.stop());

  it('is 404', async () => {
    const res = await rt.api('GET', '/api/demo');
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('not-found');
  });
});
