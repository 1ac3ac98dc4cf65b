import type { TimelineEntry } from '@caseflow/schema';
import type { NodeOverlay } from '../editor/canvas-graph';
import { edgesOf, type FlowDoc } from '../editor/flow-document';

/**
 * The overlays of a case's diagram: nodes the case waits in now are `active`; nodes the
 * timeline shows it entered or left before are `visited` (an active node is not also shaded
 * as visited, so the highlight stays readable). Node ids come from `data.nodeId` of
 * `node.entered` / `node.left` entries; ids the flow does not have are ignored by the canvas.
 * Pure.
 */
export function caseOverlays(
  activeNodes: readonly string[],
  timeline: readonly TimelineEntry[],
  /** The badge of an active node, in the reader's language. */
  currentNote = 'current',
): Record<string, NodeOverlay> {
  const overlays: Record<string, NodeOverlay> = {};
  for (const entry of timeline) {
    if (entry.type !== 'node.entered' && entry.type !== 'node.left') continue;
    const nodeId = entry.data.nodeId;
    if (typeof nodeId === 'string') overlays[nodeId] = { visited: true };
  }
  for (const id of activeNodes) overlays[id] = { active: true, note: currentNote };
  return overlays;
}

/**
 * The nodes the case diagram opens on: the active nodes and their direct neighbours, so the
 * current step is readable at once instead of a whole flow shrunk to fit. An empty list (the
 * case finished, or none of the ids exist) means "fit the whole flow". Pure.
 */
export function focusNodes(doc: FlowDoc, activeNodes: readonly string[]): string[] {
  const ids = new Set(doc.nodes.map((n) => n.id));
  const active = activeNodes.filter((id) => ids.has(id));
  if (active.length === 0) return [];
  const focus = new Set(active);
  for (const e of edgesOf(doc)) {
    if (active.includes(e.from)) focus.add(e.to);
    if (active.includes(e.to)) focus.add(e.from);
  }
  return [...focus].filter((id) => ids.has(id));
}
