import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCoreBankingStub } from '../../../../examples/core-banking/stub';
import { exampleCalendars } from '../../../../examples/index';
import { openSqliteStore } from '../store/sqlite/sqlite-store';
import type { Store } from '../store/store';
import { seedLivingDemo } from './demo-living';

/** A short history (two weeks) through the same code as the demo's 90 days. */
describe('the living demo history', () => {
  let store: Store;
  let stub: Awaited<ReturnType<typeof startCoreBankingStub>>;
  let result: Awaited<ReturnType<typeof seedLivingDemo>>;
  const now = Date.parse('2026-11-20T15:00:00Z');

  beforeAll(async () => {
    store = await openSqliteStore({ file: ':memory:' });
    stub = await startCoreBankingStub({ token: 'demo-test-token' });
    result = await seedLivingDemo({
      store,
      now,
      days: 14,
      calendars: exampleCalendars,
      flowEnv: { CORE_BANKING_URL: stub.url },
      dataKey: Buffer.alloc(32, 7),
      coreBanking: { url: stub.url, token: 'demo-test-token' },
    });
    // The time is printed, not asserted: it says more about the machine than about the code.
    console.log(
      `living demo, 14 days: ${result.history.cases} cases, ${result.history.commands} commands in ${(result.ms / 1000).toFixed(1)} s`,
    );
  }, 240_000);
  afterAll(async () => {
    await store?.close();
    await stub?.close();
  });

  it('opens cases over the whole period, across channels and catalog items', async () => {
    const { history } = result;
    expect(history.cases).toBeGreaterThan(200);
    const cases = (await store.cases.list({ limit: 500 })).items.filter((c) => !c.parentCaseId);
    const channels = new Set(cases.map((c) => c.channel));
    expect([...channels].sort()).toEqual(['chat', 'email', 'phone', 'web']);
    const items = new Set(cases.map((c) => (c.variables as { catalogItem?: string }).catalogItem));
    expect(items.size).toBeGreaterThanOrEqual(5);
    const times = cases.map((c) => c.createdAt);
    expect(Math.min(...times)).toBeLessThan(now - 12 * 86_400_000);
    expect(Math.max(...times)).toBeLessThanOrEqual(now);
    // Most are settled; some of the last day's are still open.
    expect(cases.filter((c) => c.closedAt !== null).length).toBeGreaterThan(cases.length * 0.6);
    expect(cases.some((c) => c.closedAt === null)).toBe(true);
  });

  it('has agents claiming, escalating and resolving, SLAs met and breached, surveys answered', async () => {
    const tasks = (await store.tasks.list({ status: ['completed', 'escalated'], limit: 500 })).items;
    expect(tasks.some((t) => t.status === 'escalated')).toBe(true);
    expect(
      new Set(tasks.filter((t) => t.status === 'completed').map((t) => t.assignee)).size,
    ).toBeGreaterThan(4);
    const slas = await store.slas.listByCases(
      (await store.cases.list({ limit: 500 })).items.map((c) => c.id),
    );
    expect(slas.some((s) => s.status === 'met')).toBe(true);
    expect(slas.some((s) => s.status === 'breached')).toBe(true);
    expect(result.history.surveysAnswered).toBeGreaterThan(10);
    expect(result.history.refused).toBeLessThan(result.history.commands * 0.05);
  });

  it('runs a pilot of lost-card v2 with cases in both cohorts', async () => {
    expect(result.history.pilot).toMatchObject({ version: 2 });
    const pilot = await store.pilots.get(result.history.pilot!.id);
    expect(pilot).toMatchObject({ status: 'active', flow: 'lost-card', percentage: 40 });
    const cohorts = new Set(
      (await store.cases.list({ limit: 500 })).items
        .filter((c) => c.pilotId === pilot!.id)
        .map((c) => c.cohort),
    );
    expect([...cohorts].sort()).toEqual(['control', 'pilot']);
  });

  it('leaves work in the queue of every group of demo agents', () => {
    for (const group of ['service-desk', 'card-ops', 'fraud', 'it-support']) {
      expect(result.history.openTasks[group] ?? 0, group).toBeGreaterThan(0);
    }
  });
});
