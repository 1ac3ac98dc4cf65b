import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { memoryLogger, tempStore } from '../executor/test-support/temp-store';
import type { Store } from '../store/store';
import { createBackgroundLoop } from './background-loop';
import { createTimerFirer, type TimerHandler } from './timer-firer';

const T0 = Date.parse('2026-01-05T09:00:00Z');

describe('timer firer', () => {
  let store: Store;
  let dispose: () => Promise<void>;
  let fired: string[];
  /** Fires by recording the timer in the same transaction that completes it. */
  const recordFire: TimerHandler = async (timer, complete) => {
    await store.transaction(async (tx) => {
      if (!(await complete(tx))) throw new Error('claim lost');
      fired.push(timer.id);
    });
  };

  beforeEach(async () => {
    ({ store, dispose } = await tempStore());
    fired = [];
  });
  afterEach(async () => dispose());

  const schedule = (caseId: string, timerId: string, fireAt: number) =>
    store.timers.schedule({ caseId, timerId, fireAt, purpose: 'test' });

  it('fires the timers due at `now`, oldest first, and deletes them in the fire transaction', async () => {
    await schedule('c1', 'tm2', T0 + 2000);
    await schedule('c1', 'tm1', T0 + 1000);
    await schedule('c2', 'tm1', T0 + 5000);
    const fireDue = createTimerFirer({ store, logger: memoryLogger(), fire: recordFire });

    expect(await fireDue(T0 + 2000)).toBe(2);
    expect(fired).toEqual(['c1:tm1', 'c1:tm2']);
    expect(await store.timers.listByCase('c1')).toEqual([]);
    expect(await store.timers.listByCase('c2')).toHaveLength(1);
  });

  it('fires each timer once, also when two firers share the database', async () => {
    for (let i = 0; i < 30; i++) await schedule(`c${i % 3}`, `tm${i}`, T0 + i);
    const a = createTimerFirer({ store, logger: memoryLogger(), fire: recordFire, batchSize: 7 });
    const b = createTimerFirer({ store, logger: memoryLogger(), fire: recordFire, batchSize: 7 });
    const [na, nb] = await Promise.all([a(T0 + 100), b(T0 + 100)]);
    expect(na + nb).toBe(30);
    expect(new Set(fired).size).toBe(30);
    expect(fired).toHaveLength(30);
    expect(await a(T0 + 10 * 60_000)).toBe(0);
  });

  it('keeps a timer whose fire crashed and fires it again once the lease ends', async () => {
    await schedule('c1', 'tm1', T0);
    const logger = memoryLogger();
    let crash = true;
    const fireDue = createTimerFirer({
      store,
      logger,
      leaseMs: 30_000,
      fire: async (timer, complete) => {
        await store.transaction(async (tx) => {
          await complete(tx);
          if (crash) throw new Error('boom');
          fired.push(timer.id);
        });
      },
    });
    expect(await fireDue(T0)).toBe(0);
    expect(logger.lines.some((l) => l.level === 'error')).toBe(true);
    expect(await store.timers.listByCase('c1')).toHaveLength(1);
    // Still leased: nobody else may fire it.
    expect(await fireDue(T0 + 10_000)).toBe(0);
    crash = false;
    expect(await fireDue(T0 + 30_000)).toBe(1);
    expect(fired).toEqual(['c1:tm1']);
  });

  it('catches up on timers that fell due while the runtime was down, as soon as the loop starts', async () => {
    // Scheduled "yesterday"; the process was down since.
    await schedule('c1', 'tm1', Date.now() - 86_400_000);
    await schedule('c1', 'tm2', Date.now() - 3_600_000);
    await schedule('c1', 'tm3', Date.now() + 3_600_000);
    const fireDue = createTimerFirer({ store, logger: memoryLogger(), fire: recordFire });
    let rounds = 0;
    const loop = createBackgroundLoop({
      tick: async () => {
        rounds++;
        await fireDue(Date.now());
      },
      nextDueAt: () => store.timers.nextDueAt(),
      now: () => Date.now(),
      logger: memoryLogger(),
    });
    loop.start();
    await waitFor(() => fired.length === 2);
    await loop.stop();
    expect(fired).toEqual(['c1:tm1', 'c1:tm2']);
    expect(rounds).toBeGreaterThanOrEqual(1);
    expect(await store.timers.listByCase('c1')).toHaveLength(1);
  });
});

describe('background loop', () => {
  it('sleeps until the next due instant but never longer than maxSleepMs, and wakes on demand', async () => {
    const ticks: number[] = [];
    let nextDue: number | null = null;
    const loop = createBackgroundLoop({
      tick: async () => {
        ticks.push(Date.now());
      },
      nextDueAt: async () => nextDue,
      now: () => Date.now(),
      logger: memoryLogger(),
      maxSleepMs: 60_000,
    });
    loop.start();
    await waitFor(() => ticks.length === 1);
    // Nothing due: it would sleep a minute, but wake() asks for a round now.
    loop.wake();
    await waitFor(() => ticks.length === 2);
    // Something due in 50 ms: the next round comes by itself.
    nextDue = Date.now() + 50;
    loop.wake();
    await waitFor(() => ticks.length >= 4, 2000);
    await loop.stop();
    const after = ticks.length;
    await new Promise((r) => setTimeout(r, 120));
    expect(ticks.length).toBe(after);
  });

  it('polls at least every maxSleepMs even when nothing is scheduled', async () => {
    let ticks = 0;
    const loop = createBackgroundLoop({
      tick: async () => {
        ticks++;
      },
      nextDueAt: async () => null,
      now: () => Date.now(),
      logger: memoryLogger(),
      maxSleepMs: 20,
    });
    loop.start();
    await waitFor(() => ticks >= 3, 2000);
    await loop.stop();
  });

  it('survives a failing round and keeps going', async () => {
    let ticks = 0;
    const logger = memoryLogger();
    const loop = createBackgroundLoop({
      tick: async () => {
        ticks++;
        if (ticks === 1) throw new Error('db locked');
      },
      nextDueAt: async () => null,
      now: () => Date.now(),
      logger,
      maxSleepMs: 10,
    });
    loop.start();
    await waitFor(() => ticks >= 2, 2000);
    await loop.stop();
    expect(logger.lines.filter((l) => l.level === 'error')).toHaveLength(1);
  });
});

async function waitFor(condition: () => boolean, timeoutMs = 3000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > until) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 5));
  }
}
