import { addValue, mergeSketch, type Sketch } from './ddsketch';

/*
 * The additive values the rollups keep. A case contributes a CaseTally with its durations as
 * plain value lists (`v`); a rollup row holds the sum of its cases' tallies with the durations
 * as sketches (`k`). Counts and sums add and subtract exactly, sketches too (bins are counts),
 * so taking a case's old contribution back and adding its new one keeps every row exact.
 */

/** Survey answers of one kind: count, satisfied (≥ 4), promoters (≥ 9), detractors (≤ 6), sum. */
export type SurveyTally = [number, number, number, number, number];

/** The durations of a group: count, sum, and either the values (a case) or a sketch (a row). */
export interface DurationTally {
  n: number;
  s: number;
  v?: number[];
  k?: Sketch;
}

/** Duration kinds: resolution and first response (wall, business), handling time. */
export const DURATION_KINDS = ['r', 'f', 'rb', 'fb', 'a'] as const;
export type DurationKind = (typeof DURATION_KINDS)[number];

/** What cases add up to in a rollup row (space `case`, `case-agent`, `child`). */
export interface CaseTally {
  /** Cases, open ones, resolved, first-contact resolutions. */
  n: number;
  op: number;
  res: number;
  fcr: number;
  /** Messages and agent responses; completed tasks with an assignee. */
  msg: number;
  rsp: number;
  th: number;
  /** Cases whose customer wrote on more than one channel (absent in rows of format 1: 0). */
  sw?: number;
  /** The earliest creation among the cases (a case never leaves its flow and day). */
  first: number | null;
  d: Partial<Record<DurationKind, DurationTally>>;
  /** Per SLA id: met, breached. */
  sla: Record<string, [number, number]>;
  /** Escalated tasks per tier. */
  esc: Record<string, number>;
  sv: Partial<Record<'csat' | 'nps' | 'ces', SurveyTally>>;
}

/** An empty CaseTally. */
export function emptyCaseTally(): CaseTally {
  return { n: 0, op: 0, res: 0, fcr: 0, msg: 0, rsp: 0, th: 0, first: null, d: {}, sla: {}, esc: {}, sv: {} };
}

function addDurations(
  into: DurationTally | undefined,
  t: DurationTally,
  sign: number,
): DurationTally | undefined {
  const out = into ?? { n: 0, s: 0, k: { z: 0 } };
  out.n += sign * t.n;
  out.s += sign * t.s;
  const k = out.k ?? { z: 0 };
  if (t.v) for (const v of t.v) addValue(k, v, sign);
  if (t.k) mergeSketch(k, t.k, sign);
  out.k = k;
  delete out.v;
  return out.n === 0 && out.s === 0 ? undefined : out;
}

/**
 * Adds `t` (a case's contribution or another row) into `into`, times `sign` (−1 takes it
 * back). Entries that fall to zero are dropped, so a row whose cases all left is empty.
 * Mutates and answers `into`.
 */
export function addCaseTally(into: CaseTally, t: CaseTally, sign = 1): CaseTally {
  into.n += sign * t.n;
  into.op += sign * t.op;
  into.res += sign * t.res;
  into.fcr += sign * t.fcr;
  into.msg += sign * t.msg;
  into.rsp += sign * t.rsp;
  into.th += sign * t.th;
  const sw = (into.sw ?? 0) + sign * (t.sw ?? 0);
  if (sw === 0) delete into.sw;
  else into.sw = sw;
  if (sign > 0 && t.first !== null && (into.first === null || t.first < into.first)) into.first = t.first;
  for (const kind of DURATION_KINDS) {
    const d = t.d[kind];
    if (!d) continue;
    const next = addDurations(into.d[kind], d, sign);
    if (next) into.d[kind] = next;
    else delete into.d[kind];
  }
  for (const [id, [met, breached]] of Object.entries(t.sla)) {
    const cur = into.sla[id] ?? [0, 0];
    cur[0] += sign * met;
    cur[1] += sign * breached;
    if (cur[0] === 0 && cur[1] === 0) delete into.sla[id];
    else into.sla[id] = cur;
  }
  for (const [tier, n] of Object.entries(t.esc)) {
    const next = (into.esc[tier] ?? 0) + sign * n;
    if (next === 0) delete into.esc[tier];
    else into.esc[tier] = next;
  }
  for (const kind of ['csat', 'nps', 'ces'] as const) {
    const s = t.sv[kind];
    if (!s) continue;
    const cur = into.sv[kind] ?? [0, 0, 0, 0, 0];
    for (let i = 0; i < 5; i++) cur[i] = cur[i]! + sign * s[i]!;
    if (cur.every((x) => x === 0)) delete into.sv[kind];
    else into.sv[kind] = cur;
  }
  return into;
}

/** Whether a row holds nothing any more (its cases all moved to other rows). */
export function isEmptyCaseTally(t: CaseTally): boolean {
  return (
    t.n === 0 &&
    t.op === 0 &&
    t.res === 0 &&
    t.msg === 0 &&
    t.rsp === 0 &&
    t.th === 0 &&
    (t.sw ?? 0) === 0 &&
    Object.keys(t.d).length === 0 &&
    Object.keys(t.sla).length === 0 &&
    Object.keys(t.esc).length === 0 &&
    Object.keys(t.sv).length === 0
  );
}

/**
 * One agent's work of one day slot (space `agent`): claim spans clipped to the slot, and
 * completed tasks as [closedAt, handling ms or null]. Lists rather than sums because the busy
 * time is the length of the spans' union, and a period that starts or ends inside the slot
 * clips them.
 */
export interface AgentWork {
  sp: Array<[number, number]>;
  dn: Array<[number, number | null]>;
}

/** What a day slot of agent work sums to: busy ms (union), handled, handling sum and count. */
export interface AgentSlotSummary {
  busy: number;
  h: number;
  hs: number;
  hn: number;
}

/** Removes one equal element per element of `gone` from `list` (a multiset difference). */
function without<T extends unknown[]>(list: T[], gone: T[]): T[] {
  const left = [...list];
  for (const g of gone) {
    const at = left.findIndex((x) => x.length === g.length && x.every((v, i) => v === g[i]));
    if (at >= 0) left.splice(at, 1);
  }
  return left;
}

/** Adds (or with sign −1 removes) `w` into `into`. Mutates and answers `into`. */
export function addAgentWork(into: AgentWork, w: AgentWork, sign = 1): AgentWork {
  if (sign > 0) {
    into.sp.push(...w.sp);
    into.dn.push(...w.dn);
  } else {
    into.sp = without(into.sp, w.sp);
    into.dn = without(into.dn, w.dn);
  }
  return into;
}

/** Total length of the union of spans ([start, end) pairs, any order), each clipped to [from, to). */
export function unionWithin(
  spans: ReadonlyArray<readonly [number, number]>,
  from: number,
  to: number,
): number {
  const clipped = spans
    .map(([a, b]) => [Math.max(a, from), Math.min(b, to)] as const)
    .filter(([a, b]) => b > a)
    .sort((x, y) => x[0] - y[0]);
  let total = 0;
  let end = Number.NEGATIVE_INFINITY;
  for (const [a, b] of clipped) {
    if (b <= end) continue;
    total += b - Math.max(a, end);
    end = b;
  }
  return total;
}

/** The summary of a slot's work: spans over [from, to), tasks completed in [from, to] (the whole slot: ±∞). */
export function agentSummary(w: AgentWork, from = Number.NEGATIVE_INFINITY, to = Number.POSITIVE_INFINITY) {
  let h = 0;
  let hs = 0;
  let hn = 0;
  for (const [at, handling] of w.dn) {
    if (at < from || at > to) continue;
    h++;
    if (handling !== null) {
      hs += handling;
      hn++;
    }
  }
  return { busy: unionWithin(w.sp, from, to), h, hs, hn } satisfies AgentSlotSummary;
}

/** One flow version's node (space `heat`): entries, exits, breaches, visit durations. */
export interface HeatTally {
  e: number;
  c: number;
  b: number;
  first: number | null;
  d: DurationTally;
}

/** Adds (sign −1: takes back) a case's or a row's heat tally into `into`. */
export function addHeatTally(into: HeatTally, t: HeatTally, sign = 1): HeatTally {
  into.e += sign * t.e;
  into.c += sign * t.c;
  into.b += sign * t.b;
  if (sign > 0 && t.first !== null && (into.first === null || t.first < into.first)) into.first = t.first;
  into.d = addDurations(into.d, t.d, sign) ?? { n: 0, s: 0, k: { z: 0 } };
  return into;
}

/** An empty HeatTally. */
export function emptyHeatTally(): HeatTally {
  return { e: 0, c: 0, b: 0, first: null, d: { n: 0, s: 0, k: { z: 0 } } };
}
