import type { FlowDefinitionInput } from '@caseflow/schema';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { supportFlow } from './test-support/flows';
import { type RuntimeFixture, runtimeFixture, T0 } from './test-support/runtime-fixture';

const v2: FlowDefinitionInput = { ...supportFlow, name: 'Support v2' };

describe.each(['sqlite', 'postgres'] as const)('pilot commands on %s', (dialect) => {
  let f: RuntimeFixture;
  beforeEach(async () => {
    f = await runtimeFixture({}, dialect);
    await f.publish(supportFlow);
    await f.publish(v2);
    await f.store.users.create({ username: 'root', passwordHash: 'x', roles: ['admin'], createdAt: T0 });
  });
  afterEach(async () => f?.dispose());

  const start = (actor = 'root') =>
    f.runtime.startPilot(
      'support',
      { version: 2, percentage: 50, segments: [], customerIds: [], note: '' },
      actor,
    );

  it('starts exactly one of two concurrent pilots of a flow (the other 409)', async () => {
    const results = await Promise.allSettled([start(), start(), start()]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    for (const r of results.filter((r) => r.status === 'rejected')) {
      expect((r as PromiseRejectedResult).reason).toMatchObject({ status: 409 });
    }
    expect((await f.store.pilots.list('support')).filter((p) => p.status === 'active')).toHaveLength(1);
  });

  it('refuses non-admins (403), unknown (400) and active versions (400)', async () => {
    await expect(start('ann')).rejects.toMatchObject({ status: 403 });
    const pilot = (version: number) =>
      f.runtime.startPilot(
        'support',
        { version, percentage: 5, segments: [], customerIds: [], note: '' },
        'root',
      );
    await expect(pilot(9)).rejects.toMatchObject({ status: 400 });
    await expect(pilot(1)).rejects.toMatchObject({ status: 400 });
  });

  it('refuses a segment that is not FEEL (400 naming segments.N) and starts nothing', async () => {
    const pilot = f.runtime.startPilot(
      'support',
      { version: 2, percentage: 0, segments: ['segment = "gold"', 'segment = '], customerIds: [], note: '' },
      'root',
    );
    await expect(pilot).rejects.toMatchObject({
      status: 400,
      details: [{ path: 'segments.1', message: expect.stringContaining('not a FEEL condition') }],
    });
    expect(await f.store.pilots.list('support')).toEqual([]);
  });

  it('promotes only a running pilot, and stops idempotently', async () => {
    const p = await start();
    expect(await f.runtime.stopPilot(p.id, 'root')).toMatchObject({ status: 'stopped' });
    expect(await f.runtime.stopPilot(p.id, 'root')).toMatchObject({ status: 'stopped' });
    await expect(f.runtime.promotePilot(p.id, 'root')).rejects.toMatchObject({ status: 409 });
    const q = await start();
    const promoted = await f.runtime.promotePilot(q.id, 'root');
    expect(promoted.status).toBe('promoted');
    expect((await f.store.flows.get('support'))?.activeVersion).toBe(2);
    await expect(f.runtime.stopPilot(q.id, 'root')).rejects.toMatchObject({ status: 409 });
    await expect(f.runtime.promotePilot('pilot-none', 'root')).rejects.toMatchObject({ status: 404 });
  });

  it('keeps the baseline of a running pilot: activating another version is 409, and admins only', async () => {
    await f.publish({ ...supportFlow, name: 'Support v3' });
    await expect(f.runtime.activate('support', 3, 'ann')).rejects.toMatchObject({ status: 403 });
    const p = await start();
    await expect(f.runtime.activate('support', 3, 'root')).rejects.toMatchObject({ status: 409 });
    expect((await f.store.flows.get('support'))?.activeVersion).toBe(1);
    await f.runtime.stopPilot(p.id, 'root');
    await f.runtime.activate('support', 3, 'root');
    expect((await f.store.flows.get('support'))?.activeVersion).toBe(3);
  });

  it('serialises a promote racing a stop: exactly one of them wins', async () => {
    const p = await start();
    const [promote, stop] = await Promise.allSettled([
      f.runtime.promotePilot(p.id, 'root'),
      f.runtime.stopPilot(p.id, 'root'),
    ]);
    const final = (await f.store.pilots.get(p.id))!.status;
    expect([promote.status, stop.status].filter((s) => s === 'fulfilled')).toHaveLength(1);
    expect((await f.store.flows.get('support'))?.activeVersion).toBe(final === 'promoted' ? 2 : 1);
  });
});
