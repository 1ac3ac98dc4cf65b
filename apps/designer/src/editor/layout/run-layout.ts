import ELK from 'elkjs/lib/elk-api';
import workerUrl from 'elkjs/lib/elk-worker.min.js?url';
import type { FlowDoc } from '../flow-document';
import { layeredLayout } from '../layered-layout';
import { type ElkLike, elkLayout, type FlowLayout } from './elk-layout';
import { estimateTextWidth, LABEL_FONT, shapeSize, type TextWidth } from './node-geometry';

/**
 * Above this many nodes ELK takes seconds even in its worker: such flows get the linear
 * layered layout (no routed edges), which lays out 5,000 nodes in milliseconds.
 */
export const ELK_NODE_LIMIT = 800;

let elk: ElkLike | null = null;

/** ELK runs in a web worker, so a layout never blocks the page. */
function elkInstance(): ElkLike {
  elk ??= new ELK({ workerUrl });
  return elk;
}

let context: CanvasRenderingContext2D | null | undefined;

/** The width of a label in the canvas font, measured by a 2D canvas (estimated without one). */
export const canvasTextWidth: TextWidth = (text) => {
  if (context === undefined) context = document.createElement('canvas').getContext('2d');
  if (!context) return estimateTextWidth(text);
  context.font = LABEL_FONT;
  return Math.ceil(context.measureText(text).width) + 2;
};

/** Lays out a flow: ELK with routed edges and placed labels, or the linear layout for huge flows. */
export async function layoutFlow(doc: FlowDoc): Promise<FlowLayout> {
  if (doc.nodes.length > ELK_NODE_LIMIT) return { positions: layeredLayout(doc, shapeSize), routes: {} };
  return elkLayout(doc, elkInstance(), canvasTextWidth);
}
