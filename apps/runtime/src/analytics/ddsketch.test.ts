import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addValue,
  emptySketch,
  mergeSketch,
  SKETCH_RELATIVE_ERROR,
  sketchCount,
  sketchOf,
  sketchQuantile,
} from './ddsketch';
import { percentile } from './stats';

const durations = fc.array(
  fc.oneof(
    fc.integer({ min: -5_000, max: 5_000 }),
    fc.integer({ min: 0, max: 100 }),
    fc.integer({ min: 0, max: 10_000_000_000 }),
  ),
  { minLength: 1, maxLength: 300 },
);

const within = (estimate: number | null, exact: number) =>
  estimate !== null && Math.abs(estimate - exact) <= SKETCH_RELATIVE_ERROR * Math.abs(exact);

describe('ddsketch', () => {
  it('answers every nearest-rank quantile within the stated relative error', () => {
    fc.assert(
      fc.property(durations, fc.double({ min: 0, max: 1, noNaN: true }), (values, q) => {
        const sorted = [...values].sort((a, b) => a - b);
        const exact = percentile(sorted, q)!;
        expect(within(sketchQuantile(sketchOf(values), q), exact)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('is exact below 100 (one integer per bin)', () => {
    for (let v = -100; v <= 100; v++) expect(sketchQuantile(sketchOf([v]), 0.5)).toBe(v);
  });

  it('merges like the union of the values, and removing values undoes adding them', () => {
    fc.assert(
      fc.property(durations, durations, (a, b) => {
        const merged = mergeSketch(sketchOf(a), sketchOf(b));
        expect(merged).toEqual(sketchOf([...a, ...b]));
        // Taking b back leaves exactly the sketch of a (no empty bins left behind).
        expect(mergeSketch(merged, sketchOf(b), -1)).toEqual(sketchOf(a));
        const s = sketchOf(a);
        for (const v of a) addValue(s, v, -1);
        expect(s).toEqual(emptySketch());
      }),
    );
  });

  it('counts its values and answers null when empty', () => {
    expect(sketchQuantile(emptySketch(), 0.9)).toBeNull();
    expect(sketchCount(sketchOf([0, 0, 5, -3]))).toBe(4);
    expect(sketchQuantile(sketchOf([0, 0, 5, -3]), 0)).toBe(-3);
    expect(sketchQuantile(sketchOf([0, 0, 5, -3]), 1)).toBe(5);
  });

  it('survives a JSON round trip', () => {
    const s = sketchOf([1, 2, 3_600_000, -7, 0]);
    expect(JSON.parse(JSON.stringify(s))).toEqual(s);
  });
});
