import { elapsedMs } from '@caseflow/engine';
import type { BusinessCalendar } from '@caseflow/schema';
import type { CaseFactRow, HeatRow, SlaFactRow, SurveyFactRow, TaskFactRow } from '../store/store';
import { isFirstContactResolution } from './case-metrics';
import { dimensionValues } from './dimensions';
import type { AgentWork, CaseTally, HeatTally } from './rollup-tally';

/*
 * What one case contributes to the rollups, computed from its facts alone (the same facts the
 * full scan reads). The fold stores each case's entries, so that when the case changes its old
 * entries are taken back and the new ones added; the report adds rows of the days it covers.
 */

/** A day (UTC) as a bucket number: cases roll up by their creation day, agent work by its day. */
export const DAY_MS = 86_400_000;
export const dayOf = (t: number) => Math.floor(t / DAY_MS);

/** The flow of agent rows that add up every flow (spans of different flows overlap). */
export const ALL_FLOWS = '*';

/**
 * The dimensions of a case row's key, in order (`dims` is their JSON array). `pilot` is the
 * pilot id ('' for none); `agent` only in space `case-agent`.
 */
export const KEY_DIMENSIONS = [
  'pilot',
  'cohort',
  'version',
  'channel',
  'catalogItem',
  'tier',
  'group',
  'agent',
] as const;

/**
 * Spaces: `case` top-level cases by their dimensions; `case-agent` the same split by agent (a
 * case counts once per agent of its tasks); `child` subflow children; `agent` one agent's
 * work per day slot (flow `*` as well); `agent-open` claims still held; `heat` per flow
 * version (bucket) and node.
 */
export type RollupSpace = 'case' | 'case-agent' | 'child' | 'agent' | 'agent-open' | 'heat';

/** Claims still held: their start times. */
export interface OpenClaims {
  oc: number[];
}

export type RollupValue = CaseTally | AgentWork | OpenClaims | HeatTally;

/** One contribution: the row it goes to and what it adds. */
export interface RollupEntry {
  space: RollupSpace;
  flow: string;
  bucket: number;
  dims: string;
  value: RollupValue;
}

/** The facts of one case the entries are computed from. */
export interface CaseFacts {
  c: CaseFactRow;
  tasks: readonly TaskFactRow[];
  slas: readonly SlaFactRow[];
  surveys: readonly SurveyFactRow[];
  /** Its heat: what its node.entered / node.left / sla.breached entries add up to. */
  heat: HeatState;
  calendar: BusinessCalendar | undefined;
}

/** The case-level figures of one case as a tally (durations as value lists). */
export function caseTally(f: CaseFacts): CaseTally {
  const { c, tasks, calendar } = f;
  const t: CaseTally = {
    n: 1,
    op: c.status === 'open' ? 1 : 0,
    res: c.status === 'resolved' ? 1 : 0,
    fcr: c.status === 'resolved' && isFirstContactResolution(c, tasks) ? 1 : 0,
    msg: c.messages,
    rsp: c.responses,
    th: 0,
    ...(c.inboundChannels > 1 ? { sw: 1 } : {}),
    first: c.createdAt,
    d: {},
    sla: {},
    esc: {},
    sv: {},
  };
  const push = (kind: keyof CaseTally['d'], v: number) => {
    const d = t.d[kind] ?? { n: 0, s: 0, v: [] };
    d.n++;
    d.s += v;
    d.v!.push(v);
    t.d[kind] = d;
  };
  if (c.status === 'resolved' && c.closedAt !== null) {
    push('r', c.closedAt - c.createdAt);
    push('rb', elapsedMs(calendar, c.createdAt, c.closedAt));
  }
  if (c.firstResponseAt !== null) {
    push('f', c.firstResponseAt - c.createdAt);
    push('fb', elapsedMs(calendar, c.createdAt, c.firstResponseAt));
  }
  for (const task of tasks) {
    if (task.status === 'escalated') {
      const tier = task.tier ?? 'none';
      t.esc[tier] = (t.esc[tier] ?? 0) + 1;
    }
    if (task.status === 'completed' && task.assignee !== null) {
      t.th++;
      if (task.claimedAt !== null && task.closedAt !== null) push('a', task.closedAt - task.claimedAt);
    }
  }
  for (const s of f.slas) {
    if (s.status !== 'met' && s.status !== 'breached') continue;
    const cur = t.sla[s.id] ?? [0, 0];
    cur[s.status === 'met' ? 0 : 1]++;
    t.sla[s.id] = cur;
  }
  for (const s of f.surveys) {
    const cur = t.sv[s.kind] ?? [0, 0, 0, 0, 0];
    cur[0]++;
    if (s.score >= 4) cur[1]++;
    if (s.score >= 9) cur[2]++;
    if (s.score <= 6) cur[3]++;
    cur[4] += s.score;
    t.sv[s.kind] = cur;
  }
  return t;
}

/** The key values of a top-level case (KEY_DIMENSIONS without agent). */
export function caseKey(c: CaseFactRow, tasks: readonly TaskFactRow[]): string[] {
  return [
    c.pilotId ?? '',
    dimensionValues(c, 'cohort', tasks)[0]!,
    dimensionValues(c, 'version', tasks)[0]!,
    dimensionValues(c, 'channel', tasks)[0]!,
    dimensionValues(c, 'catalogItem', tasks)[0]!,
    dimensionValues(c, 'tier', tasks)[0]!,
    dimensionValues(c, 'group', tasks)[0]!,
  ];
}

/**
 * A case's heat after its timeline up to `seq` (heatmap's rules): per node its entries, exits,
 * breaches and visit durations, and the visits still open (when each began, per node), which
 * the entries after `seq` continue from.
 */
export interface HeatState {
  seq: number;
  nodes: Map<string, HeatTally>;
  open: Map<string, number[]>;
}

export function emptyHeatState(): HeatState {
  return { seq: 0, nodes: new Map(), open: new Map() };
}

/**
 * Adds one heat entry of the case (the next after `state.seq`) to `state`, in place. Adding
 * the entries one after another from any state gives exactly what all of them at once give.
 */
export function addHeatRow(state: HeatState, r: HeatRow): void {
  const { nodes, open } = state;
  const stat = (id: string) => {
    let s = nodes.get(id);
    if (!s) {
      s = { e: 0, c: 0, b: 0, first: r.at, d: { n: 0, s: 0, v: [] } };
      nodes.set(id, s);
    }
    return s;
  };
  state.seq = r.seq;
  if (r.type === 'sla.breached') {
    if (r.nodeId) stat(r.nodeId).b++;
    else for (const [nodeId, visits] of open) if (visits.length > 0) stat(nodeId).b++;
    return;
  }
  if (!r.nodeId) return;
  if (r.type === 'node.entered') {
    stat(r.nodeId).e++;
    const visits = open.get(r.nodeId);
    if (visits) visits.push(r.at);
    else open.set(r.nodeId, [r.at]);
  } else if (r.type === 'node.left') {
    const s = stat(r.nodeId);
    s.c++;
    const enteredAt = open.get(r.nodeId)?.shift();
    if (enteredAt !== undefined) {
      s.d.n++;
      s.d.s += r.at - enteredAt;
      s.d.v!.push(r.at - enteredAt);
    }
  }
}

/** Splits [start, end) at day boundaries. */
function byDay(start: number, end: number): Array<[number, number, number]> {
  const out: Array<[number, number, number]> = [];
  for (let s = start; s < end; ) {
    const day = dayOf(s);
    const e = Math.min(end, (day + 1) * DAY_MS);
    out.push([day, s, e]);
    s = e;
  }
  return out;
}

/** Every rollup entry of one case. Pure. */
export function caseEntries(f: CaseFacts): RollupEntry[] {
  const { c, tasks } = f;
  const out: RollupEntry[] = [];
  const day = dayOf(c.createdAt);
  if (c.parentCaseId === null) {
    const key = caseKey(c, tasks);
    const tally = caseTally(f);
    out.push({ space: 'case', flow: c.flow, bucket: day, dims: JSON.stringify(key), value: tally });
    for (const agent of dimensionValues(c, 'agent', tasks)) {
      out.push({
        space: 'case-agent',
        flow: c.flow,
        bucket: day,
        dims: JSON.stringify([...key, agent]),
        value: caseTally(f),
      });
    }
  } else {
    const tally: CaseTally = {
      ...caseTally(f),
      d: {},
      sla: {},
      esc: {},
      sv: {},
      msg: 0,
      rsp: 0,
      th: 0,
      fcr: 0,
      sw: 0,
    };
    out.push({ space: 'child', flow: c.flow, bucket: day, dims: '[]', value: tally });
  }
  // Agents' work, their work in subflow children included; per flow and for all flows.
  const work = new Map<string, AgentWork>();
  const workOf = (agent: string, slot: number) => {
    const k = JSON.stringify([agent, slot]);
    let w = work.get(k);
    if (!w) {
      w = { sp: [], dn: [] };
      work.set(k, w);
    }
    return w;
  };
  const open = new Map<string, number[]>();
  for (const t of tasks) {
    if (t.assignee === null) continue;
    if (t.status === 'completed' && t.closedAt !== null) {
      const handling = t.claimedAt === null ? null : t.closedAt - t.claimedAt;
      workOf(t.assignee, dayOf(t.closedAt)).dn.push([t.closedAt, handling]);
    }
    if (t.claimedAt === null) continue;
    if (t.closedAt !== null) {
      for (const [slot, s, e] of byDay(t.claimedAt, t.closedAt)) workOf(t.assignee, slot).sp.push([s, e]);
    } else if (t.status === 'claimed') {
      const list = open.get(t.assignee) ?? [];
      list.push(t.claimedAt);
      open.set(t.assignee, list);
    }
  }
  for (const [k, w] of work) {
    const [agent, slot] = JSON.parse(k) as [string, number];
    for (const flow of [c.flow, ALL_FLOWS]) {
      out.push({
        space: 'agent',
        flow,
        bucket: slot,
        dims: JSON.stringify([agent]),
        value: { sp: w.sp.map((x) => [...x]), dn: w.dn.map((x) => [...x]) },
      });
    }
  }
  for (const [agent, oc] of open) {
    out.push({ space: 'agent-open', flow: c.flow, bucket: 0, dims: JSON.stringify([agent]), value: { oc } });
  }
  for (const [nodeId, heat] of f.heat.nodes) {
    out.push({ space: 'heat', flow: c.flow, bucket: c.version, dims: JSON.stringify([nodeId]), value: heat });
  }
  return out;
}
