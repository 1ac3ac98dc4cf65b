import { formatSpan } from '../components/format';
import type { NodeOverlay } from './canvas-graph';

/** One node's metrics from GET /api/flows/:key/heatmap. */
export interface HeatRow {
  nodeId: string;
  entered: number;
  completed: number;
  avgMs: number | null;
  p90Ms: number | null;
  breaches: number;
}

/**
 * Canvas overlays of a heat map: each node's heat is its share of the busiest node's visits
 * (0–1), its note the visits, average time and breaches. Nodes no case reached get none. Pure.
 */
export function heatOverlays(rows: readonly HeatRow[]): Record<string, NodeOverlay> {
  const max = Math.max(0, ...rows.map((r) => r.entered));
  const out: Record<string, NodeOverlay> = {};
  if (max === 0) return out;
  for (const r of rows) {
    if (r.entered === 0) continue;
    const parts = [`${r.entered}×`];
    if (r.avgMs !== null && r.avgMs > 0) parts.push(`avg ${formatSpan(r.avgMs)}`);
    if (r.breaches > 0) parts.push(`${r.breaches} breach${r.breaches === 1 ? '' : 'es'}`);
    out[r.nodeId] = { heat: r.entered / max, note: parts.join(' · ') };
  }
  return out;
}
