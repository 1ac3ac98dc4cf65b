import type { TimelineEntry } from '@caseflow/schema';
import type { NodeOverlay } from '../editor/canvas-graph';

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
): Record<string, NodeOverlay> {
  const overlays: Record<string, NodeOverlay> = {};
  for (const entry of timeline) {
    if (entry.type !== 'node.entered' && entry.type !== 'node.left') continue;
    const nodeId = entry.data.nodeId;
    if (typeof nodeId === 'string') overlays[nodeId] = { visited: true };
  }
  for (const id of activeNodes) overlays[id] = { active: true, note: 'current' };
  return overlays;
}
