import type { CaseScan, Store } from '../store/store';
import { SKETCH_RELATIVE_ERROR } from './ddsketch';
import { compareGroups, type Dimension } from './dimensions';
import type { MetricsQuery, MetricsReport } from './metrics-report';
import { rollupAgents } from './rollup-agents';
import { DAY_MS, KEY_DIMENSIONS, type RollupEntry } from './rollup-entries';
import { type Calendars, entriesOf, foldPending } from './rollup-fold';
import { tallyMetrics } from './rollup-metrics';
import { addCaseTally, type CaseTally, emptyCaseTally } from './rollup-tally';

/** How the report's percentiles were computed (stated in the answer). */
export const SKETCH_PERCENTILES = { method: 'sketch', relativeError: SKETCH_RELATIVE_ERROR } as const;

/**
 * The days a creation range [from, to] covers whole, and the parts of days it cuts (read from
 * the facts of the cases created in them). Open ends cover every day.
 */
export function dayWindows(from: number | undefined, to: number | undefined) {
  const fromDay = from === undefined ? undefined : Math.ceil(from / DAY_MS);
  const toDay = to === undefined ? undefined : Math.floor((to + 1) / DAY_MS) - 1;
  const edges: Array<{ from: number; to: number }> = [];
  if (fromDay !== undefined && toDay !== undefined && fromDay > toDay) {
    if (from! <= to!) edges.push({ from: from!, to: to! });
    return { days: null, edges };
  }
  if (from !== undefined && from < fromDay! * DAY_MS) edges.push({ from, to: fromDay! * DAY_MS - 1 });
  if (to !== undefined && (toDay! + 1) * DAY_MS - 1 < to) edges.push({ from: (toDay! + 1) * DAY_MS, to });
  return { days: { fromDay, toDay }, edges };
}

/** The case tallies of the query's range: stored rows of whole days plus the cut days' cases. */
async function caseTallies(
  store: Store,
  calendars: Calendars,
  q: { flow?: string; from?: number; to?: number },
  spaces: string[],
): Promise<Array<{ space: string; dims: string; tally: CaseTally }>> {
  const { days, edges } = dayWindows(q.from, q.to);
  const out: Array<{ space: string; dims: string; tally: CaseTally }> = [];
  if (days) {
    for (const space of spaces) {
      const rows = await store.rollups.query({
        space,
        ...(q.flow === undefined ? {} : { flow: q.flow }),
        ...(days.fromDay === undefined ? {} : { fromBucket: days.fromDay }),
        ...(days.toDay === undefined ? {} : { toBucket: days.toDay }),
      });
      for (const r of rows) out.push({ space, dims: r.dims, tally: JSON.parse(r.tally) as CaseTally });
    }
  }
  for (const edge of edges) {
    const scan: CaseScan = { createdFrom: edge.from, createdTo: edge.to };
    if (q.flow !== undefined) scan.flow = q.flow;
    const entries = await entriesOf(store, calendars, scan, false);
    for (const list of entries.values()) {
      for (const e of list as RollupEntry[]) {
        if (!spaces.includes(e.space)) continue;
        out.push({
          space: e.space,
          dims: e.dims,
          tally: addCaseTally(emptyCaseTally(), e.value as CaseTally),
        });
      }
    }
  }
  return out;
}

/**
 * GET /api/metrics from the rollups: pending changes are folded first, then the whole days of
 * the range are read as stored rows and the days it cuts from their cases' facts. Counts and
 * sums equal the full scan's (factsReport); p50/p90 are within SKETCH_RELATIVE_ERROR.
 */
export async function rollupReport(
  store: Store,
  calendars: Calendars,
  q: MetricsQuery,
  now: number,
): Promise<MetricsReport & { percentiles: typeof SKETCH_PERCENTILES }> {
  await foldPending(store, calendars);
  const grouped = q.by.includes('agent') ? 'case-agent' : 'case';
  const spaces = [...new Set(['case', 'child', grouped])];
  const tallies = await caseTallies(store, calendars, q, spaces);
  const total = emptyCaseTally();
  const children = emptyCaseTally();
  const groups = new Map<string, { named: Partial<Record<Dimension, string>>; tally: CaseTally }>();
  const index = q.by.map((dim) => KEY_DIMENSIONS.indexOf(dim));
  for (const t of tallies) {
    if (t.space === 'case') addCaseTally(total, t.tally);
    if (t.space === 'child') addCaseTally(children, t.tally);
    if (q.by.length > 0 && t.space === grouped) {
      const dims = JSON.parse(t.dims) as string[];
      const values = index.map((i) => dims[i]!);
      const id = JSON.stringify(values);
      let g = groups.get(id);
      if (!g) {
        g = { named: Object.fromEntries(q.by.map((dim, i) => [dim, values[i]!])), tally: emptyCaseTally() };
        groups.set(id, g);
      }
      addCaseTally(g.tally, t.tally);
    }
  }
  const totalMetrics = tallyMetrics(total);
  const items =
    q.by.length === 0
      ? [totalMetrics]
      : [...groups.values()]
          .filter((g) => g.tally.n > 0)
          .sort((a, b) => compareGroups(q.by)(a.named, b.named))
          .map((g) => ({ ...g.named, ...tallyMetrics(g.tally) }));
  const period = { from: q.from ?? total.first ?? now, to: q.to ?? now };
  return {
    total: totalMetrics,
    items: items as MetricsReport['items'],
    agents: await rollupAgents(store, q.flow, period),
    subflows: { cases: children.n, open: children.op, resolved: children.res },
    period,
    percentiles: SKETCH_PERCENTILES,
  };
}
