import { describe, expect, it } from 'vitest';
import { demoRandom } from './demo-random';

describe('demoRandom', () => {
  it('gives the same sequence for the same seed and another for another seed', () => {
    const a = demoRandom(42);
    const b = demoRandom(42);
    const c = demoRandom(43);
    const seqA = Array.from({ length: 5 }, () => a.next());
    expect(Array.from({ length: 5 }, () => b.next())).toEqual(seqA);
    expect(Array.from({ length: 5 }, () => c.next())).not.toEqual(seqA);
  });

  it('keeps ints in range and follows weights roughly', () => {
    const r = demoRandom(7);
    const counts = { a: 0, b: 0 };
    for (let i = 0; i < 10_000; i++) {
      const n = r.int(3, 5);
      expect(n).toBeGreaterThanOrEqual(3);
      expect(n).toBeLessThanOrEqual(5);
      counts[r.weighted({ a: 3, b: 1 })]++;
    }
    expect(counts.a / 10_000).toBeGreaterThan(0.7);
    expect(counts.a / 10_000).toBeLessThan(0.8);
  });

  it('draws skewed durations around their median', () => {
    const r = demoRandom(1);
    const xs = Array.from({ length: 5001 }, () => r.skewed(100)).sort((x, y) => x - y);
    expect(xs[2500]).toBeGreaterThan(85);
    expect(xs[2500]).toBeLessThan(115);
    expect(xs[0]).toBeGreaterThan(0);
  });
});
