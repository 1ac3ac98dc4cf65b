import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CustomerRow, PilotRow } from '../store/store';
import { cohortFor, pilotBucket } from './pilot-cohort';
import { timerFlow } from './test-support/flows';
import { type RuntimeFixture, runtimeFixture, T0 } from './test-support/runtime-fixture';

const customer = (id: string, extra: Partial<CustomerRow> = {}): CustomerRow => ({
  id,
  name: id,
  email: null,
  phone: null,
  segment: null,
  attributes: {},
  tags: [],
  createdAt: 0,
  updatedAt: 0,
  ...extra,
});

const pilot = (extra: Partial<PilotRow> = {}): PilotRow => ({
  id: 'p1',
  flow: 'cool-off',
  version: 2,
  baselineVersion: 1,
  percentage: 0,
  segments: [],
  customerIds: [],
  note: '',
  status: 'active',
  createdBy: null,
  createdAt: 0,
  endedAt: null,
  ...extra,
});

describe('pilot cohorts', () => {
  it('puts a customer in a stable bucket per pilot', () => {
    expect(pilotBucket('p1', 'cu-1')).toBe(pilotBucket('p1', 'cu-1'));
    expect(pilotBucket('p1', 'cu-1')).not.toBe(pilotBucket('p2', 'cu-1'));
    const b = pilotBucket('p1', 'cu-1');
    expect(b).toBeGreaterThanOrEqual(0);
    expect(b).toBeLessThan(100);
  });

  it('sends about `percentage` of customers to the pilot', () => {
    const p = pilot({ percentage: 30 });
    let inPilot = 0;
    for (let i = 0; i < 4000; i++) if (cohortFor(p, customer(`c${i}`), 0) === 'pilot') inPilot++;
    expect(inPilot / 4000).toBeGreaterThan(0.27);
    expect(inPilot / 4000).toBeLessThan(0.33);
  });

  it('includes listed customers and customers matching a FEEL segment over their profile', () => {
    const p = pilot({ customerIds: ['vip-1'], segments: ['segment = "gold"', 'limit > 1000'] });
    expect(cohortFor(p, customer('vip-1'), 0)).toBe('pilot');
    expect(cohortFor(p, customer('g', { segment: 'gold' }), 0)).toBe('pilot');
    expect(cohortFor(p, customer('rich', { attributes: { limit: 5000 } }), 0)).toBe('pilot');
    expect(cohortFor(p, customer('s', { segment: 'silver', attributes: { limit: 10 } }), 0)).toBe('control');
    expect(cohortFor(p, null, 0)).toBe('control');
  });

  it('never evaluates a segment as JavaScript', () => {
    (globalThis as Record<string, unknown>).pwned = false;
    const p = pilot({ segments: ['(globalThis.pwned = true) || true'] });
    expect(cohortFor(p, customer('x'), 0)).toBe('control');
    expect((globalThis as Record<string, unknown>).pwned).toBe(false);
  });
});

describe('version choice for new cases', () => {
  let f: RuntimeFixture;
  beforeEach(async () => {
    f = await runtimeFixture();
    await f.publish(timerFlow);
    await f.publish({ ...timerFlow, name: 'Cool off v2' });
    await f.store.customers.create({ id: 'cu-2', name: 'Silver', segment: 'silver', createdAt: T0 });
  });
  afterEach(async () => f.dispose());

  it('runs the pilot version for the pilot cohort and the baseline for control, stored on the case', async () => {
    await f.store.pilots.create(pilot({ segments: ['segment = "gold"'] }));
    const gold = await f.runtime.openCase({
      flow: 'cool-off',
      customerId: 'cu-1',
      channel: 'web',
      actor: 'ann',
    });
    const silver = await f.runtime.openCase({
      flow: 'cool-off',
      customerId: 'cu-2',
      channel: 'web',
      actor: 'ann',
    });
    expect(gold).toMatchObject({ version: 2, pilotId: 'p1', cohort: 'pilot' });
    expect(silver).toMatchObject({ version: 1, pilotId: 'p1', cohort: 'control' });
    expect(await f.runtime.chooseVersion('cool-off', 'cu-1')).toMatchObject({ version: 2, cohort: 'pilot' });
  });

  it('uses the active version once the pilot is stopped', async () => {
    await f.store.pilots.create(pilot({ customerIds: ['cu-1'] }));
    await f.store.pilots.setStatus('p1', 'stopped', T0);
    const c = await f.runtime.openCase({
      flow: 'cool-off',
      customerId: 'cu-1',
      channel: 'web',
      actor: 'ann',
    });
    expect(c).toMatchObject({ version: 1, pilotId: null, cohort: null });
  });

  it('honours an explicit version', async () => {
    await f.store.pilots.create(pilot({ customerIds: ['cu-1'] }));
    const c = await f.runtime.openCase({
      flow: 'cool-off',
      version: 1,
      customerId: 'cu-1',
      channel: 'web',
      actor: 'ann',
    });
    expect(c).toMatchObject({ version: 1, pilotId: null, cohort: null });
  });
});
