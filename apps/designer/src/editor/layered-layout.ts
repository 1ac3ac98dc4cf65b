import { edgesOf, type FlowDoc, type XY } from './flow-document';

/** Node footprint used to space layers and columns. */
type SizeOf = (type: string) => { width: number; height: number };

const COLUMN_GAP = 60;
const LAYER_GAP = 80;

/**
 * A plain layered layout that stays linear on very large flows (dagre's recursive ranking
 * overflows the stack on a 5,000-node chain and is quadratic before that): layers by
 * breadth-first distance from the start nodes (nodes nobody reaches start layers of their
 * own), nodes of a layer side by side in the order they were found, layers centred on one axis.
 * Iterative, O(nodes + edges). Pure.
 */
export function layeredLayout(doc: FlowDoc, sizeOf: SizeOf): Record<string, XY> {
  const next = new Map<string, string[]>();
  const incoming = new Set<string>();
  for (const e of edgesOf(doc)) {
    const list = next.get(e.from);
    if (list) list.push(e.to);
    else next.set(e.from, [e.to]);
    incoming.add(e.to);
  }
  const layerOf = new Map<string, number>();
  const layers: string[][] = [];
  const visitFrom = (roots: string[]) => {
    const queue = roots.filter((id) => !layerOf.has(id));
    for (const id of queue) layerOf.set(id, 0);
    for (let head = 0; head < queue.length; head++) {
      const id = queue[head]!;
      const layer = layerOf.get(id)!;
      const row = layers[layer];
      if (row) row.push(id);
      else layers[layer] = [id];
      for (const to of next.get(id) ?? []) {
        if (layerOf.has(to)) continue;
        layerOf.set(to, layer + 1);
        queue.push(to);
      }
    }
  };
  const ids = doc.nodes.map((n) => n.id);
  visitFrom(ids.filter((id) => !incoming.has(id)));
  for (const id of ids) if (!layerOf.has(id)) visitFrom([id]);

  const typeOf = new Map(doc.nodes.map((n) => [n.id, n.type]));
  const out: Record<string, XY> = {};
  let y = 20;
  for (const layer of layers) {
    if (!layer) continue;
    const sizes = layer.map((id) => sizeOf(typeOf.get(id) ?? 'task'));
    const width = sizes.reduce((sum, s) => sum + s.width, 0) + COLUMN_GAP * (layer.length - 1);
    const height = Math.max(...sizes.map((s) => s.height));
    let x = -width / 2;
    layer.forEach((id, i) => {
      const size = sizes[i]!;
      out[id] = { x: Math.round(x), y: Math.round(y + (height - size.height) / 2) };
      x += size.width + COLUMN_GAP;
    });
    y += height + LAYER_GAP;
  }
  return out;
}
