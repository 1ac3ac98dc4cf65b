import type { XY } from '../flow-document';
import type { Box } from './node-geometry';

/** Space kept between a new node and its neighbours. */
const MARGIN = 32;

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
  { point = false } = {},
): XY {
  const cx = anchor.x + anchor.width / 2 - size.width / 2;
  const cy = anchor.y + anchor.height / 2 - size.height / 2;
  const free = (at: XY) => !taken.some((b) => overlaps({ ...at, ...size }, b));
  // A drop point is where the owner wants it: keep it there when the spot is free.
  if (point && free({ x: cx, y: cy })) return round({ x: cx, y: cy });
  const stepX = size.width + MARGIN;
  const stepY = size.height + MARGIN;
  const below = anchor.y + anchor.height + MARGIN;
  const right = anchor.x + anchor.width + MARGIN;
  const left = anchor.x - MARGIN - size.width;
  const above = anchor.y - MARGIN - size.height;
  for (let ring = 0; ring < 40; ring++) {
    const candidates: XY[] = [
      { x: cx, y: below + ring * stepY },
      { x: right + ring * stepX, y: cy },
      { x: left - ring * stepX, y: cy },
      { x: cx, y: above - ring * stepY },
    ];
    // Beside the straight lines too, so a crowded column is passed sideways before far down.
    for (let side = 1; side <= ring; side++) {
      candidates.push({ x: cx + side * stepX, y: below + (ring - side) * stepY });
      candidates.push({ x: cx - side * stepX, y: below + (ring - side) * stepY });
    }
    const spot = candidates.find(free);
    if (spot) return round(spot);
  }
  return round({ x: cx, y: below + 40 * stepY });
}

const round = (p: XY): XY => ({ x: Math.round(p.x), y: Math.round(p.y) });
