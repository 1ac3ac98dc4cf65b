/*
 * Small statistics for analytics: percentiles and the two significance tests the pilot report
 * states (two-proportion z-test for rates, Mann-Whitney U with the normal approximation for
 * durations). All pure; p-values are two-sided.
 */
import type { Spread, TestResult } from '@caseflow/schema';

/** Nearest-rank percentile `q` (0..1) of `sorted` (ascending); null for an empty list. */
export function percentile(sorted: readonly number[], q: number): number | null {
  if (sorted.length === 0) return null;
  const rank = Math.max(1, Math.ceil(q * sorted.length));
  return sorted[Math.min(sorted.length, rank) - 1] ?? null;
}

/** The Spread of `values` (any order). */
export function spread(values: readonly number[]): Spread {
  if (values.length === 0) return { count: 0, avg: null, p50: null, p90: null };
  const sorted = Float64Array.from(values).sort();
  let sum = 0;
  for (const v of sorted) sum += v;
  const list = sorted as unknown as number[];
  return {
    count: sorted.length,
    avg: Math.round(sum / sorted.length),
    p50: percentile(list, 0.5),
    p90: percentile(list, 0.9),
  };
}

/**
 * Standard normal cumulative distribution Φ(x), by the Abramowitz–Stegun 7.1.26 erf
 * approximation (absolute error below 1.5e-7, enough for p-values).
 */
export function normalCdf(x: number): number {
  const z = Math.abs(x) / Math.SQRT2;
  const t = 1 / (1 + 0.3275911 * z);
  const poly =
    t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))));
  const erf = 1 - poly * Math.exp(-z * z);
  return x >= 0 ? (1 + erf) / 2 : (1 - erf) / 2;
}

/** Two-sided p-value of a standard normal statistic. */
export function twoSidedP(z: number): number {
  return Math.min(1, 2 * (1 - normalCdf(Math.abs(z))));
}

/**
 * Two-proportion z-test of x1/n1 against x2/n2 with the pooled proportion. Nulls when a sample
 * is empty or the pooled proportion is 0 or 1 (no variance: nothing to test).
 */
export function twoProportionTest(x1: number, n1: number, x2: number, n2: number): TestResult {
  const none: TestResult = { test: 'two-proportion z-test', statistic: null, z: null, p: null };
  if (n1 === 0 || n2 === 0) return none;
  const pooled = (x1 + x2) / (n1 + n2);
  const se = Math.sqrt(pooled * (1 - pooled) * (1 / n1 + 1 / n2));
  if (se === 0) return none;
  const z = (x1 / n1 - x2 / n2) / se;
  return { test: 'two-proportion z-test', statistic: z, z, p: twoSidedP(z) };
}

/**
 * Mann-Whitney U test of `a` against `b` (U of `a`: the number of pairs where a wins, ties
 * half), normal approximation with tie correction and no continuity correction. Nulls when a
 * sample is empty or every value is tied.
 */
export function mannWhitneyU(a: readonly number[], b: readonly number[]): TestResult {
  const none: TestResult = {
    test: 'Mann-Whitney U (normal approximation)',
    statistic: null,
    z: null,
    p: null,
  };
  const n1 = a.length;
  const n2 = b.length;
  if (n1 === 0 || n2 === 0) return none;
  const all = [...a.map((v) => ({ v, first: true })), ...b.map((v) => ({ v, first: false }))].sort(
    (x, y) => x.v - y.v,
  );
  const n = all.length;
  let rankSumA = 0;
  let tieTerm = 0;
  for (let i = 0; i < n; ) {
    let j = i;
    while (j + 1 < n && all[j + 1]!.v === all[i]!.v) j++;
    const rank = (i + j + 2) / 2; // average of ranks i+1 … j+1
    const t = j - i + 1;
    tieTerm += t ** 3 - t;
    for (let k = i; k <= j; k++) if (all[k]!.first) rankSumA += rank;
    i = j + 1;
  }
  const u = rankSumA - (n1 * (n1 + 1)) / 2;
  const mean = (n1 * n2) / 2;
  const variance = ((n1 * n2) / 12) * (n + 1 - tieTerm / (n * (n - 1)));
  if (!(variance > 0)) return { ...none, statistic: u };
  const z = (u - mean) / Math.sqrt(variance);
  return { test: 'Mann-Whitney U (normal approximation)', statistic: u, z, p: twoSidedP(z) };
}
