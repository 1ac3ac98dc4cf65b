import { describe, expect, it } from 'vitest';
import { createVisitorGate } from './visitor-gate';

const limits = { perSource: 2, sourceWindowMs: 10_000, global: 3, globalWindowMs: 1000 };

describe('visitor gate', () => {
  it('admits a few openings per source, then says how long to wait', () => {
    const gate = createVisitorGate(limits);
    expect(gate.admit('1.2.3.4', 0)).toEqual({ ok: true });
    expect(gate.admit('1.2.3.4', 100)).toEqual({ ok: true });
    expect(gate.admit('1.2.3.4', 200)).toEqual({ ok: false, retryAfterMs: 9800 });
    // Another source still gets in; the first again once its window has passed.
    expect(gate.admit('5.6.7.8', 300)).toEqual({ ok: true });
    expect(gate.admit('1.2.3.4', 10_000)).toEqual({ ok: true });
  });

  it('bounds everybody together, whatever the number of sources', () => {
    const gate = createVisitorGate(limits);
    const answers = Array.from({ length: 10 }, (_, i) => gate.admit(`10.0.0.${i}`, 50));
    expect(answers.filter((a) => a.ok)).toHaveLength(3);
    expect(answers[3]).toEqual({ ok: false, retryAfterMs: 950 });
    expect(gate.admit('10.0.0.99', 1050)).toEqual({ ok: true });
  });

  it('counts refused tries for nothing: a source refused by the global bound is not held back later', () => {
    const gate = createVisitorGate(limits);
    for (const s of ['a', 'b', 'c']) gate.admit(s, 0);
    expect(gate.admit('d', 10).ok).toBe(false);
    expect(gate.admit('d', 10).ok).toBe(false);
    expect(gate.admit('d', 1000)).toEqual({ ok: true });
    expect(gate.admit('d', 1001)).toEqual({ ok: true });
  });
});
