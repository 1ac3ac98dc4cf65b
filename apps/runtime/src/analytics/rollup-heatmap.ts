import type { Store } from '../store/store';
import type { HeatmapNode } from './heatmap';
import { type Calendars, foldPending } from './rollup-fold';
import { heatNode } from './rollup-metrics';
import { addHeatTally, emptyHeatTally, type HeatTally } from './rollup-tally';

/**
 * The heat map of a flow version (every version when `version` is undefined) from the heat
 * rollups, after folding pending changes: heatmap()'s figures, p90 from the sketch. Nodes in
 * order of their first recorded entry, then id.
 */
export async function rollupHeatmap(
  store: Store,
  calendars: Calendars,
  flow: string,
  version: number | undefined,
): Promise<HeatmapNode[]> {
  await foldPending(store, calendars);
  const rows = await store.rollups.query({
    space: 'heat',
    flow,
    ...(version === undefined ? {} : { fromBucket: version, toBucket: version }),
  });
  const nodes = new Map<string, HeatTally>();
  for (const r of rows) {
    const [nodeId] = JSON.parse(r.dims) as [string];
    nodes.set(nodeId, addHeatTally(nodes.get(nodeId) ?? emptyHeatTally(), JSON.parse(r.tally) as HeatTally));
  }
  return [...nodes]
    .sort(([a, x], [b, y]) => (x.first ?? 0) - (y.first ?? 0) || a.localeCompare(b))
    .map(([nodeId, t]) => heatNode(nodeId, t));
}
