/*
 * A small DDSketch (Masson, Rim, Lee, VLDB 2019): values fall into logarithmic bins
 * (γ^(i-1), γ^i]; a bin's representative 2γ^i / (γ + 1) is within α of every value in it. Bins
 * are plain counts, so sketches merge by adding counts and a value is removed by subtracting
 * its count: what a rollup needs when a case's contribution is taken back and added anew.
 * Zero has a bin of its own; negative values mirror the positive bins.
 *
 * The stated error is relative 1 % on integer inputs (milliseconds): the bins are built with
 * α = 0.5 %, and answers are rounded to whole numbers. Below ~100 each bin holds at most one
 * integer, whose representative is within 0.5 of it (so the answer is exact); from 100 on the
 * rounding adds at most 0.5 ≤ 0.5 % of the value.
 */

/** The relative error of a quantile answered from a sketch of integers. */
export const SKETCH_RELATIVE_ERROR = 0.01;
const ALPHA = 0.005;
const GAMMA = (1 + ALPHA) / (1 - ALPHA);
const LOG_GAMMA = Math.log(GAMMA);

/** Dense bins from index `o`: c[k] counts bin o + k. */
export interface Bins {
  o: number;
  c: number[];
}

/** A mergeable quantile sketch (JSON-serialisable as it is). */
export interface Sketch {
  /** Values equal to 0. */
  z: number;
  /** Positive values by bin. */
  p?: Bins;
  /** Negative values by the bin of their magnitude. */
  m?: Bins;
}

/** An empty sketch. */
export function emptySketch(): Sketch {
  return { z: 0 };
}

/** The bin index of a positive value. */
export function binOf(v: number): number {
  return Math.ceil(Math.log(v) / LOG_GAMMA);
}

/** The value a bin stands for. */
function representative(i: number): number {
  return (2 * GAMMA ** i) / (GAMMA + 1);
}

/** Grows `b` (or makes bins) so that indexes lo..hi exist. */
function cover(b: Bins | undefined, lo: number, hi: number): Bins {
  if (b === undefined || b.c.length === 0) return { o: lo, c: new Array<number>(hi - lo + 1).fill(0) };
  if (lo < b.o) {
    b.c = new Array<number>(b.o - lo).fill(0).concat(b.c);
    b.o = lo;
  }
  for (let k = b.o + b.c.length; k <= hi; k++) b.c.push(0);
  return b;
}

/** Drops empty bins at both ends (a removed value leaves no trace); undefined when none is left. */
function trim(b: Bins): Bins | undefined {
  let start = 0;
  while (start < b.c.length && b.c[start] === 0) start++;
  let end = b.c.length;
  while (end > start && b.c[end - 1] === 0) end--;
  if (start === end) return undefined;
  if (start > 0 || end < b.c.length) {
    b.c = b.c.slice(start, end);
    b.o += start;
  }
  return b;
}

function addToBins(bins: Bins | undefined, i: number, count: number): Bins | undefined {
  if (count === 0) return bins;
  const b = cover(bins, i, i);
  const next = (b.c[i - b.o] ?? 0) + count;
  b.c[i - b.o] = next;
  // Only a bin emptied at an end can leave empty bins to trim.
  return next === 0 && (i === b.o || i === b.o + b.c.length - 1) ? trim(b) : b;
}

/**
 * Adds `count` occurrences of `v` to `s` (a negative count removes them). Mutates and
 * answers `s`. Removing what was never added leaves negative counts: callers only take back
 * what they added.
 */
export function addValue(s: Sketch, v: number, count = 1): Sketch {
  if (v === 0) s.z += count;
  else if (v > 0) {
    const p = addToBins(s.p, binOf(v), count);
    if (p) s.p = p;
    else delete s.p;
  } else {
    const m = addToBins(s.m, binOf(-v), count);
    if (m) s.m = m;
    else delete s.m;
  }
  return s;
}

/** Adds every count of `other` into `into` (times `sign`). Mutates and answers `into`. */
export function mergeSketch(into: Sketch, other: Sketch, sign = 1): Sketch {
  into.z += sign * other.z;
  for (const side of ['p', 'm'] as const) {
    const b = other[side];
    if (!b || b.c.length === 0) continue;
    const target = cover(into[side], b.o, b.o + b.c.length - 1);
    const shift = b.o - target.o;
    for (let k = 0; k < b.c.length; k++) target.c[shift + k]! += sign * b.c[k]!;
    const kept = trim(target);
    if (kept) into[side] = kept;
    else delete into[side];
  }
  return into;
}

/** How many values the sketch holds. */
export function sketchCount(s: Sketch): number {
  let n = s.z;
  for (const b of [s.p, s.m]) if (b) for (const c of b.c) n += c;
  return n;
}

/**
 * The nearest-rank quantile `q` (0..1): the value at rank ⌈q·n⌉ in ascending order, within
 * SKETCH_RELATIVE_ERROR of the exact one and rounded to a whole number; null when empty.
 */
export function sketchQuantile(s: Sketch, q: number): number | null {
  const n = sketchCount(s);
  if (n <= 0) return null;
  let rank = Math.max(1, Math.ceil(q * n));
  // Negatives first, the largest magnitude (highest bin) first.
  const m = s.m;
  if (m) {
    for (let k = m.c.length - 1; k >= 0; k--) {
      rank -= m.c[k]!;
      if (rank <= 0) return -Math.round(representative(m.o + k));
    }
  }
  rank -= s.z;
  if (rank <= 0) return 0;
  const p = s.p;
  if (p) {
    for (let k = 0; k < p.c.length; k++) {
      rank -= p.c[k]!;
      if (rank <= 0) return Math.round(representative(p.o + k));
    }
  }
  // Only reached with negative counts (a removal of something never added).
  return null;
}

/** A sketch of `values`. */
export function sketchOf(values: Iterable<number>): Sketch {
  const s = emptySketch();
  for (const v of values) addValue(s, v);
  return s;
}
