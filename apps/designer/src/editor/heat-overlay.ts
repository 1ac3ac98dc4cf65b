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
 * Canvas overlays of a heat map: each node is coloured by the time cases spend in it, as a share
 * (0–1) of the slowest node's average (where cases wait is the bottleneck); when no node has a
 * time yet (instant steps only), by its share of the busiest node's visits. The note is the
 * badge: visits, average and p90 time, breaches. Nodes no case reached get none. Pure.
 */
export function heatOverlays(rows: readonly HeatRow[]): Record<string, NodeOverlay> {
  const reached = rows.filter((r) => r.entered > 0);
  const out: Record<string, NodeOverlay> = {};
  if (reached.length === 0) return out;
  const maxVisits = Math.max(...reached.map((r) => r.entered));
  const maxTime = Math.max(0, ...reached.map((r) => r.avgMs ?? 0));
  for (const r of reached) {
    const parts = [`${r.entered}×`];
    if (r.avgMs !== null && r.avgMs > 0) parts.push(`avg ${formatSpan(r.avgMs)}`);
    if (r.p90Ms !== null && r.p90Ms > 0) parts.push(`p90 ${formatSpan(r.p90Ms)}`);
    if (r.breaches > 0) parts.push(`${r.breaches} breach${r.breaches === 1 ? '' : 'es'}`);
    const heat = maxTime > 0 ? (r.avgMs ?? 0) / maxTime : r.entered / maxVisits;
    out[r.nodeId] = { heat, note: parts.join(' · ') };
  }
  return out;
}
