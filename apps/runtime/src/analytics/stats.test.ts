import { describe, expect, it } from 'vitest';
import { mannWhitneyU, normalCdf, percentile, spread, twoProportionTest, twoSidedP } from './stats';

describe('percentile and spread', () => {
  it('uses the nearest rank', () => {
    const xs = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
    expect(percentile(xs, 0.5)).toBe(5);
    expect(percentile(xs, 0.9)).toBe(9);
    expect(percentile(xs, 0.91)).toBe(10);
    expect(percentile([], 0.5)).toBeNull();
  });
  it('answers count, rounded mean, p50 and p90 of an unsorted list', () => {
    expect(spread([30, 10, 20, 41])).toEqual({ count: 4, avg: 25, p50: 20, p90: 41 });
    expect(spread([])).toEqual({ count: 0, avg: null, p50: null, p90: null });
  });
});

describe('normal distribution', () => {
  it('matches the standard normal table', () => {
    expect(normalCdf(0)).toBeCloseTo(0.5, 7);
    expect(normalCdf(1.96)).toBeCloseTo(0.975002, 5);
    expect(normalCdf(-1)).toBeCloseTo(0.158655, 5);
    expect(twoSidedP(1.959964)).toBeCloseTo(0.05, 5);
  });
});

describe('two-proportion z-test', () => {
  it('25/100 against 35/100: z = -1.543, p = 0.1228 (pooled p = 0.3)', () => {
    const r = twoProportionTest(25, 100, 35, 100);
    expect(r.z).toBeCloseTo(-1.54303, 4);
    expect(r.p).toBeCloseTo(0.12282, 4);
  });
  it('is symmetric and cannot test an empty sample or a pooled rate of 0 or 1', () => {
    expect(twoProportionTest(35, 100, 25, 100).z).toBeCloseTo(1.54303, 4);
    expect(twoProportionTest(0, 0, 3, 10).p).toBeNull();
    expect(twoProportionTest(10, 10, 5, 5).p).toBeNull();
  });
});

describe('Mann-Whitney U (normal approximation, tie-corrected, no continuity correction)', () => {
  it('fully separated samples of 3: U = 0, p = 0.0495', () => {
    const r = mannWhitneyU([1, 2, 3], [4, 5, 6]);
    expect(r.statistic).toBe(0);
    expect(r.p).toBeCloseTo(0.049535, 5);
  });
  it('the textbook pair 19,22,16,29,24 vs 20,11,17,12: U = 17, p = 0.0864', () => {
    const r = mannWhitneyU([19, 22, 16, 29, 24], [20, 11, 17, 12]);
    expect(r.statistic).toBe(17);
    expect(r.p).toBeCloseTo(0.086411, 5);
  });
  it('corrects for ties: U = 7.5, p = 0.1650', () => {
    const r = mannWhitneyU([1, 2, 2, 3, 7], [2, 3, 4, 5, 5, 9]);
    expect(r.statistic).toBe(7.5);
    expect(r.p).toBeCloseTo(0.165025, 5);
  });
  it('has no p-value for an empty sample or all ties', () => {
    expect(mannWhitneyU([], [1]).p).toBeNull();
    expect(mannWhitneyU([2, 2], [2]).p).toBeNull();
  });
});
