import { BaseEdge, EdgeLabelRenderer, type EdgeProps, getSmoothStepPath } from '@xyflow/react';
import { memo } from 'react';
import { useT } from '../i18n/use-t';
import { type CanvasEdge, DEFAULT_EDGE_LABEL } from './canvas-graph';
import type { XY } from './flow-document';

/**
 * An edge drawn along the route the layout gave it (orthogonal, its label where the layout
 * made room for it), or as a smooth step when the owner has moved one of its ends since.
 * The route's ends follow the handles as drawn, so a node a pixel off still meets its edge.
 */
function RoutedEdgeImpl(p: EdgeProps<CanvasEdge>) {
  const t = useT();
  const route = p.data?.route;
  const label = p.data?.label === DEFAULT_EDGE_LABEL ? t('edge.default') : p.data?.label;
  let path: string;
  let at: XY;
  if (route && route.points.length >= 2) {
    const pts = route.points.map((q) => ({ ...q }));
    pts[0] = { x: p.sourceX, y: p.sourceY };
    const last = pts.length - 1;
    pts[last] = { x: p.targetX, y: p.targetY };
    // The segments leaving and entering are vertical: keep them so when a handle is a pixel off.
    const from = route.points[0]!;
    const to = route.points[last]!;
    if (last > 1 && Math.abs(pts[1]!.x - from.x) <= 1) pts[1]!.x = p.sourceX;
    if (last > 1 && Math.abs(pts[last - 1]!.x - to.x) <= 1) pts[last - 1]!.x = p.targetX;
    if (last === 1 && pts[0]!.x !== pts[1]!.x) {
      // A straight drop the handles put a few pixels apart: stay vertical, or jog half way.
      if (Math.abs(pts[0]!.x - pts[1]!.x) <= 3) pts[1]!.x = pts[0]!.x;
      else {
        const mid = (pts[0]!.y + pts[1]!.y) / 2;
        pts.splice(1, 0, { x: pts[0]!.x, y: mid }, { x: pts[1]!.x, y: mid });
      }
    }
    path = pts.map((q, i) => `${i ? 'L' : 'M'}${q.x},${q.y}`).join(' ');
    at = route.label
      ? { x: route.label.x + route.label.width / 2, y: route.label.y + route.label.height / 2 }
      : pts[Math.floor((pts.length - 1) / 2)]!;
  } else {
    const [d, lx, ly] = getSmoothStepPath({ ...p, borderRadius: 6 });
    path = d;
    at = { x: lx, y: ly };
  }
  return (
    <>
      <BaseEdge id={p.id} path={path} markerEnd={p.markerEnd} interactionWidth={16} />
      {label && (
        <EdgeLabelRenderer>
          <div
            className={`edge-label${p.selected ? ' is-selected' : ''}`}
            style={{ transform: `translate(-50%, -50%) translate(${at.x}px, ${at.y}px)` }}
          >
            {label}
          </div>
        </EdgeLabelRenderer>
      )}
    </>
  );
}

export const RoutedEdge = memo(RoutedEdgeImpl);
