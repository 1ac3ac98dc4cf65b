import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiAnswer, type RuntimeProcess, startRuntime } from '../support/runtime-process';
import { scenarioBackends } from '../support/test-database';

/**
 * Holes found by trying the landed Trust parts as a hostile user would (issue #11), replayed
 * against the built runtime on SQLite and PostgreSQL. Each hostile request runs beside a
 * `GET /api/health`, which must answer within a second.
 *
 *   flow "dedupe": start → route ─count(distinct values(for i in 1..20000 return {a: i})) > 0→ big
 *                                └default→ small
 *   `distinct values` compares every pair of contexts inside one builtin call; the budget
 *   charged only the size of its argument, so this one condition blocked for ~100 s.
 */

const end = (id: string) => ({ id, type: 'end', outcome: 'resolved' });

const dedupeFlow = {
  key: 'dedupe',
  name: 'Quadratic builtin',
  nodes: [{ id: 'start', type: 'start' }, { id: 'route', type: 'decision' }, end('big'), end('small')],
  edges: [
    { from: 'start', to: 'route' },
    { from: 'route', to: 'big', when: 'count(distinct values(for i in 1..20000 return {a: i})) > 0' },
    { from: 'route', to: 'small', default: true },
  ],
};

describe.each(scenarioBackends())('red team findings over HTTP on $backend', ({ backend, skip }) => {
  describe.skipIf(skip)('scenario', () => {
    let rt: RuntimeProcess;

    /** Sends `hostile` and, just after, GET /api/health; how long each took to answer. */
    async function beside(hostile: () => Promise<ApiAnswer>) {
      const t0 = Date.now();
      const pending = hostile().then((answer) => ({ answer, ms: Date.now() - t0 }));
      await new Promise((r) => setTimeout(r, 20));
      const h0 = Date.now();
      const health = await rt.api('GET', '/api/health');
      const healthMs = Date.now() - h0;
      return { ...(await pending), health, healthMs };
    }

    beforeAll(async () => {
      rt = await startRuntime({}, { backend });
      await rt.login('admin');
      const saved = await rt.api('PUT', '/api/flows/dedupe', {
        as: 'admin',
        body: { definition: dedupeFlow },
      });
      expect(saved.status, JSON.stringify(saved.body)).toBe(200);
      const published = await rt.api('POST', '/api/flows/dedupe/publish', {
        as: 'admin',
        body: { note: 'v1' },
      });
      expect(published.status, JSON.stringify(published.body)).toBe(201);
      const active = await rt.api('POST', '/api/flows/dedupe/activate', {
        as: 'admin',
        body: { version: published.body.version },
      });
      expect(active.status, JSON.stringify(active.body)).toBeLessThan(300);
    });
    afterAll(() => rt?.stop());

    it('stops a quadratic builtin (distinct values over contexts) at the budget, with an incident', async () => {
      const { answer, ms, health, healthMs } = await beside(() =>
        rt.api('POST', '/api/cases', {
          as: 'admin',
          body: { flow: 'dedupe', customerId: 'c-1001', channel: 'web', variables: {} },
        }),
      );
      expect(answer.status, JSON.stringify(answer.body)).toBe(422);
      expect(answer.body.error.code).toBe('incident');
      expect(answer.body.error.details).toMatchObject({ kind: 'expression', nodeId: 'route' });
      expect(ms).toBeLessThan(3000);
      expect(health.status).toBe(200);
      expect(healthMs).toBeLessThan(1000);
    });
  });
});
