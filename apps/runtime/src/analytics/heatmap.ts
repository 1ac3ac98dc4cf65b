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
 * Per-node heat map from node.entered / node.left / sla.breached entries (any other type is
 * ignored). A node.left closes the oldest open visit of the same node in the same case; p90 is
 * nearest rank. A breach counts on its entry's node when it names one, else on every node the
 * case was in at that moment (where the case was waiting when the clock ran out). Rows must
 * come ordered by case, then seq (as timeline.scan answers). Nodes in order of first appearance. Pure.
 */
export function heatmap(rows: Iterable<TimelineRow>): HeatmapNode[] {
  const nodes = new Map<
    string,
    { entered: number; completed: number; durations: number[]; breaches: number }
  >();
  /** Open visits of the current case: node → entry times, oldest first. */
  let open = new Map<string, number[]>();
  let currentCase: string | null = null;
  const stat = (id: string) => {
    let s = nodes.get(id);
    if (!s) {
      s = { entered: 0, completed: 0, durations: [], breaches: 0 };
      nodes.set(id, s);
    }
    return s;
  };
  for (const r of rows) {
    if (r.caseId !== currentCase) {
      currentCase = r.caseId;
      open = new Map();
    }
    if (r.type === 'sla.breached') {
      if (r.nodeId) stat(r.nodeId).breaches++;
      else for (const [nodeId, visits] of open) if (visits.length > 0) stat(nodeId).breaches++;
      continue;
    }
    if (!r.nodeId) continue;
    if (r.type === 'node.entered') {
      stat(r.nodeId).entered++;
      const visits = open.get(r.nodeId);
      if (visits) visits.push(r.at);
      else open.set(r.nodeId, [r.at]);
    } else if (r.type === 'node.left') {
      const s = stat(r.nodeId);
      s.completed++;
      const enteredAt = open.get(r.nodeId)?.shift();
      if (enteredAt !== undefined) s.durations.push(r.at - enteredAt);
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
