import { edgesOf, type FlowDoc } from './flow-document';

/** Flows larger than this open on their beginning instead of fitting every node in view. */
export const LARGE_FLOW = 120;

/**
 * Above this many nodes the minimap is not drawn: it renders every node as SVG whatever is
 * visible, which alone took seconds on a 5,000-node flow; panning and zoom to fit remain.
 */
export const MINIMAP_NODE_LIMIT = 1000;

/**
 * The nodes to fit in view when a flow opens: all of a small flow; for a large one, the first
 * `count` nodes reached from the start (breadth first), so it opens readable and renders only
 * what is visible. Pure.
 */
export function initialViewNodes(doc: FlowDoc, count = 30): string[] {
  if (doc.nodes.length <= LARGE_FLOW) return doc.nodes.map((n) => n.id);
  const next = new Map<string, string[]>();
  for (const e of edgesOf(doc)) next.set(e.from, [...(next.get(e.from) ?? []), e.to]);
  const start = doc.nodes.find((n) => n.type === 'start')?.id ?? doc.nodes[0]?.id;
  const seen: string[] = [];
  const queue = start ? [start] : [];
  while (queue.length > 0 && seen.length < count) {
    const id = queue.shift()!;
    if (seen.includes(id)) continue;
    seen.push(id);
    queue.push(...(next.get(id) ?? []));
  }
  return seen;
}
