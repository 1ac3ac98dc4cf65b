import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { oneTaskFlow } from '../../../../tests/support/one-task-flow';
import { type HttpFixture, httpFixture } from './http-fixture';

let f: HttpFixture;
beforeAll(async () => {
  f = await httpFixture();
});
afterAll(() => f.dispose());

const simple = (title: string) => oneTaskFlow('callback', 'Call the customer back', title);

describe('flow routes', () => {
  it('keeps flows away from agents and customers', async () => {
    expect((await f.call('GET', '/api/flows', { as: 'lena' })).status).toBe(403);
    expect((await f.call('GET', '/api/flows', { as: 'carla' })).status).toBe(403);
  });

  it('lists the seeded flows with their active versions', async () => {
    const res = await f.call('GET', '/api/flows', { as: 'olivia' });
    const lost = res.body.items.find((x: { key: string }) => x.key === 'lost-card');
    expect(lost).toMatchObject({ activeVersion: 1, versions: [1], draft: { valid: true } });
  });

  it('saves invalid drafts with their problems and refuses to publish them (422)', async () => {
    const broken = { ...simple('Call back'), edges: [{ from: 'start', to: 'ask' }] };
    const saved = await f.call('PUT', '/api/flows/callback', { as: 'olivia', body: { definition: broken } });
    expect(saved.status).toBe(200);
    expect(saved.body.problems.some((p: { severity: string }) => p.severity === 'error')).toBe(true);
    const validated = await f.call('POST', '/api/flows/callback/validate', { as: 'olivia' });
    expect(validated.body.valid).toBe(false);
    const published = await f.call('POST', '/api/flows/callback/publish', { as: 'olivia', body: {} });
    expect(published.status).toBe(422);
    expect(published.body.error.details.problems.length).toBeGreaterThan(0);
  });

  it('refuses a save based on a draft someone saved since (409 draft-conflict), writing nothing', async () => {
    const put = (as: string, title: string, baseUpdatedAt?: string | null) =>
      f.call('PUT', '/api/flows/shared-edit', {
        as,
        body: { definition: oneTaskFlow('shared-edit', 'Shared', title), baseUpdatedAt },
      });
    // A new flow: base null means "no draft yet"; a second creator with the same base loses.
    const created = await put('olivia', 'first', null);
    expect(created.status).toBe(200);
    expect((await put('admin', 'also first', null)).status).toBe(409);
    const loaded = await f.call('GET', '/api/flows/shared-edit', { as: 'admin' });
    expect(loaded.body.draft.updatedAt).toBe(created.body.updatedAt);
    // Both open the same draft; olivia saves twice in a row, chaining the answers' updatedAt.
    const base = loaded.body.draft.updatedAt as string;
    const mine = await put('olivia', 'olivia 1', base);
    expect(mine.status).toBe(200);
    expect(Date.parse(mine.body.updatedAt)).toBeGreaterThan(Date.parse(base));
    expect((await put('olivia', 'olivia 2', mine.body.updatedAt)).status).toBe(200);
    const stale = await put('admin', 'admin', base);
    expect(stale.status).toBe(409);
    expect(stale.body.error).toMatchObject({
      code: 'draft-conflict',
      details: { path: 'baseUpdatedAt', updatedBy: 'olivia', updatedByName: 'Olivia Owner' },
    });
    const after = await f.call('GET', '/api/flows/shared-edit', { as: 'admin' });
    expect(after.body.definition.nodes.find((n: { id: string }) => n.id === 'ask').title).toBe('olivia 2');
    // Without a base the last save wins (scripts, imports).
    expect((await put('admin', 'forced')).status).toBe(200);
    expect((await put('admin', 'bad base', 'not a date')).status).toBe(400);
  });

  it('refuses a draft whose key differs from the URL', async () => {
    const res = await f.call('PUT', '/api/flows/other', { as: 'olivia', body: { definition: simple('x') } });
    expect(res.status).toBe(400);
    expect(res.body.error.details[0].path).toBe('definition.key');
  });

  it('publishes versions, shows them and diffs them', async () => {
    await f.call('PUT', '/api/flows/callback', { as: 'olivia', body: { definition: simple('Call back') } });
    const v1 = await f.call('POST', '/api/flows/callback/publish', { as: 'olivia', body: { note: 'first' } });
    expect(v1.status).toBe(201);
    expect(v1.body.version).toBe(1);
    await f.call('PUT', '/api/flows/callback', {
      as: 'olivia',
      body: { definition: simple('Call the customer') },
    });
    const v2 = await f.call('POST', '/api/flows/callback/publish', {
      as: 'olivia',
      body: { note: 'retitled' },
    });
    expect(v2.body.version).toBe(2);

    const versions = await f.call('GET', '/api/flows/callback/versions', { as: 'olivia' });
    expect(versions.body.items.map((v: { version: number }) => v.version)).toEqual([2, 1]);
    const one = await f.call('GET', '/api/flows/callback/versions/1', { as: 'olivia' });
    expect(one.body).toMatchObject({ version: 1, note: 'first', author: 'olivia' });
    expect(one.body.checksum).toMatch(/^[0-9a-f]{64}$/);
    expect(one.body.config).toBeTruthy();

    const diff = await f.call('GET', '/api/flows/callback/diff?from=1&to=2', { as: 'olivia' });
    expect(diff.body.nodes.changed).toEqual([{ id: 'ask', fields: ['title'] }]);
    expect((await f.call('GET', '/api/flows/callback/versions/9', { as: 'olivia' })).status).toBe(404);
  });

  it('activates versions (admin only)', async () => {
    expect(
      (await f.call('POST', '/api/flows/callback/activate', { as: 'olivia', body: { version: 1 } })).status,
    ).toBe(403);
    const res = await f.call('POST', '/api/flows/callback/activate', { as: 'admin', body: { version: 1 } });
    expect(res.body).toEqual({ key: 'callback', activeVersion: 1 });
    const kase = await f.call('POST', '/api/cases', {
      as: 'lena',
      body: { flow: 'callback', customerId: 'c-1004', channel: 'phone' },
    });
    expect(kase.body.version).toBe(1);
  });

  it('runs a pilot: cohort on the case, report per cohort, then stop', async () => {
    const started = await f.call('POST', '/api/flows/callback/pilots', {
      as: 'admin',
      body: { version: 2, customerIds: ['c-1001'], note: 'try the new title' },
    });
    expect(started.status).toBe(201);
    const pilot = started.body;
    expect(pilot).toMatchObject({ flow: 'callback', version: 2, baselineVersion: 1, status: 'active' });
    const again = await f.call('POST', '/api/flows/callback/pilots', {
      as: 'admin',
      body: { version: 2, percentage: 5 },
    });
    expect(again.status).toBe(409);

    const inPilot = await f.call('POST', '/api/cases', {
      as: 'lena',
      body: { flow: 'callback', customerId: 'c-1001', channel: 'chat' },
    });
    const control = await f.call('POST', '/api/cases', {
      as: 'lena',
      body: { flow: 'callback', customerId: 'c-1002', channel: 'chat' },
    });
    expect(inPilot.body).toMatchObject({ version: 2, pilotId: pilot.id, cohort: 'pilot' });
    expect(control.body).toMatchObject({ version: 1 });

    const report = await f.call('GET', `/api/pilots/${pilot.id}/report`, { as: 'olivia' });
    expect(report.status).toBe(200);
    expect(report.body.cohorts.pilot.cases).toBe(1);
    expect(report.body.comparison.map((c: { metric: string }) => c.metric)).toContain('resolutionRate');

    const stopped = await f.call('POST', `/api/pilots/${pilot.id}/stop`, { as: 'admin' });
    expect(stopped.body.status).toBe('stopped');
    expect((await f.call('POST', `/api/pilots/${pilot.id}/promote`, { as: 'admin' })).status).toBe(409);
  });

  it('computes metrics and a heat map from the cases', async () => {
    const kase = await f.call('POST', '/api/cases', {
      as: 'lena',
      body: { flow: 'callback', customerId: 'c-1005', channel: 'email' },
    });
    const task = kase.body.tasks[0];
    f.clock.advance('PT10M');
    await f.call('POST', `/api/tasks/${task.id}/complete`, { as: 'lena', body: { outcome: 'done' } });

    const metrics = await f.call('GET', '/api/metrics?flow=callback&by=channel', { as: 'olivia' });
    expect(metrics.status).toBe(200);
    expect(metrics.body.total.cases).toBeGreaterThanOrEqual(4);
    expect(metrics.body.total.resolved).toBe(1);
    const email = metrics.body.items.find((g: { channel: string }) => g.channel === 'email');
    expect(email).toMatchObject({ cases: 1, resolved: 1, resolutionMs: { avg: 600_000 } });
    // Percentiles come from a sketch with the relative error the answer states.
    expect(metrics.body.percentiles).toMatchObject({ method: 'sketch', relativeError: 0.01 });
    expect(Math.abs(email.resolutionMs.p90 - 600_000)).toBeLessThanOrEqual(600_000 * 0.01);
    const later = await f.call('GET', '/api/metrics?flow=callback&from=2026-01-06', { as: 'olivia' });
    expect(later.body.total.cases).toBe(0);
    expect((await f.call('GET', '/api/metrics?from=yesterday', { as: 'olivia' })).status).toBe(400);

    const heat = await f.call('GET', '/api/flows/callback/heatmap?version=1', { as: 'olivia' });
    const ask = heat.body.nodes.find((n: { nodeId: string }) => n.nodeId === 'ask');
    expect(ask.entered).toBeGreaterThanOrEqual(1);
    expect(ask.completed).toBe(1);
  });
});
