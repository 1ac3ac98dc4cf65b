/**
 * The runtime's only source of time. The engine never reads a clock; the runtime passes
 * `clock.now()` into every step. `CASEFLOW_CLOCK=manual` makes time stand still until a test
 * moves it (see `moveClock` in runtime.ts).
 */
export interface Clock {
  readonly kind: 'real' | 'manual';
  /** Epoch milliseconds. */
  now(): number;
}

export interface ManualClock extends Clock {
  readonly kind: 'manual';
  /** Moves time forward by an ISO-8601 duration (PT2H, P1DT30M…); answers the new time. */
  advance(duration: string): number;
  /** Jumps to an instant (ISO string or epoch ms); answers the new time. */
  set(instant: string | number): number;
}

/** The wall clock. */
export function realClock(): Clock {
  return { kind: 'real', now: () => Date.now() };
}

/** A clock that only moves when told to. Starts at `start` (default: the current time). */
export function manualClock(start: string | number = Date.now()): ManualClock {
  let t = toMillis(start);
  return {
    kind: 'manual',
    now: () => t,
    advance(duration) {
      t += durationMs(duration);
      return t;
    },
    set(instant) {
      t = toMillis(instant);
      return t;
    },
  };
}

/** Picks the clock from `CASEFLOW_CLOCK` (`manual` or anything else for real). */
export function clockFromEnv(env: Record<string, string | undefined> = process.env): Clock {
  if (env.CASEFLOW_CLOCK === 'manual') return manualClock(env.CASEFLOW_CLOCK_START ?? Date.now());
  return realClock();
}

export function isManualClock(clock: Clock): clock is ManualClock {
  return clock.kind === 'manual';
}

function toMillis(instant: string | number): number {
  const t = typeof instant === 'number' ? instant : Date.parse(instant);
  if (!Number.isFinite(t)) throw new RangeError(`not an instant: ${instant}`);
  return t;
}

const DURATION = /^P(?!$)(\d+Y)?(\d+M)?(\d+W)?(\d+D)?(T(?=\d)(\d+H)?(\d+M)?(\d+(?:\.\d+)?S)?)?$/;

/**
 * Milliseconds of an ISO-8601 duration in plain (24x7) time. Years count 365 days and months
 * 30 days: good enough to move a test clock; SLA math uses the engine's calendar functions.
 */
export function durationMs(duration: string): number {
  const m = DURATION.exec(duration);
  if (!m) throw new RangeError(`not an ISO-8601 duration: ${duration}`);
  const n = (s: string | undefined) => (s ? Number.parseFloat(s) : 0);
  const day = 86_400_000;
  return (
    n(m[1]) * 365 * day +
    n(m[2]) * 30 * day +
    n(m[3]) * 7 * day +
    n(m[4]) * day +
    n(m[6]) * 3_600_000 +
    n(m[7]) * 60_000 +
    Math.round(n(m[8]) * 1000)
  );
}
