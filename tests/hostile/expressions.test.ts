import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RuntimeProcess, startRuntime } from '../support/runtime-process';
import { scenarioBackends } from '../support/test-database';
import { decisionFlow } from './support/decision-flow';
import { besideHealth, publishAndActivate } from './support/scenario-steps';

/**
 * Expressions and patterns from flows and forms run on a budget (issue #11, leaks 1 and 4),
 * against the built runtime on SQLite and PostgreSQL. Each hostile request runs while a
 * `GET /api/health` is sent beside it: the health check must answer, i.e. the event loop never
 * blocks on a regular expression or a runaway FEEL expression.
 *
 *   catalog item "redos" (form: code ~ ^(\w|\d)+$) → flow "redos"
 *     start → route ─matches(note, "(a+)+$")→ matched (end)
 *                   └default───────────────→ plain (end)
 *   flow "bomb": start → route ─count(for i in 1..100000000 return i) > 0→ end
 */

const redosFlow = decisionFlow(
  'redos',
  'Pattern on customer input',
  'matches(note, "(a+)+$")',
  'matched',
  'plain',
);

/**
 * Without the budgets these requests never end: `(a+)+$` backtracks exponentially (hours on 40
 * characters) and the FEEL loop builds 10^8 values, and either would block the event loop, so the
 * health check beside them would never answer. The bound only separates "ran on a budget" from
 * "stuck"; it is wide so that a loaded CI machine cannot make it fail.
 */
const STUCK_MS = 15_000;

const bombFlow = decisionFlow('bomb', 'Runaway condition', 'count(for i in 1..100000000 return i) > 0');

const redosItem = {
  name: 'Pattern check',
  category: 'Tests',
  flow: 'redos',
  form: {
    properties: {
      code: {
        type: 'string',
        title: 'Reference code',
        description: 'letters and digits only',
        pattern: '^(\\w|\\d)+$',
      },
      note: { type: 'string', title: 'Note', maxLength: 20000 },
    },
    required: ['code'],
  },
};

describe.each(scenarioBackends())('expression budgets over HTTP on $backend', ({ backend, skip }) => {
  describe.skipIf(skip)('scenario', () => {
    let rt: RuntimeProcess;

    beforeAll(async () => {
      rt = await startRuntime({}, { backend });
      // Sign in first: password hashing must not count in the timings below.
      await rt.login('admin');
      await rt.login('carla');
      await publishAndActivate(rt, redosFlow);
      await publishAndActivate(rt, bombFlow);
      const item = await rt.api('PUT', '/api/catalog/redos', { as: 'admin', body: redosItem });
      expect(item.status, JSON.stringify(item.body)).toBe(200);
    });
    afterAll(() => rt?.stop());

    it('answers a ReDoS-shaped form value with 400 at once, and stays responsive', async () => {
      const value = `${'a'.repeat(39)}!`;
      const { answer, ms, health, healthMs } = await besideHealth(rt, () =>
        rt.api('POST', '/api/catalog/redos/requests', { as: 'carla', body: { values: { code: value } } }),
      );
      expect(answer.status).toBe(400);
      expect(answer.body.error.details).toEqual([
        {
          path: 'values.code',
          field: 'code',
          code: 'pattern',
          message: 'Reference code does not have the expected format: letters and digits only',
          params: { label: 'Reference code', description: 'letters and digits only' },
        },
      ]);
      expect(ms).toBeLessThan(STUCK_MS);
      expect(health.status).toBe(200);
      expect(healthMs).toBeLessThan(STUCK_MS);
    });

    it('runs a backtracking FEEL pattern over a long customer value in linear time', async () => {
      const note = `${'a'.repeat(10_000)}!`;
      const { answer, ms, health, healthMs } = await besideHealth(rt, () =>
        rt.api('POST', '/api/catalog/redos/requests', {
          as: 'carla',
          body: { values: { code: 'ref42', note } },
        }),
      );
      expect(answer.status, JSON.stringify(answer.body)).toBe(201);
      expect(answer.body).toMatchObject({ status: 'resolved' });
      const trail = await rt.api('GET', `/api/cases/${answer.body.id}/timeline`, { as: 'admin' });
      expect(JSON.stringify(trail.body)).toContain('plain');
      expect(ms).toBeLessThan(STUCK_MS);
      expect(healthMs).toBeLessThan(STUCK_MS);
      expect(health.status).toBe(200);
    });

    it('refuses a catalog form whose pattern RE2 cannot run', async () => {
      const res = await rt.api('PUT', '/api/catalog/backref', {
        as: 'admin',
        body: {
          ...redosItem,
          form: { properties: { code: { type: 'string', pattern: '^(a)\\1$' } } },
        },
      });
      expect(res.status).toBe(400);
      expect(res.body.error.details[0]).toMatchObject({ path: 'form.properties.code.pattern' });
      expect(res.body.error.details[0].message).toMatch(/cannot be used/);
    });

    it('stops a runaway FEEL condition within its budget: an error or an incident, never a hang', async () => {
      const { answer, ms, health, healthMs } = await besideHealth(rt, () =>
        rt.api('POST', '/api/cases', {
          as: 'admin',
          body: { flow: 'bomb', customerId: 'c-1001', channel: 'web', variables: {} },
        }),
      );
      // The runtime may refuse the case (a JSON error) or keep it with an incident.
      if (answer.status >= 400) expect(answer.body.error.code).toEqual(expect.any(String));
      else expect(answer.body.status).toBe('open');
      expect(answer.body.status).not.toBe('resolved');
      expect(ms).toBeLessThan(STUCK_MS);
      expect(health.status).toBe(200);
      expect(healthMs).toBeLessThan(STUCK_MS);
      // Still up for the next request.
      expect((await rt.api('GET', '/api/health')).status).toBe(200);
    });
  });
});
