import type { DocNode } from '../flow-document';
import { kindOf, nodeLabel, outPorts } from '../node-catalog';

/** A rectangle of the flow plane. */
export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * The drawn size of a node's shape, by type; must match editor.css (`.fnode.shape-*`), since
 * the layout places ports where the node component draws its handles.
 */
export function shapeSize(type: string): { width: number; height: number } {
  const shape = kindOf(type as DocNode['type']).shape;
  if (shape === 'diamond') return { width: 88, height: 88 };
  if (shape === 'circle') return { width: 64, height: 64 };
  if (shape === 'bar') return { width: 160, height: 16 };
  return { width: 200, height: 64 };
}

/** Gap between a compact node's shape and its caption (editor.css `.fnode-caption`). */
export const CAPTION_GAP = 6;
/** Font of node captions and edge labels on the canvas (editor.css). */
export const LABEL_FONT = '12px system-ui, sans-serif';
/** Height of an edge label or caption box on the canvas. */
export const LABEL_HEIGHT = 20;

/** Measures a text's width in the canvas label font (an estimate without a DOM). */
export type TextWidth = (text: string) => number;

/** About 7 px per character of 12 px text: used where no canvas can measure (tests, workers). */
export const estimateTextWidth: TextWidth = (text) => Math.ceil(text.length * 7);

/** A caption shown beside a compact node (circle, diamond, bar), or null for boxes. */
export function captionOf(node: DocNode): string | null {
  return kindOf(node.type).shape === 'box' ? null : nodeLabel(node);
}

/**
 * The space a node takes on the canvas: its shape plus, for compact shapes, the caption to its
 * right (captions sit beside the shape so they never meet the edges leaving from below).
 */
export function footprint(node: DocNode, textWidth: TextWidth): { width: number; height: number } {
  const shape = shapeSize(node.type);
  const caption = captionOf(node);
  if (!caption) return shape;
  return {
    width: shape.width + CAPTION_GAP + textWidth(caption) + 8,
    // Captions are one 16 px line, no taller than the shortest shape (a bar): south ports stay
    // on the shape's bottom edge, where ELK puts them.
    height: Math.max(shape.height, 16),
  };
}

/** Where a node's handles are, relative to its top-left corner: one in on top, outs along the bottom. */
export function portOffsets(node: DocNode): {
  in: { x: number; y: number };
  out: Map<string, { x: number }>;
} {
  const shape = shapeSize(node.type);
  const ports = outPorts(node);
  const out = new Map<string, { x: number }>();
  ports.forEach((p, i) => {
    out.set(p.id, { x: Math.round(((i + 1) / (ports.length + 1)) * shape.width) });
  });
  return { in: { x: shape.width / 2, y: 0 }, out };
}
