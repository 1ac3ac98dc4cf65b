import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RuntimeProcess, startRuntime } from '../support/runtime-process';
import { scenarioBackends } from '../support/test-database';
import { decisionFlow } from './support/decision-flow';
import { besideHealth, publishAndActivate } from './support/scenario-steps';

/**
 * Holes found by trying the landed Trust parts as a hostile user would (issue #11), replayed
 * against the built runtime on SQLite and PostgreSQL. Each hostile request runs beside a
 * `GET /api/health`, which must answer within a second.
 *
 *   flow "dedupe": start → route ─count(distinct values(for i in 1..20000 return {a: i})) > 0→ big
 *                                └default→ small
 *   `distinct values` compares every pair of contexts inside one builtin call; the budget
 *   charged only the size of its argument, so this one condition blocked for ~100 s.
 *
 *   catalog item "count" (form: n, a number) → flow "count": route ─count(for i in 1..n return i) > 0→ big
 *   a customer choosing n over the collection limit makes the condition fail on its budget;
 *   each resubmission with another n opened an incident of its own (keyed by the whole request),
 *   and the customer was answered the incident's id, node and failure text.
 *
 * Login throttling checked, then verified the password (tens of milliseconds of scrypt), then
 * counted the failure: 100 parallel guesses from one address got 48 checked where 5 should.
 * Clients are told apart by X-Forwarded-For, trusted here because CASEFLOW_TRUST_PROXY=1.
 */

const dedupeFlow = decisionFlow(
  'dedupe',
  'Quadratic builtin',
  'count(distinct values(for i in 1..20000 return {a: i})) > 0',
);

const countFlow = decisionFlow('count', 'Customer-sized range', 'count(for i in 1..n return i) > 0');

const countItem = {
  name: 'Count',
  category: 'Tests',
  flow: 'count',
  form: { properties: { n: { type: 'number', title: 'How many' } }, required: ['n'] },
};

describe.each(scenarioBackends())('red team findings over HTTP on $backend', ({ backend, skip }) => {
  describe.skipIf(skip)('scenario', () => {
    let rt: RuntimeProcess;

    beforeAll(async () => {
      rt = await startRuntime({ CASEFLOW_TRUST_PROXY: '1' }, { backend });
      await rt.login('admin');
      await rt.login('carla');
      await publishAndActivate(rt, dedupeFlow);
      await publishAndActivate(rt, countFlow);
      const item = await rt.api('PUT', '/api/catalog/count', { as: 'admin', body: countItem });
      expect(item.status, JSON.stringify(item.body)).toBe(200);
    });
    afterAll(() => rt?.stop());

    it('stops a quadratic builtin (distinct values over contexts) at the budget, with an incident', async () => {
      const { answer, ms, health, healthMs } = await besideHealth(rt, () =>
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

    it('bumps one incident when a customer resubmits a failing request with other values', async () => {
      for (const n of [200_000, 300_000, 400_000, 500_000]) {
        const res = await rt.api('POST', '/api/catalog/count/requests', {
          as: 'carla',
          body: { values: { n } },
        });
        expect(res.status, JSON.stringify(res.body)).toBe(422);
        expect(res.body.error.code).toBe('incident');
      }
      const list = await rt.api('GET', '/api/incidents?status=open', { as: 'admin' });
      const ranges = list.body.items.filter((i: { message: string }) => /range of/.test(i.message));
      expect(ranges).toHaveLength(1);
      expect(ranges[0]).toMatchObject({ attempts: 4, nodeId: 'route', kind: 'expression' });
    });

    it("tells a customer only that the request was not taken, not the incident's internals", async () => {
      const res = await rt.api('POST', '/api/catalog/count/requests', {
        as: 'carla',
        body: { values: { n: 900_000 } },
      });
      expect(res.status).toBe(422);
      expect(res.body.error.code).toBe('incident');
      expect(res.body.error.details).toBeUndefined();
      expect(res.body.error.message).not.toMatch(/route|FEEL|budget|range|inc-/);
      // Staff opening the same case get the incident named.
      const staff = await rt.api('POST', '/api/cases', {
        as: 'admin',
        body: { flow: 'count', customerId: 'c-1001', channel: 'web', variables: { n: 900_000 } },
      });
      expect(staff.status).toBe(422);
      expect(staff.body.error.details).toMatchObject({ nodeId: 'route', kind: 'expression' });
      expect(staff.body.error.details.incidentId).toEqual(expect.any(String));
    });

    it('lets a parallel burst of wrong passwords check no more than the free attempts', async () => {
      const headers = { 'x-forwarded-for': '198.51.100.77' };
      const answers = await Promise.all(
        Array.from({ length: 40 }, (_, i) =>
          rt.api('POST', '/api/auth/login', {
            body: { username: 'marco', password: `wrong-guess-${i}` },
            headers,
          }),
        ),
      );
      const checked = answers.filter((a) => a.status === 401).length;
      expect(answers.every((a) => a.status === 401 || a.status === 429)).toBe(true);
      // Five free per address and username (DEFAULT_THROTTLE_RULES.pair.free), and the sixth
      // failure starts the delay — as many as sequential tries get.
      expect(checked).toBeLessThanOrEqual(6);
      expect(answers.filter((a) => a.status === 429)[0]?.body.error.code).toBe('too-many-attempts');
      // The real user, from elsewhere, still signs in.
      const real = await rt.api('POST', '/api/auth/login', {
        body: { username: 'marco', password: 'demo1234' },
        headers: { 'x-forwarded-for': '203.0.113.9' },
      });
      expect(real.status).toBe(200);
    });
  });
});
