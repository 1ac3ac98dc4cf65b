import { describe, expect, it } from 'vitest';
import {
  isTransientConflict,
  retryTransient,
  TRANSIENT_ATTEMPTS,
  transientBackoffMs,
} from './transient-conflict';

/** An error shaped like node-postgres' DatabaseError, wrapped the way drizzle wraps it. */
function wrapped(code: string): Error {
  const driver = Object.assign(new Error('driver error'), { code });
  return new Error('Failed query: delete from "timers" …', { cause: driver });
}

describe('isTransientConflict', () => {
  it('recognises a PostgreSQL deadlock (40P01) and serialization failure (40001) behind drizzle', () => {
    expect(isTransientConflict(wrapped('40P01'))).toBe(true);
    expect(isTransientConflict(wrapped('40001'))).toBe(true);
  });

  it('leaves every other failure alone: those are not fixed by running the event again', () => {
    expect(isTransientConflict(wrapped('23503'))).toBe(false);
    expect(isTransientConflict(new Error('boom'))).toBe(false);
    expect(isTransientConflict('40P01')).toBe(false);
    expect(isTransientConflict(null)).toBe(false);
  });
});

describe('transientBackoffMs', () => {
  it('waits a random pause that grows with each attempt and stops growing at 250 ms', () => {
    expect(transientBackoffMs(1, () => 0.999)).toBe(9);
    expect(transientBackoffMs(3, () => 0.5)).toBe(20);
    expect(transientBackoffMs(9, () => 0.999)).toBe(249);
    expect(transientBackoffMs(4, () => 0)).toBe(0);
  });
});

describe('retryTransient', () => {
  it('runs a transaction again while PostgreSQL aborts it for concurrent writers', async () => {
    let runs = 0;
    const answer = await retryTransient(async () => {
      runs++;
      if (runs < 3) throw wrapped(runs === 1 ? '40P01' : '55P03');
      return 'committed';
    });
    expect(answer).toBe('committed');
    expect(runs).toBe(3);
  });

  it('gives up after TRANSIENT_ATTEMPTS runs, and at once on any other failure', async () => {
    let runs = 0;
    await expect(
      retryTransient(async () => {
        runs++;
        throw wrapped('40001');
      }),
    ).rejects.toThrow('Failed query');
    expect(runs).toBe(TRANSIENT_ATTEMPTS);
    runs = 0;
    await expect(
      retryTransient(async () => {
        runs++;
        throw wrapped('23505');
      }),
    ).rejects.toThrow('Failed query');
    expect(runs).toBe(1);
  });
});
