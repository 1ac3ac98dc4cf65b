import { nodeSize } from './auto-layout';
import type { CanvasEdge, CanvasNode } from './canvas-graph';
import type { FlowDoc } from './flow-document';
import { estimateTextWidth, footprint } from './layout/node-geometry';

/** A rectangle of the flow plane, in flow coordinates. */
export interface FlowRect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * The part of the flow plane worth rendering: what is on screen grown by half a screen on each
 * side, snapped to a grid that depends only on the zoom's power of two. Panning within a cell
 * gives the same rectangle (same key), so the canvas re-renders its node list only now and
 * then. Null until the canvas has a size. Pure.
 */
export function visibleWindow(
  transform: readonly [number, number, number],
  width: number,
  height: number,
): FlowRect | null {
  const [tx, ty, zoom] = transform;
  if (!(width > 0 && height > 0 && zoom > 0)) return null;
  const level = 2 ** Math.round(Math.log2(zoom));
  const cellX = width / level / 2;
  const cellY = height / level / 2;
  const x0 = Math.floor((-tx / zoom - width / zoom / 2) / cellX) * cellX;
  const y0 = Math.floor((-ty / zoom - height / zoom / 2) / cellY) * cellY;
  const x1 = Math.ceil(((width - tx) / zoom + width / zoom / 2) / cellX) * cellX;
  const y1 = Math.ceil(((height - ty) / zoom + height / zoom / 2) / cellY) * cellY;
  return { x: x0, y: y0, width: x1 - x0, height: y1 - y0 };
}

/** A stable text key of a window (null: unknown yet). */
export function windowKey(rect: FlowRect | null): string {
  return rect ? `${rect.x}|${rect.y}|${rect.width}|${rect.height}` : '';
}

/** Parses `windowKey` back. */
export function windowOfKey(key: string): FlowRect | null {
  if (!key) return null;
  const [x, y, width, height] = key.split('|').map(Number) as [number, number, number, number];
  return { x, y, width, height };
}

const overlaps = (a: FlowRect, b: FlowRect) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

function rectOf(node: CanvasNode): FlowRect {
  const size = node.measured ?? nodeSize(node.data.node.type);
  return { x: node.position.x, y: node.position.y, width: size.width ?? 0, height: size.height ?? 0 };
}

/**
 * The nodes and edges to hand to React Flow for a large flow: nodes inside `window` (or in
 * `initial` while the window is unknown) and selected ones, edges touching them, and the far
 * end of each such edge so it can be drawn. React Flow renders every node it is given once to
 * measure it, so a 5,000-node flow must not be given whole. O(nodes + edges). Pure.
 */
export function windowedGraph(
  nodes: readonly CanvasNode[],
  edges: readonly CanvasEdge[],
  window: FlowRect | null,
  initial: ReadonlySet<string>,
): { nodes: CanvasNode[]; edges: CanvasEdge[] } {
  const keep = new Set<string>();
  for (const node of nodes) {
    if (node.selected || (window ? overlaps(rectOf(node), window) : initial.has(node.id))) keep.add(node.id);
  }
  const shownEdges = edges.filter((e) => keep.has(e.source) || keep.has(e.target));
  const ends = new Set(keep);
  for (const e of shownEdges) ends.add(e.source).add(e.target);
  return { nodes: nodes.filter((n) => ends.has(n.id)), edges: shownEdges };
}

/** The bounding box of the given nodes of a document (all when `ids` is absent), by layout and node size. */
export function boundsOf(doc: FlowDoc, ids?: readonly string[]): FlowRect {
  const wanted = ids ? new Set(ids) : null;
  let x0 = Number.POSITIVE_INFINITY;
  let y0 = Number.POSITIVE_INFINITY;
  let x1 = Number.NEGATIVE_INFINITY;
  let y1 = Number.NEGATIVE_INFINITY;
  for (const node of doc.nodes) {
    if (wanted && !wanted.has(node.id)) continue;
    const at = doc.layout?.[node.id] ?? { x: 0, y: 0 };
    const size = footprint(node, estimateTextWidth);
    x0 = Math.min(x0, at.x);
    y0 = Math.min(y0, at.y);
    x1 = Math.max(x1, at.x + size.width);
    y1 = Math.max(y1, at.y + size.height);
  }
  if (x0 === Number.POSITIVE_INFINITY) return { x: 0, y: 0, width: 0, height: 0 };
  return { x: x0, y: y0, width: x1 - x0, height: y1 - y0 };
}
