import { describe, expect, it } from 'vitest';
import { backoffDelay } from './backoff';

describe('backoffDelay', () => {
  it('doubles per attempt from the base delay', () => {
    expect([1, 2, 3, 4].map((a) => backoffDelay(a, { baseMs: 1000 }))).toEqual([1000, 2000, 4000, 8000]);
  });

  it('never exceeds the cap', () => {
    expect(backoffDelay(30, { baseMs: 1000, capMs: 60_000 })).toBe(60_000);
  });

  it('spreads by at most ±jitter around the exponential delay', () => {
    expect(backoffDelay(2, { baseMs: 1000, jitter: 0.1, random: () => 0 })).toBe(1800);
    expect(backoffDelay(2, { baseMs: 1000, jitter: 0.1, random: () => 1 })).toBe(2200);
    expect(backoffDelay(2, { baseMs: 1000, jitter: 0.1, random: () => 0.5 })).toBe(2000);
  });
});
