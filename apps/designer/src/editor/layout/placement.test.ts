import { describe, expect, it } from 'vitest';
import { fitViewport, READABLE_ZOOM } from './fit-viewport';
import type { Box } from './node-geometry';
import { placeNear } from './placement';

const size = { width: 200, height: 64 };
const meets = (a: Box, b: Box) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

describe('placing a new node', () => {
  it('goes below the selected node when that space is free', () => {
    const selected = { x: 0, y: 0, ...size };
    const at = placeNear(selected, size, [selected]);
    expect(at.x).toBe(0);
    expect(at.y).toBeGreaterThan(64);
    expect(at.y).toBeLessThan(64 + 100);
  });

  it('never lands on another node: a crowded column sends it beside', () => {
    const column: Box[] = [0, 1, 2, 3].map((i) => ({ x: 0, y: i * 96, ...size }));
    const at = placeNear(column[0]!, size, column);
    for (const b of column) expect(meets({ ...at, ...size }, b)).toBe(false);
    // Right beside the selection, not at the bottom of the column.
    expect(at.y).toBeLessThan(200);
  });

  it('keeps a drop point when it is free and moves off a node it would cover', () => {
    const other = { x: 300, y: 300, ...size };
    expect(placeNear({ x: 0, y: 0, width: 0, height: 0 }, size, [other], { point: true })).toEqual({
      x: -100,
      y: -32,
    });
    const dropped = placeNear({ x: 400, y: 332, width: 0, height: 0 }, size, [other], { point: true });
    expect(meets({ ...dropped, ...size }, other)).toBe(false);
  });

  it('prefers a free spot the owner can see', () => {
    const selected = { x: 0, y: 0, ...size };
    const view = { x: -300, y: -200, width: 800, height: 300 };
    const at = placeNear(selected, size, [selected], { view });
    // Below would leave the view: it goes beside instead, inside the view.
    expect(at.y + size.height).toBeLessThanOrEqual(100);
    expect(at.x).toBeGreaterThanOrEqual(-300);
    expect(at.x + size.width).toBeLessThanOrEqual(500);
    expect(meets({ ...at, ...size }, selected)).toBe(false);
  });
});

describe('placing in a full view', () => {
  it('finds the gap the owner sees rather than a spot off screen', () => {
    // A 3×3 block of nodes filling the view but for a gap at the far right.
    const taken: Box[] = [];
    for (let r = 0; r < 3; r++) for (let c = 0; c < 3; c++) taken.push({ x: c * 240, y: r * 110, ...size });
    const view = { x: -20, y: -20, width: 1000, height: 340 };
    const at = placeNear({ x: 340, y: 140, width: 0, height: 0 }, size, taken, { point: true, view });
    for (const b of taken) expect(meets({ ...at, ...size }, b)).toBe(false);
    expect(at.x).toBeGreaterThanOrEqual(view.x);
    expect(at.x + size.width).toBeLessThanOrEqual(view.x + view.width);
    expect(at.y + size.height).toBeLessThanOrEqual(view.y + view.height);
  });
});

describe('zoom to fit', () => {
  it('fits a small flow whole, centred, up to the maximum zoom', () => {
    const v = fitViewport({ x: 0, y: 0, width: 400, height: 300 }, 1000, 800);
    expect(v.zoom).toBe(1.2);
    expect(v.x + (400 * v.zoom) / 2).toBeCloseTo(500);
  });

  it('keeps text readable: a tall flow is shown from its top at the readable zoom', () => {
    const v = fitViewport({ x: -50, y: 20, width: 900, height: 2000 }, 1000, 800);
    expect(v.zoom).toBe(READABLE_ZOOM);
    expect(v.y + 20 * v.zoom).toBeCloseTo(56);
    expect(v.x + (-50 + 450) * v.zoom).toBeCloseTo(500);
  });

  it('starts from the left edge when the flow is wider than the canvas at the readable zoom', () => {
    const v = fitViewport({ x: 100, y: 0, width: 5000, height: 200 }, 1000, 800);
    expect(v.zoom).toBe(READABLE_ZOOM);
    expect(v.x + 100 * v.zoom).toBeCloseTo(56);
  });
});
