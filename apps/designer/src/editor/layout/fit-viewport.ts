import type { Box } from './node-geometry';

/** A viewport of the canvas: screen = flow × zoom + (x, y). */
export interface Viewport {
  x: number;
  y: number;
  zoom: number;
}

/**
 * The zoom under which canvas text (12 px) would fall below about 10 px on screen: "fit" never
 * zooms out further, it shows the start of the flow and lets the owner pan to the rest.
 */
export const READABLE_ZOOM = 0.85;

/**
 * The viewport that fits `bounds` into a `width`×`height` canvas, but never below `minZoom`
 * (readable) nor above `maxZoom`: when the whole flow cannot be shown readably, the view keeps
 * the readable zoom and shows the top of the flow, centred across when it fits across, else
 * from its left edge. `padding` is in screen pixels, wide enough that no handle sits in the band
 * where dragging a connection pans the canvas (40 px). Pure.
 */
export function fitViewport(
  bounds: Box,
  width: number,
  height: number,
  { minZoom = READABLE_ZOOM, maxZoom = 1.2, padding = 56 } = {},
): Viewport {
  const w = Math.max(1, width - 2 * padding);
  const h = Math.max(1, height - 2 * padding);
  const fits = Math.min(w / Math.max(1, bounds.width), h / Math.max(1, bounds.height));
  const zoom = Math.min(maxZoom, Math.max(minZoom, fits));
  const shownW = bounds.width * zoom;
  const shownH = bounds.height * zoom;
  const x = shownW <= w ? (width - shownW) / 2 - bounds.x * zoom : padding - bounds.x * zoom;
  const y = shownH <= h ? (height - shownH) / 2 - bounds.y * zoom : padding - bounds.y * zoom;
  return { x, y, zoom };
}
