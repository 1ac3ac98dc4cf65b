import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CaseRow, Store } from '../store/store';
import { createRuntime, moveClock } from './runtime';
import { supportFlow, timerFlow } from './test-support/flows';
import { type RuntimeFixture, runtimeFixture } from './test-support/runtime-fixture';
import { memoryLogger } from './test-support/temp-store';

describe('durable timers', () => {
  let f: RuntimeFixture;
  beforeEach(async () => {
    f = await runtimeFixture();
    await f.publish(timerFlow);
    await f.publish(supportFlow);
  });
  afterEach(async () => f.dispose());

  it('fires a timer node when the manual clock passes its due time, and not before', async () => {
    const c = await f.runtime.openCase({
      flow: 'cool-off',
      customerId: 'cu-1',
      channel: 'web',
      actor: 'ann',
    });
    expect(c.activeNodes).toEqual(['cool-off']);
    expect(await moveClock(f.runtime, { advance: 'PT59M' })).toMatchObject({ fired: 0 });
    expect((await f.runtime.getCase(c.id))!.status).toBe('open');
    expect(await moveClock(f.runtime, { advance: 'PT1M' })).toMatchObject({ fired: 1 });
    expect((await f.runtime.getCase(c.id))!.status).toBe('resolved');
  });

  it('fires each timer once: a second pass finds nothing, the case revision moves once', async () => {
    const c = await f.runtime.openCase({
      flow: 'cool-off',
      customerId: 'cu-1',
      channel: 'web',
      actor: 'ann',
    });
    f.clock.advance('PT2H');
    const [a, b] = await Promise.all([f.runtime.fireDueTimers(), f.runtime.fireDueTimers()]);
    expect(a + b).toBe(1);
    expect(await f.runtime.fireDueTimers()).toBe(0);
    expect((await f.runtime.getCase(c.id))!.revision).toBe(2);
  });

  it('drops a stale timer (the engine no longer waits for it) without touching the case', async () => {
    const c = await f.runtime.openCase({
      flow: 'cool-off',
      customerId: 'cu-1',
      channel: 'web',
      actor: 'ann',
    });
    await f.store.timers.schedule({
      caseId: c.id,
      timerId: `${c.id}.tm99`,
      fireAt: f.clock.now(),
      purpose: 'stale',
    });
    expect(await f.runtime.fireDueTimers()).toBe(1);
    expect(await f.store.timers.listByCase(c.id)).toHaveLength(1);
    expect((await f.runtime.getCase(c.id))!).toMatchObject({
      status: 'open',
      activeNodes: ['cool-off'],
      revision: 1,
    });
  });

  it('escalates a task when its SLA breaches and records the breach', async () => {
    const c = await f.runtime.openCase({ flow: 'support', customerId: 'cu-1', channel: 'web', actor: 'ann' });
    await moveClock(f.runtime, { advance: 'PT31M' });
    const after = (await f.runtime.getCase(c.id))!;
    expect(after.tasks.map((t) => [t.tier, t.status])).toEqual(
      expect.arrayContaining([
        ['L1', 'escalated'],
        ['L2', 'open'],
      ]),
    );
    expect(after.slas.find((s) => s.scope === 'task')).toMatchObject({ status: 'breached' });
    const types = (await f.runtime.timeline(c.id)).map((e) => e.type);
    expect(types).toContain('sla.breached');
    expect(types).toContain('task.escalated');
  });

  it('fires each timer exactly once when two runtimes (two connections) share the database', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 12; i++) {
      ids.push(
        (await f.runtime.openCase({ flow: 'cool-off', customerId: 'cu-1', channel: 'web', actor: 'ann' })).id,
      );
    }
    f.clock.advance('PT2H');
    const store2 = await f.openAnother();
    const second = createRuntime({ store: store2, clock: f.clock, logger: memoryLogger() });
    try {
      const [a, b] = await Promise.all([f.runtime.fireDueTimers(), second.fireDueTimers()]);
      expect(a + b).toBe(12);
      for (const id of ids)
        expect((await f.runtime.getCase(id))!).toMatchObject({ status: 'resolved', revision: 2 });
    } finally {
      await second.close();
      await store2.close();
    }
  });

  it('catches up after downtime: timers due while no runtime ran fire as the background loop starts', async () => {
    const c = await f.runtime.openCase({
      flow: 'cool-off',
      customerId: 'cu-1',
      channel: 'web',
      actor: 'ann',
    });
    await f.runtime.close();
    // The process is "down" for three hours, then a new runtime starts on the same database.
    f.clock.advance('PT3H');
    const store2 = await f.openAnother();
    const second = createRuntime({ store: store2, clock: f.clock, logger: memoryLogger() });
    try {
      second.startBackground();
      await waitFor(async () => (await store2.cases.get(c.id))?.status === 'resolved');
    } finally {
      await second.close();
      await store2.close();
    }
  });
});

describe('optimistic concurrency', () => {
  let f: RuntimeFixture;
  beforeEach(async () => {
    f = await runtimeFixture();
    await f.publish(supportFlow);
  });
  afterEach(async () => f.dispose());

  /**
   * The real store, except that reading a case inside a transaction lets a "concurrent writer"
   * bump its revision first (what another process on PostgreSQL could do between our read and
   * our write), `times` times.
   */
  function racingStore(store: Store, times: number): Store & { races: number } {
    const state = { races: 0 };
    // A concurrent writer commits right after each read of the case (alone, or with a task).
    const race = async (row: CaseRow | null | undefined, tx: Store) => {
      if (row && state.races < times) {
        state.races++;
        await tx.cases.update(row.id, row.revision, { updatedAt: row.updatedAt });
      }
    };
    const wrapTx = (tx: Store): Store => ({
      ...tx,
      cases: {
        ...tx.cases,
        async get(id) {
          const row = await tx.cases.get(id);
          await race(row, tx);
          return row;
        },
        async getWithUser(id, username) {
          const both = await tx.cases.getWithUser(id, username);
          await race(both.case, tx);
          return both;
        },
      },
      tasks: {
        ...tx.tasks,
        async getWithCase(id) {
          const both = await tx.tasks.getWithCase(id);
          await race(both?.case, tx);
          return both;
        },
        async getWithCaseAndUser(id, username) {
          const both = await tx.tasks.getWithCaseAndUser(id, username);
          await race(both?.case, tx);
          return both;
        },
      },
    });
    const racing = {
      ...store,
      transaction: <T>(fn: (tx: Store) => Promise<T>) => store.transaction((tx) => fn(wrapTx(tx))),
    };
    return Object.defineProperty(racing, 'races', { get: () => state.races }) as Store & { races: number };
  }

  it('retries the whole event on a stale revision and commits it once', async () => {
    const c = await f.runtime.openCase({ flow: 'support', customerId: 'cu-1', channel: 'web', actor: 'ann' });
    const store = racingStore(f.store, 2);
    const runtime = createRuntime({ store, clock: f.clock, logger: memoryLogger() });
    const after = await runtime.completeTask(
      c.tasks[0]!.id,
      { outcome: 'resolved', values: { note: 'x' } },
      'ann',
    );
    expect(store.races).toBe(2);
    expect(after.status).toBe('resolved');
    // The simulated writer ran inside our rolled-back attempts, so only our commit remains.
    expect(after.revision).toBe(2);
    const completed = (await f.runtime.timeline(c.id)).filter((e) => e.type === 'task.completed');
    expect(completed).toHaveLength(1);
  });

  it('gives up with 409 when the case keeps changing', async () => {
    const c = await f.runtime.openCase({ flow: 'support', customerId: 'cu-1', channel: 'web', actor: 'ann' });
    const runtime = createRuntime({
      store: racingStore(f.store, 100),
      clock: f.clock,
      logger: memoryLogger(),
    });
    await expect(
      runtime.completeTask(c.tasks[0]!.id, { outcome: 'resolved', values: { note: 'x' } }, 'ann'),
    ).rejects.toMatchObject({ status: 409, code: 'conflict' });
    // Nothing of the event was committed.
    expect((await f.store.tasks.get(c.tasks[0]!.id))!.status).toBe('open');
  });
});

async function waitFor(condition: () => Promise<boolean>, timeoutMs = 5000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > until) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 20));
  }
}
