import type { Command } from './commands';
import { type DocEdge, type DocNode, edgesOf, type FlowDoc, uniqueId, type XY } from './flow-document';

/** What Ctrl+C copies: the selected nodes, their positions and the edges between them. */
export interface Fragment {
  nodes: DocNode[];
  edges: DocEdge[];
  layout: Record<string, XY>;
}

/** Copies the nodes `ids` and the edges whose both ends are copied. Pure. */
export function copyFragment(doc: FlowDoc, ids: readonly string[]): Fragment {
  const set = new Set(ids);
  const nodes = doc.nodes.filter((n) => set.has(n.id));
  const edges = edgesOf(doc).filter((e) => set.has(e.from) && set.has(e.to));
  const layout: Record<string, XY> = {};
  for (const n of nodes) layout[n.id] = doc.layout?.[n.id] ?? { x: 0, y: 0 };
  return { nodes, edges, layout };
}

/**
 * Pastes a fragment with fresh ids (no clash with the document), shifted by `offset`.
 * A pasted start node is skipped when the flow already has one. `onIds` receives the new ids.
 */
export function pasteFragment(fragment: Fragment, offset: XY, onIds?: (ids: string[]) => void): Command {
  return {
    name: { id: 'command.paste', values: { count: fragment.nodes.length } },
    perform(doc) {
      const taken = doc.nodes.map((n) => n.id);
      const rename = new Map<string, string>();
      const hasStart = doc.nodes.some((n) => n.type === 'start');
      const nodes: DocNode[] = [];
      for (const n of fragment.nodes) {
        if (n.type === 'start' && hasStart) continue;
        const id = uniqueId(n.id, [...taken, ...rename.values()]);
        rename.set(n.id, id);
        nodes.push({ ...structuredClone(n), id } as DocNode);
      }
      if (nodes.length === 0) return doc;
      const edges = fragment.edges
        .filter((e) => rename.has(e.from) && rename.has(e.to))
        .map((e) => ({ ...e, id: undefined, from: rename.get(e.from)!, to: rename.get(e.to)! }))
        .map(({ id: _id, ...e }) => e);
      const layout = { ...doc.layout };
      for (const [old, id] of rename) {
        const p = fragment.layout[old] ?? { x: 0, y: 0 };
        layout[id] = { x: p.x + offset.x, y: p.y + offset.y };
      }
      onIds?.([...rename.values()]);
      return { ...doc, nodes: [...doc.nodes, ...nodes], edges: [...edgesOf(doc), ...edges], layout };
    },
  };
}
