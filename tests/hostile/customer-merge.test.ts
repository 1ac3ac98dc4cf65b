import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiAnswer, type RuntimeProcess, startRuntime } from '../support/runtime-process';
import { scenarioBackends } from '../support/test-database';

/**
 * Contact merges attacked over HTTP on SQLite and PostgreSQL: customers merging someone else's
 * record into their own (or theirs away), loops (A into B and B into A, at once), a burst of
 * the same merge, linking an account to a merged contact, and ids that are huge, garbage or
 * path tricks. Nothing may answer 500, and no merge may leave a loop or two tombstones.
 */

function status(res: ApiAnswer, expected: number): void {
  expect(res.status, JSON.stringify(res.body)).toBe(expected);
}

describe.each(scenarioBackends())('customer merges attacked on $backend', ({ backend, skip }) => {
  describe.skipIf(skip)('scenario', () => {
    let rt: RuntimeProcess;
    const merge = (into: string, from: unknown, as = 'lena') =>
      rt.api('POST', `/api/customers/${encodeURIComponent(into)}/merge`, { as, body: { from } });
    const customer = async (id: string) =>
      (await rt.api('GET', `/api/customers/${id}`, { as: 'admin' })).body;
    const create = async (id: string) =>
      status(
        await rt.api('POST', '/api/customers', { as: 'lena', body: { id, name: `Contact ${id}` } }),
        201,
      );

    beforeAll(async () => {
      rt = await startRuntime({}, { backend });
    }, 120_000);
    afterAll(() => rt?.stop());

    it('refuses customers, whichever record they name, and leaves both untouched', async () => {
      // Carla (c-1001) pulling Ben's record into hers, and hers into Ben's.
      status(await merge('c-1001', 'c-1002', 'carla'), 403);
      status(await merge('c-1002', 'c-1001', 'carla'), 403);
      status(await merge('c-1001', 'c-1002', 'ben'), 403);
      status(
        await rt.api('POST', '/api/customers/c-1001/merge', { token: 'forged', body: { from: 'c-1002' } }),
        401,
      );
      expect((await customer('c-1001')).mergedInto).toBeNull();
      expect((await customer('c-1002')).mergedInto).toBeNull();
      expect((await rt.api('GET', '/api/customers/c-1001', { as: 'carla' })).body.merges).toEqual([]);
    });

    it('answers garbage and huge ids with 400/404, never 500', async () => {
      for (const from of ['x'.repeat(201), '', 'c-1002\u0000', 42, null, ['c-1002'], { id: 'c-1002' }]) {
        status(await merge('c-1001', from), 400);
      }
      for (const from of ['../c-1002', "c-1002' or 1=1 --", '%', 'c-10%']) {
        status(await merge('c-1001', from), 404);
      }
      status(
        await rt.api('POST', `/api/customers/${'z'.repeat(300)}/merge`, {
          as: 'lena',
          body: { from: 'c-1002' },
        }),
        400,
      );
      status(await rt.api('POST', '/api/customers/c-1001/merge', { as: 'lena', raw: '{"from":' }), 400);
      expect((await customer('c-1002')).mergedInto).toBeNull();
    });

    it('merges A and B once when A→B and B→A race, and a burst of the same merge once', async () => {
      await create('c-race-a');
      await create('c-race-b');
      const answers = await Promise.all([
        merge('c-race-b', 'c-race-a'),
        merge('c-race-a', 'c-race-b', 'admin'),
        merge('c-race-b', 'c-race-a', 'ines'),
        merge('c-race-a', 'c-race-b', 'lena'),
      ]);
      for (const a of answers) expect([200, 422], JSON.stringify(a.body)).toContain(a.status);
      const [a, b] = [await customer('c-race-a'), await customer('c-race-b')];
      // Exactly one of them is a tombstone, pointing at the other.
      expect([a.mergedInto, b.mergedInto].filter(Boolean)).toHaveLength(1);
      const survivor = a.mergedInto ? b : a;
      expect(survivor.merges).toHaveLength(1);

      await create('c-burst-a');
      await create('c-burst-b');
      const burst = await Promise.all(Array.from({ length: 8 }, () => merge('c-burst-b', 'c-burst-a')));
      for (const r of burst) status(r, 200);
      expect((await customer('c-burst-b')).merges).toHaveLength(1);
      // The loop the other way round is refused afterwards, naming the path's customer.
      const loop = await merge('c-burst-a', 'c-burst-b');
      status(loop, 422);
      expect(loop.body.error.details[0].path).toBe('id');
    });

    it('refuses linking an account to a merged contact', async () => {
      await create('c-gone');
      status(await merge('c-1003', 'c-gone'), 200);
      const user = await rt.api('POST', '/api/users', {
        as: 'admin',
        body: { username: 'ghost', password: 'ghost-pa55word', roles: ['customer'], customerId: 'c-gone' },
      });
      status(user, 400);
      expect(user.body.error.details[0].path).toBe('customerId');
    });
  });
});
