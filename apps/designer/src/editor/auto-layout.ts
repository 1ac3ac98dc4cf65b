import dagre from '@dagrejs/dagre';
import { edgesOf, type FlowDoc, type XY } from './flow-document';
import { layeredLayout } from './layered-layout';
import { shapeSize } from './layout/node-geometry';

/** Above this many nodes dagre is too slow (and its recursion overflows the stack on long chains). */
export const DAGRE_NODE_LIMIT = 1500;

/** Size a node takes on the canvas, by type; used by the layout and the node components. */
export function nodeSize(type: string): { width: number; height: number } {
  return shapeSize(type);
}

/** Direction of the layout: top-to-bottom or left-to-right. */
export type LayoutDirection = 'TB' | 'LR';

/**
 * Lays the flow out as layers with dagre, following the edges (a plain linear layered layout
 * for flows over DAGRE_NODE_LIMIT nodes); returns the top-left position of every node. Pure:
 * the document is not changed.
 */
export function autoLayout(doc: FlowDoc, direction: LayoutDirection = 'TB'): Record<string, XY> {
  if (doc.nodes.length > DAGRE_NODE_LIMIT) return layeredLayout(doc, nodeSize);
  const g = new dagre.graphlib.Graph({ multigraph: true });
  g.setGraph({ rankdir: direction, nodesep: 60, ranksep: 80, marginx: 20, marginy: 20 });
  g.setDefaultEdgeLabel(() => ({}));
  for (const node of doc.nodes) g.setNode(node.id, nodeSize(node.type));
  edgesOf(doc).forEach((e, i) => {
    if (g.hasNode(e.from) && g.hasNode(e.to)) g.setEdge(e.from, e.to, { minlen: 1 }, String(i));
  });
  dagre.layout(g);
  const out: Record<string, XY> = {};
  for (const node of doc.nodes) {
    const p = g.node(node.id) as { x: number; y: number; width: number; height: number } | undefined;
    if (!p) continue;
    out[node.id] = { x: Math.round(p.x - p.width / 2), y: Math.round(p.y - p.height / 2) };
  }
  return out;
}

/**
 * The document with every node placed: when some node has no position (a flow written by
 * hand or imported), the whole flow is laid out; otherwise the document comes back as is. Pure.
 */
export function ensureLayout(doc: FlowDoc): FlowDoc {
  const layout = doc.layout ?? {};
  if (doc.nodes.every((n) => layout[n.id] !== undefined)) return doc;
  return { ...doc, layout: { ...layout, ...autoLayout(doc) } };
}
