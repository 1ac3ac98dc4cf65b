import { AsyncLocalStorage } from 'node:async_hooks';
import type { Logger } from '../executor/types';

export interface BackgroundLoopOptions {
  /** One round of work at the current time (fire timers, dispatch the outbox). */
  tick: () => Promise<void>;
  /** Earliest instant at which more work is due, or null when nothing is scheduled. */
  nextDueAt: () => Promise<number | null>;
  now: () => number;
  logger: Logger;
  /**
   * Longest sleep between rounds (default 1000 ms): other processes on the same database add
   * work this one is not told about, so it polls at least this often.
   */
  maxSleepMs?: number;
}

export interface BackgroundLoop {
  /** Runs a round now (catch-up), then keeps going until stopped. */
  start(): void;
  /** Asks for a round as soon as the current one ends (e.g. after a commit queued work). */
  wake(): void;
  /** Stops scheduling rounds and waits for the running one to end. */
  stop(): Promise<void>;
}

/**
 * A single-flight loop: one round at a time, then a `setTimeout` to the next due instant,
 * never longer than `maxSleepMs`. The timer is unref'd so it never keeps the process alive.
 */
export function createBackgroundLoop(options: BackgroundLoopOptions): BackgroundLoop {
  const maxSleep = options.maxSleepMs ?? 1000;
  let running = false;
  let handle: NodeJS.Timeout | null = null;
  let current: Promise<void> | null = null;
  let again = false;
  // Rounds run in the async context the loop was created in: a wake() from inside a request's
  // store transaction must not make the round join that transaction (AsyncLocalStorage).
  const inLoopContext = AsyncLocalStorage.snapshot();

  function schedule(delay: number): void {
    if (!running) return;
    if (handle) clearTimeout(handle);
    handle = setTimeout(() => inLoopContext(run), Math.max(0, Math.min(maxSleep, delay)));
    handle.unref();
  }

  function run(): void {
    handle = null;
    if (!running) return;
    if (current) {
      again = true;
      return;
    }
    current = (async () => {
      let delay = maxSleep;
      again = false;
      try {
        await options.tick();
        const next = await options.nextDueAt();
        if (next !== null) delay = next - options.now();
      } catch (error) {
        options.logger.error({ err: error }, 'background round failed');
      }
      current = null;
      // A wake() during the round asked for work the round may have missed: go again at once.
      schedule(again ? 0 : delay);
    })();
  }

  return {
    start() {
      if (running) return;
      running = true;
      run();
    },
    wake() {
      if (!running) return;
      if (current) again = true;
      else schedule(0);
    },
    async stop() {
      running = false;
      if (handle) clearTimeout(handle);
      handle = null;
      await current;
    },
  };
}
