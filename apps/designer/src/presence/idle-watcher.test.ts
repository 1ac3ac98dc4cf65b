import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  awayAfterMinutes,
  createIdleWatcher,
  DEFAULT_AWAY_MINUTES,
  saveAwayAfterMinutes,
} from './idle-watcher';

describe('the idle watcher', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('says idle after the quiet time, active again on the next activity, once each', () => {
    const target = new EventTarget();
    const seen: string[] = [];
    const w = createIdleWatcher({
      idleMs: 60_000,
      target,
      now: () => Date.now(),
      onIdle: () => seen.push('idle'),
      onActive: () => seen.push('active'),
    });
    vi.advanceTimersByTime(50_000);
    target.dispatchEvent(new Event('keydown'));
    vi.advanceTimersByTime(50_000);
    expect(seen).toEqual([]);
    vi.advanceTimersByTime(20_000);
    expect(seen).toEqual(['idle']);
    vi.advanceTimersByTime(120_000);
    expect(seen).toEqual(['idle']);
    target.dispatchEvent(new Event('pointermove'));
    target.dispatchEvent(new Event('pointermove'));
    expect(seen).toEqual(['idle', 'active']);
    w.stop();
    vi.advanceTimersByTime(600_000);
    expect(seen).toEqual(['idle', 'active']);
  });

  it('keeps the chosen minutes, with a default and no nonsense', () => {
    const store = new Map<string, string>();
    const storage = {
      getItem: (k: string) => store.get(k) ?? null,
      setItem: (k: string, v: string) => store.set(k, v),
    };
    expect(awayAfterMinutes(storage)).toBe(DEFAULT_AWAY_MINUTES);
    saveAwayAfterMinutes(0, storage);
    expect(awayAfterMinutes(storage)).toBe(0);
    saveAwayAfterMinutes(25, storage);
    expect(awayAfterMinutes(storage)).toBe(25);
    store.set('caseflow.awayAfterMinutes', '-3');
    expect(awayAfterMinutes(storage)).toBe(DEFAULT_AWAY_MINUTES);
    store.set('caseflow.awayAfterMinutes', 'soon');
    expect(awayAfterMinutes(storage)).toBe(DEFAULT_AWAY_MINUTES);
  });
});
