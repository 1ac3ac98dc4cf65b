import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { oneTaskFlow } from '../support/one-task-flow';
import { type ApiAnswer, type RuntimeProcess, startRuntime } from '../support/runtime-process';
import { scenarioBackends } from '../support/test-database';

/**
 * Activation requests (publish → activate made explicit) attacked over HTTP on SQLite and
 * PostgreSQL: customers and agents asking or deciding, an owner deciding, an owner whose role
 * was taken away, a request settled through another flow's path, malformed and oversized
 * notes and versions, and a burst of the same request at once. Nothing may answer 500.
 */

const flow = (title: string) => oneTaskFlow('hostile-handoff', 'Hand off', title);

function status(res: ApiAnswer, expected: number): void {
  expect(res.status, JSON.stringify(res.body)).toBe(expected);
}

describe.each(scenarioBackends())('activation requests attacked on $backend', ({ backend, skip }) => {
  describe.skipIf(skip)('scenario', () => {
    let rt: RuntimeProcess;
    const KEY = 'hostile-handoff';
    const requests = `/api/flows/${KEY}/activation-requests`;
    const publish = async (title: string): Promise<number> => {
      status(
        await rt.api('PUT', `/api/flows/${KEY}`, { as: 'olivia', body: { definition: flow(title) } }),
        200,
      );
      const res = await rt.api('POST', `/api/flows/${KEY}/publish`, { as: 'olivia', body: {} });
      expect(res.status, JSON.stringify(res.body)).toBeLessThan(300);
      return res.body.version;
    };

    beforeAll(async () => {
      rt = await startRuntime({}, { backend });
    }, 120_000);
    afterAll(() => rt?.stop());

    it('refuses customers and agents on every activation route, and owners on the admin ones', async () => {
      await publish('Hand off'); // the first version goes live on its own
      const v = await publish('Hand off, v2');
      for (const who of ['carla', 'lena', 'sam']) {
        status(await rt.api('POST', requests, { as: who, body: { version: v, note: 'please' } }), 403);
        status(await rt.api('GET', requests, { as: who }), 403);
        status(await rt.api('GET', '/api/activation-requests', { as: who }), 403);
        status(await rt.api('POST', `/api/flows/${KEY}/activate`, { as: who, body: { version: v } }), 403);
      }
      status(await rt.api('GET', '/api/activation-requests', { as: 'olivia' }), 403);
      const asked = await rt.api('POST', requests, { as: 'olivia', body: { version: v, note: 'go' } });
      status(asked, 201);
      const reject = `${requests}/${asked.body.id}/reject`;
      status(await rt.api('POST', reject, { as: 'olivia', body: { note: 'mine, refused by me' } }), 403);
      status(await rt.api('POST', reject, { as: 'lena', body: { note: 'no' } }), 403);
      status(await rt.api('POST', reject, { as: 'carla', body: { note: 'no' } }), 403);
      status(await rt.api('POST', `/api/flows/${KEY}/activate`, { as: 'olivia', body: { version: v } }), 403);
      status(await rt.api('POST', requests, { token: 'forged', body: { version: v, note: 'x' } }), 401);
      // Still pending: none of the refused calls settled it.
      const pending = await rt.api('GET', '/api/activation-requests', { as: 'admin' });
      expect(pending.body.items.map((r: { id: string }) => r.id)).toContain(asked.body.id);
    });

    it("settles no request through another flow's path", async () => {
      const pending = await rt.api('GET', '/api/activation-requests', { as: 'admin' });
      const id = pending.body.items[0].id;
      status(
        await rt.api('POST', `/api/flows/lost-card/activation-requests/${id}/reject`, {
          as: 'admin',
          body: { note: 'wrong flow' },
        }),
        404,
      );
      status(
        await rt.api('POST', `/api/flows/no-such-flow/activation-requests/${id}/reject`, {
          as: 'admin',
          body: { note: 'no flow' },
        }),
        404,
      );
      status(
        await rt.api('POST', '/api/flows/no-such-flow/activation-requests', {
          as: 'olivia',
          body: { version: 1, note: 'x' },
        }),
        404,
      );
      const still = await rt.api('GET', '/api/activation-requests', { as: 'admin' });
      expect(still.body.items.find((r: { id: string }) => r.id === id)?.status).toBe('pending');
    });

    it('answers 400 naming the field for malformed and oversized notes and versions', async () => {
      const bad: Array<[unknown, string]> = [
        [{ version: 1, note: 'x'.repeat(2001) }, 'note'],
        [{ version: 1, note: '   ' }, 'note'],
        [{ version: 1 }, 'note'],
        [{ version: 1, note: ['a'] }, 'note'],
        [{ version: -1, note: 'x' }, 'version'],
        [{ version: 1.5, note: 'x' }, 'version'],
        [{ version: '1', note: 'x' }, 'version'],
        [{ version: 1e308, note: 'x' }, 'version'],
        [{ version: 999_999, note: 'x' }, 'version'],
      ];
      for (const [body, field] of bad) {
        const res = await rt.api('POST', requests, { as: 'olivia', body });
        status(res, 400);
        expect(JSON.stringify(res.body.error.details), JSON.stringify(body)).toContain(field);
      }
      status(await rt.api('POST', requests, { as: 'olivia', raw: '{"version":1,"note":' }), 400);
      const huge = await rt.api('POST', requests, {
        as: 'olivia',
        raw: JSON.stringify({ version: 1, note: 'x'.repeat(5_000_000) }),
      });
      expect([400, 413]).toContain(huge.status);
      const id = (await rt.api('GET', '/api/activation-requests', { as: 'admin' })).body.items[0].id;
      const reject = `${requests}/${id}/reject`;
      status(await rt.api('POST', reject, { as: 'admin', body: { note: 'y'.repeat(2001) } }), 400);
      status(
        await rt.api('POST', `/api/flows/${KEY}/activate`, {
          as: 'admin',
          body: { version: 1, note: 'z'.repeat(2001) },
        }),
        400,
      );
    });

    it('stores a note with NUL and control characters on either store, or refuses it with 400', async () => {
      const v = await publish('Hand off, control');
      const res = await rt.api('POST', requests, {
        as: 'olivia',
        body: { version: v, note: 'why\u0000not\u0007 \u202e' },
      });
      expect([201, 400], JSON.stringify(res.body)).toContain(res.status);
      if (res.status === 400) {
        expect(JSON.stringify(res.body.error.details)).toContain('note');
        return;
      }
      const reject = await rt.api('POST', `${requests}/${res.body.id}/reject`, {
        as: 'admin',
        body: { note: 'no\u0000thanks' },
      });
      expect([200, 400], JSON.stringify(reject.body)).toContain(reject.status);
    });

    it('keeps one pending request per version when the same request comes many times at once', async () => {
      const v = await publish('Hand off, burst');
      const answers = await Promise.all(
        Array.from({ length: 12 }, (_, i) =>
          rt.api('POST', requests, {
            as: i % 2 ? 'olivia' : 'admin',
            body: { version: v, note: `burst ${i}` },
          }),
        ),
      );
      const statuses = answers.map((a) => a.status).sort();
      expect(
        statuses.filter((s) => s === 201),
        JSON.stringify(statuses),
      ).toHaveLength(1);
      expect(
        statuses.filter((s) => s !== 201).every((s) => s === 409),
        JSON.stringify(statuses),
      ).toBe(true);
      const history = await rt.api('GET', requests, { as: 'olivia' });
      expect(
        history.body.items.filter(
          (r: { version: number; status: string }) => r.version === v && r.status === 'pending',
        ),
      ).toHaveLength(1);
    });

    it('refuses an owner whose owner role was taken away, and a deactivated owner', async () => {
      const v = await publish('Hand off, demoted');
      const token = await rt.login('olivia');
      status(await rt.api('PATCH', '/api/users/olivia', { as: 'admin', body: { roles: ['agent'] } }), 200);
      status(await rt.api('POST', requests, { token, body: { version: v, note: 'still me' } }), 403);
      status(await rt.api('GET', requests, { token }), 403);
      status(
        await rt.api('PATCH', '/api/users/olivia', {
          as: 'admin',
          body: { roles: ['owner'], active: false },
        }),
        200,
      );
      const after = await rt.api('POST', requests, { token, body: { version: v, note: 'still me' } });
      expect([401, 403]).toContain(after.status);
      const history = await rt.api('GET', requests, { as: 'admin' });
      expect(history.body.items.some((r: { version: number }) => r.version === v)).toBe(false);
    });
  });
});
