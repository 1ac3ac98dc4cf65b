import type { TimelineRow } from '../store/store';
import { spread } from './stats';

/** One node of a flow version's heat map. */
export interface HeatmapNode {
  nodeId: string;
  /** node.entered entries. */
  entered: number;
  /** node.left entries. */
  completed: number;
  /** Time from entering to leaving, over visits that left (ms). */
  avgMs: number | null;
  p90Ms: number | null;
  /** sla.breached entries recorded on the node. */
  breaches: number;
}

/**
 * Per-node heat map from node.entered / node.left / sla.breached timeline entries (any other
 * type is ignored). A node.left closes the oldest open visit of the same node in the same case;
 * p90 is nearest rank. Nodes in order of first appearance. Pure.
 */
export function heatmap(rows: Iterable<TimelineRow>): HeatmapNode[] {
  const nodes = new Map<
    string,
    { entered: number; completed: number; durations: number[]; breaches: number }
  >();
  const open = new Map<string, number[]>();
  const stat = (id: string) => {
    let s = nodes.get(id);
    if (!s) {
      s = { entered: 0, completed: 0, durations: [], breaches: 0 };
      nodes.set(id, s);
    }
    return s;
  };
  for (const r of rows) {
    if (!r.nodeId) continue;
    const visit = `${r.caseId}\u0000${r.nodeId}`;
    if (r.type === 'node.entered') {
      stat(r.nodeId).entered++;
      const stack = open.get(visit);
      if (stack) stack.push(r.at);
      else open.set(visit, [r.at]);
    } else if (r.type === 'node.left') {
      const s = stat(r.nodeId);
      s.completed++;
      const enteredAt = open.get(visit)?.shift();
      if (enteredAt !== undefined) s.durations.push(r.at - enteredAt);
    } else if (r.type === 'sla.breached') {
      stat(r.nodeId).breaches++;
    }
  }
  return [...nodes].map(([nodeId, s]) => {
    const d = spread(s.durations);
    return {
      nodeId,
      entered: s.entered,
      completed: s.completed,
      avgMs: d.avg,
      p90Ms: d.p90,
      breaches: s.breaches,
    };
  });
}
