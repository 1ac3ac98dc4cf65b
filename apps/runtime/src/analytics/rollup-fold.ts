import { createHash } from 'node:crypto';
import type { BusinessCalendar } from '@caseflow/schema';
import type { RollupKey, RollupRow } from '../store/rollup-rows';
import type { CaseScan, Store } from '../store/store';
import { flowCalendars, loadMetricFacts } from './metric-facts';
import {
  addHeatRow,
  type CaseFacts,
  caseEntries,
  emptyHeatState,
  type HeatState,
  type OpenClaims,
  type RollupEntry,
  type RollupValue,
} from './rollup-entries';
import {
  type AgentWork,
  addAgentWork,
  addCaseTally,
  addHeatTally,
  agentSummary,
  type CaseTally,
  emptyCaseTally,
  emptyHeatTally,
  type HeatTally,
  isEmptyCaseTally,
} from './rollup-tally';

/*
 * Folding: the event transaction only marks the cases it touched (Store.rollups.touch); a fold
 * takes a batch of marked cases, computes their entries from their facts, takes back what each
 * added last time, adds the new entries and stores them, in one transaction. Reports fold
 * what is pending before they read, and the runtime folds in the background, so reads stay
 * current without the event paying for aggregation.
 */

/**
 * Bump when the entries' meaning changes: the rollups are rebuilt at start-up. 3: a task handed
 * out by routing is held from its assignment (handling time, occupancy), not only from a claim.
 * 4: a case's stored entries keep the heat carry its next fold goes on from.
 */
export const ROLLUP_FORMAT = '4';
const BATCH = 500;

/** The business calendars of a runtime. */
export type Calendars = Readonly<Record<string, BusinessCalendar>>;

/**
 * The entries of the scanned cases (children included), by case id. With `heat` their heat
 * entries too: `heat` holds, per case, where its last fold left its heat (none: from the
 * start); only the timeline entries after that are read, and each case's state is left there
 * as this fold reaches it, for the next. (A migrated case too goes on: its heat is counted
 * under the version it has now, as reading everything again would.)
 */
export async function entriesOf(
  store: Store,
  calendars: Calendars,
  scan: CaseScan,
  heat: false | Map<string, HeatState>,
): Promise<Map<string, RollupEntry[]>> {
  const facts = await loadMetricFacts(store, { ...scan, subflows: 'include' });
  if (heat && facts.cases.length > 0) {
    const after = new Map<string, number>();
    for (const c of facts.cases) {
      const state = heat.get(c.id) ?? emptyHeatState();
      heat.set(c.id, state);
      if (state.seq > 0) after.set(c.id, state.seq);
    }
    const ids = facts.cases.map((c) => c.id);
    for (const r of await store.timeline.heatRows(ids, after)) addHeatRow(heat.get(r.caseId)!, r);
  }
  const calendarOf = await flowCalendars(store, facts.cases, calendars);
  const out = new Map<string, RollupEntry[]>();
  for (const c of facts.cases) {
    const f: CaseFacts = {
      c,
      tasks: facts.tasks.get(c.id) ?? [],
      slas: facts.slas.get(c.id) ?? [],
      surveys: facts.surveys.get(c.id) ?? [],
      heat: (heat ? heat.get(c.id) : undefined) ?? emptyHeatState(),
      calendar: calendarOf(c),
    };
    out.set(c.id, caseEntries(f));
  }
  return out;
}

const keyOf = (e: RollupKey) => JSON.stringify([e.space, e.flow, e.bucket, e.dims]);

/** A row's value read back: the tally (and detail) as each space keeps it. */
export function readValue(row: Pick<RollupRow, 'space' | 'tally' | 'detail'>): RollupValue {
  if (row.space === 'agent') return JSON.parse(row.detail ?? '{"sp":[],"dn":[]}') as AgentWork;
  return JSON.parse(row.tally) as RollupValue;
}

function emptyValue(space: string): RollupValue {
  switch (space) {
    case 'agent':
      return { sp: [], dn: [] };
    case 'agent-open':
      return { oc: [] };
    case 'heat':
      return emptyHeatTally();
    default:
      return emptyCaseTally();
  }
}

/** Adds `v` into `into` (sign −1 takes it back); both of space `space`. */
export function addValueOf(space: string, into: RollupValue, v: RollupValue, sign: number): RollupValue {
  switch (space) {
    case 'agent':
      return addAgentWork(into as AgentWork, v as AgentWork, sign);
    case 'agent-open': {
      const oc = [...(into as OpenClaims).oc];
      if (sign > 0) oc.push(...(v as OpenClaims).oc);
      else
        for (const t of (v as OpenClaims).oc) {
          const at = oc.indexOf(t);
          if (at >= 0) oc.splice(at, 1);
        }
      return { oc };
    }
    case 'heat':
      return addHeatTally(into as HeatTally, v as HeatTally, sign);
    default:
      return addCaseTally(into as CaseTally, v as CaseTally, sign);
  }
}

function isEmpty(space: string, v: RollupValue): boolean {
  switch (space) {
    case 'agent':
      return (v as AgentWork).sp.length === 0 && (v as AgentWork).dn.length === 0;
    case 'agent-open':
      return (v as OpenClaims).oc.length === 0;
    case 'heat': {
      const h = v as HeatTally;
      return h.e === 0 && h.c === 0 && h.b === 0 && h.d.n === 0;
    }
    default:
      return isEmptyCaseTally(v as CaseTally);
  }
}

/** The row that stores `v`: agent slots keep their lists as detail and their summary as tally. */
function toRow(key: RollupKey, v: RollupValue): RollupRow {
  if (key.space === 'agent') {
    return { ...key, tally: JSON.stringify(agentSummary(v as AgentWork)), detail: JSON.stringify(v) };
  }
  return { ...key, tally: JSON.stringify(v), detail: null };
}

/**
 * A case's entries as stored: grouped by value (a case's tally goes to its `case` row and to
 * each of its `case-agent` rows, agent work to its flow and to `*`), so each value is kept once;
 * with where its heat state stands (seq, open visits) for the next fold to go on from. Its heat
 * tallies per node are among the entries (all under the one version the case had then).
 */
type Group = [Array<[string, string, number, string]>, RollupValue];
interface Stored {
  g: Group[];
  h?: [number, Array<[string, number[]]>];
}
function pack(entries: RollupEntry[], heat: HeatState | undefined): string {
  const groups = new Map<string, Group>();
  for (const e of entries) {
    const v = JSON.stringify(e.value);
    const g = groups.get(v);
    if (g) g[0].push([e.space, e.flow, e.bucket, e.dims]);
    else groups.set(v, [[[e.space, e.flow, e.bucket, e.dims]], e.value]);
  }
  const stored: Stored = { g: [...groups.values()] };
  if (heat && heat.seq > 0) stored.h = [heat.seq, [...heat.open].filter(([, v]) => v.length > 0)];
  return JSON.stringify(stored);
}
function unpack(text: string): { entries: RollupEntry[]; heat: HeatState | null } {
  const stored = JSON.parse(text) as Stored;
  const entries = stored.g.flatMap(([keys, value]) =>
    keys.map(([space, flow, bucket, dims]) => ({
      space: space as RollupEntry['space'],
      flow,
      bucket,
      dims,
      value,
    })),
  );
  if (!stored.h) return { entries, heat: null };
  const [seq, open] = stored.h;
  const nodes = new Map<string, HeatTally>();
  for (const e of entries) {
    if (e.space !== 'heat') continue;
    // A copy: the next fold adds to it, and the group's value may be shared by other keys.
    const t = e.value as HeatTally;
    nodes.set((JSON.parse(e.dims) as [string])[0], { ...t, d: { ...t.d, v: [...(t.d.v ?? [])] } });
  }
  return { entries, heat: { seq, nodes, open: new Map(open) } };
}

/** Folds one batch of marked cases in one transaction; answers how many it folded. */
export async function foldBatch(store: Store, calendars: Calendars, batch = BATCH): Promise<number> {
  return store.transaction(async (tx) => {
    await tx.rollups.lock();
    const marks = await tx.rollups.dirty(batch);
    if (marks.length === 0) return 0;
    const ids = marks.map((m) => m.caseId);
    const stored = new Map(
      [...(await tx.rollups.entries(ids))].map(([id, text]) => [id, { text, ...unpack(text) }]),
    );
    // Where each case's heat stands: from its stored entries, then where this fold leaves it.
    const heat = new Map<string, HeatState>();
    for (const [id, st] of stored) if (st.heat) heat.set(id, st.heat);
    const fresh = await entriesOf(tx, calendars, { caseIds: ids }, heat);
    const deltas = new Map<string, { key: RollupKey; changes: Array<[RollupValue, number]> }>();
    const change = (e: RollupEntry, sign: number) => {
      const k = keyOf(e);
      let d = deltas.get(k);
      if (!d) {
        d = { key: { space: e.space, flow: e.flow, bucket: e.bucket, dims: e.dims }, changes: [] };
        deltas.set(k, d);
      }
      d.changes.push([e.value, sign]);
    };
    const putEntries: Array<{ caseId: string; entries: string | null }> = [];
    for (const id of ids) {
      const now = fresh.get(id) ?? [];
      const text = now.length === 0 ? null : pack(now, heat.get(id));
      const before = stored.get(id) ?? null;
      if (text === (before?.text ?? null)) continue; // nothing the rollups count changed
      if (before !== null) for (const e of before.entries) change(e, -1);
      for (const e of now) change(e, 1);
      putEntries.push({ caseId: id, entries: text });
    }
    if (deltas.size > 0) {
      const existing = new Map(
        (await tx.rollups.rows([...deltas.values()].map((d) => d.key))).map((r) => [keyOf(r), readValue(r)]),
      );
      const rows: RollupRow[] = [];
      const gone: RollupKey[] = [];
      for (const [k, d] of deltas) {
        let v = existing.get(k) ?? emptyValue(d.key.space);
        // Take back first: an agent's list removes the old elements before the new arrive.
        for (const [value, sign] of d.changes) if (sign < 0) v = addValueOf(d.key.space, v, value, sign);
        for (const [value, sign] of d.changes) if (sign > 0) v = addValueOf(d.key.space, v, value, sign);
        if (isEmpty(d.key.space, v)) {
          if (existing.has(k)) gone.push(d.key);
        } else rows.push(toRow(d.key, v));
      }
      await tx.rollups.write(rows, gone);
    }
    await tx.rollups.putEntries(putEntries);
    await tx.rollups.clean(marks);
    return marks.length;
  });
}

/** Folds until no case is marked. */
export async function foldAll(store: Store, calendars: Calendars, batch = BATCH): Promise<void> {
  while ((await foldBatch(store, calendars, batch)) > 0) {
    // next batch
  }
}

/** A fingerprint of the calendars business durations were measured in. */
function calendarsFingerprint(calendars: Calendars): string {
  const sorted = Object.keys(calendars)
    .sort()
    .map((k) => [k, calendars[k]]);
  return createHash('sha256').update(JSON.stringify(sorted)).digest('hex');
}

/**
 * Makes sure the rollups are built for this runtime: on a database that has none yet (an
 * existing database after the migration), a new format, or other business calendars, drops
 * them and marks every case, so the next folds build them from the facts. Answers whether it
 * started a rebuild.
 */
export async function ensureRollups(store: Store, calendars: Calendars): Promise<boolean> {
  const format = ROLLUP_FORMAT;
  const fingerprint = calendarsFingerprint(calendars);
  return store.transaction(async (tx) => {
    await tx.rollups.lock();
    if (
      (await tx.rollups.meta('format')) === format &&
      (await tx.rollups.meta('calendars')) === fingerprint
    ) {
      return false;
    }
    await tx.rollups.clear();
    await tx.rollups.touchAll();
    await tx.rollups.setMeta('format', format);
    await tx.rollups.setMeta('calendars', fingerprint);
    return true;
  });
}

const ensured = new WeakMap<Store, Promise<boolean>>();
/**
 * Cases per fold while building the rollups of a whole database in one go (the bench): each
 * batch rewrites the rows of its days once, so larger batches write far less, but SQLite holds
 * its write lock meanwhile, so the runtime itself folds in BATCH-sized steps.
 */
export const BUILD_BATCH = 5000;

/**
 * What every reader of the rollups calls first: builds them once per store and process
 * (ensureRollups), then folds every marked case, so that the answer includes every commit
 * made before the call.
 */
export async function foldPending(store: Store, calendars: Calendars, batch = BATCH): Promise<void> {
  let ready = ensured.get(store);
  if (!ready) {
    ready = ensureRollups(store, calendars);
    ensured.set(store, ready);
    ready.catch(() => ensured.delete(store));
  }
  await ready;
  await foldAll(store, calendars, batch);
}
