import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RuntimeProcess, startRuntime } from '../support/runtime-process';

/**
 * Piloting a new version of password-reset on the gold segment, over HTTP:
 * olivia edits and publishes v2 → admin pilots v2 for `segment = "gold"` → carla (gold) gets
 * v2, ben (standard) v1, ivan (online) is given both reset tasks → report per cohort, routing
 * and agent time included → promote → everyone gets v2, running cases keep
 * their version.
 */
let rt: RuntimeProcess;
beforeAll(async () => {
  rt = await startRuntime();
});
afterAll(() => rt?.stop());

/** The staff resource of a case: customers' answers carry no version or cohort (DESIGN §8). */
const staffView = async (id: string) => (await rt.api('GET', `/api/cases/${id}`, { as: 'admin' })).body;
const request = (as: string) =>
  rt.api('POST', '/api/catalog/password-reset/requests', {
    as,
    body: { values: { username: `${as}.x`, contact: `${as}@example.com` } },
  });

describe('pilot of a new flow version over HTTP', () => {
  let pilotId = '';
  let bensCase = '';

  it('publishes v2 from an edited draft', async () => {
    const draft = await rt.api('GET', '/api/flows/password-reset', { as: 'olivia' });
    const definition = structuredClone(draft.body.definition);
    const reset = definition.nodes.find((n: { id: string }) => n.id === 'reset');
    reset.title = 'Reset the password (new script)';
    const saved = await rt.api('PUT', '/api/flows/password-reset', { as: 'olivia', body: { definition } });
    expect(saved.status).toBe(200);
    const published = await rt.api('POST', '/api/flows/password-reset/publish', {
      as: 'olivia',
      body: { note: 'new script' },
    });
    expect(published.body.version).toBe(2);
    const diff = await rt.api('GET', '/api/flows/password-reset/diff?from=1&to=2', { as: 'olivia' });
    expect(diff.body.nodes.changed).toEqual([{ id: 'reset', fields: ['title'] }]);
  });

  it('pilots v2 on the gold segment only', async () => {
    const started = await rt.api('POST', '/api/flows/password-reset/pilots', {
      as: 'admin',
      body: { version: 2, segments: ['segment = "gold"'], note: 'gold first' },
    });
    expect(started.status).toBe(201);
    pilotId = started.body.id;
    // Ivan is at work: it-support routes round-robin, so each reset task goes to him.
    expect(
      (await rt.api('PUT', '/api/agents/ivan/presence', { as: 'ivan', body: { status: 'online' } })).status,
    ).toBe(200);
    const carla = await staffView((await request('carla')).body.id);
    const ben = await staffView((await request('ben')).body.id);
    bensCase = ben.id;
    expect(carla).toMatchObject({ version: 2, pilotId, cohort: 'pilot' });
    expect(ben.version).toBe(1);
    expect(ben.cohort === null || ben.cohort === 'control').toBe(true);
  });

  it('reports both cohorts with their counts', async () => {
    const report = await rt.api('GET', `/api/pilots/${pilotId}/report`, { as: 'olivia' });
    expect(report.status).toBe(200);
    expect(report.body.cohorts.pilot.cases).toBe(1);
    const z = report.body.comparison.find((c: { metric: string }) => c.metric === 'resolutionRate');
    expect(z.significant).toBe(false);
    // The team's side: routing gave carla's reset task to ivan, who holds it since.
    expect(report.body.workforce.pilot).toMatchObject({
      assignments: 1,
      declines: 0,
      assignmentWaitMs: 0,
      casesWorked: 1,
    });
    const metrics = report.body.comparison.map((c: { metric: string }) => c.metric);
    expect(metrics).toEqual(expect.arrayContaining(['assignmentWaitMs', 'declineRate', 'agentTimeMs']));
  });

  it('promotes: new cases get v2, the running case keeps v1', async () => {
    const promoted = await rt.api('POST', `/api/pilots/${pilotId}/promote`, { as: 'admin' });
    expect(promoted.body.status).toBe('promoted');
    const flows = await rt.api('GET', '/api/flows', { as: 'olivia' });
    const flow = flows.body.items.find((f: { key: string }) => f.key === 'password-reset');
    expect(flow).toMatchObject({ activeVersion: 2, pilots: [] });
    expect((await staffView((await request('ben')).body.id)).version).toBe(2);
    expect((await staffView(bensCase)).version).toBe(1);
  });
});
