import type { XY } from '../flow-document';
import type { Box } from './node-geometry';

/** Space kept between a new node and its neighbours. */
const MARGIN = 32;
/** Step of the search for a free spot in view. */
const GRID = 16;

const overlaps = (a: Box, b: Box) =>
  a.x < b.x + b.width + MARGIN &&
  b.x < a.x + a.width + MARGIN &&
  a.y < b.y + b.height + MARGIN &&
  b.y < a.y + a.height + MARGIN;

/**
 * Where to put a new node of `size` so it overlaps nothing: next to `anchor` (the selection's
 * box, or a point where it was dropped or the centre of the view). Tries below the anchor
 * first (where the flow continues), then right, left and above, then the same sides further
 * out, ring by ring. Returns the top-left corner. Pure.
 */
export function placeNear(
  anchor: Box,
  size: { width: number; height: number },
  taken: readonly Box[],
  { point = false, view }: { point?: boolean; view?: Box } = {},
): XY {
  const cx = anchor.x + anchor.width / 2 - size.width / 2;
  const cy = anchor.y + anchor.height / 2 - size.height / 2;
  const clear = (at: XY) => !taken.some((b) => overlaps({ ...at, ...size }, b));
  // In view first: a node placed off screen is one the owner has to go and find.
  const seen = (at: XY) =>
    !view ||
    (at.x >= view.x &&
      at.y >= view.y &&
      at.x + size.width <= view.x + view.width &&
      at.y + size.height <= view.y + view.height);
  const free = (at: XY) => clear(at) && seen(at);
  // A drop point is where the owner wants it: keep it there when the spot is free.
  if (point && free({ x: cx, y: cy })) return round({ x: cx, y: cy });
  const stepX = size.width + MARGIN;
  const stepY = size.height + MARGIN;
  const below = anchor.y + anchor.height + MARGIN;
  const right = anchor.x + anchor.width + MARGIN;
  const left = anchor.x - MARGIN - size.width;
  const above = anchor.y - MARGIN - size.height;
  const ring = (n: number): XY[] => {
    const out: XY[] = [
      { x: cx, y: below + n * stepY },
      { x: right + n * stepX, y: cy },
      { x: left - n * stepX, y: cy },
      { x: cx, y: above - n * stepY },
    ];
    // Beside the straight lines too, so a crowded column is passed sideways before far down.
    for (let side = 1; side <= n; side++) {
      out.push({ x: cx + side * stepX, y: below + (n - side) * stepY });
      out.push({ x: cx - side * stepX, y: below + (n - side) * stepY });
    }
    return out;
  };
  // In view: the nearest free spot of a fine grid over the view, below preferred (the flow
  // goes down); the few rings above cannot see gaps between the nodes of a full view.
  if (view) {
    const near = taken.filter((b) => overlaps(b, view));
    const clearInView = (at: XY) => !near.some((b) => overlaps({ ...at, ...size }, b));
    for (const n of [0, 1]) {
      const spot = ring(n).find(free);
      if (spot) return round(spot);
    }
    let best: XY | null = null;
    let bestCost = Number.POSITIVE_INFINITY;
    for (let y = view.y; y + size.height <= view.y + view.height; y += GRID) {
      for (let x = view.x; x + size.width <= view.x + view.width; x += GRID) {
        const dy = y - cy;
        const cost = Math.hypot(x - cx, dy < 0 ? dy * 1.5 : dy);
        if (cost < bestCost && clearInView({ x, y })) {
          best = { x, y };
          bestCost = cost;
        }
      }
    }
    if (best) return round(best);
  }
  for (let n = 0; n < 40; n++) {
    const spot = ring(n).find(clear);
    if (spot) return round(spot);
  }
  return round({ x: cx, y: below + 40 * stepY });
}

const round = (p: XY): XY => ({ x: Math.round(p.x), y: Math.round(p.y) });
