import type { FlowDiff } from '@caseflow/engine';
import type { NodeOverlay } from '../editor/canvas-graph';
import type { FlowDoc } from '../editor/flow-document';

/** How the notes on a diff's nodes read: "added", "removed" and a changed field, in the reader's words. */
export interface DiffNotes {
  added: string;
  removed: string;
  field(name: string): string;
}

const AS_WRITTEN: DiffNotes = { added: 'added', removed: 'removed', field: (name) => name };

/**
 * One document to draw a diff on: the newer version plus the nodes the older one had and the
 * newer lacks (at their old positions), with overlays colouring added, removed and changed
 * nodes and noting the changed fields as `notes` words them. Pure.
 */
export function diffCanvas(
  from: FlowDoc,
  to: FlowDoc,
  diff: FlowDiff,
  notes: DiffNotes = AS_WRITTEN,
): { doc: FlowDoc; overlays: Record<string, NodeOverlay> } {
  const overlays: Record<string, NodeOverlay> = {};
  for (const id of diff.nodes.added) overlays[id] = { diff: 'added', note: notes.added };
  for (const c of diff.nodes.changed)
    overlays[c.id] = { diff: 'changed', note: c.fields.map(notes.field).join(', ') };
  const removed = new Set(diff.nodes.removed);
  const ghostNodes = from.nodes.filter((n) => removed.has(n.id));
  for (const n of ghostNodes) overlays[n.id] = { diff: 'removed', note: notes.removed };
  const layout = { ...(to.layout ?? {}) };
  for (const n of ghostNodes) layout[n.id] = from.layout?.[n.id] ?? { x: 0, y: 0 };
  const ghostEdges = (from.edges ?? []).filter((e) => removed.has(e.from) || removed.has(e.to));
  return {
    doc: { ...to, nodes: [...to.nodes, ...ghostNodes], edges: [...(to.edges ?? []), ...ghostEdges], layout },
    overlays,
  };
}
