import { describe, expect, it } from 'vitest';
import type { CanvasEdge, CanvasNode } from './canvas-graph';
import { boundsOf, visibleWindow, windowedGraph, windowKey, windowOfKey } from './visible-window';

const node = (id: string, x: number, y: number, selected = false): CanvasNode => ({
  id,
  type: 'flow',
  position: { x, y },
  selected,
  measured: { width: 100, height: 50 },
  data: {
    node: { id, type: 'task', title: id, outcomes: ['ok'] } as never,
    problems: [],
    usedPorts: '',
    overlay: undefined,
  },
});
const edge = (source: string, target: string): CanvasEdge => ({ id: `${source}-${target}`, source, target });

describe('visibleWindow', () => {
  it('covers the screen and half a screen around it, in flow coordinates', () => {
    const w = visibleWindow([0, 0, 1], 800, 600)!;
    expect(w.x).toBeLessThanOrEqual(-400);
    expect(w.y).toBeLessThanOrEqual(-300);
    expect(w.x + w.width).toBeGreaterThanOrEqual(1200);
    expect(w.y + w.height).toBeGreaterThanOrEqual(900);
  });

  it('stays the same while panning within a cell, so the node list is not rebuilt every frame', () => {
    expect(windowKey(visibleWindow([-10, -10, 1], 800, 600))).toBe(
      windowKey(visibleWindow([-20, -30, 1], 800, 600)),
    );
    expect(windowKey(visibleWindow([-900, 0, 1], 800, 600))).not.toBe(
      windowKey(visibleWindow([0, 0, 1], 800, 600)),
    );
  });

  it('is unknown before the canvas has a size, and round-trips through its key', () => {
    expect(visibleWindow([0, 0, 1], 0, 0)).toBeNull();
    const w = visibleWindow([5, 7, 0.5], 800, 600);
    expect(windowOfKey(windowKey(w))).toEqual(w);
    expect(windowOfKey('')).toBeNull();
  });
});

describe('windowedGraph', () => {
  const nodes = [
    node('a', 0, 0),
    node('b', 0, 200),
    node('c', 0, 5000),
    node('d', 0, 9000),
    node('s', 0, 20000, true),
  ];
  const edges = [edge('a', 'b'), edge('b', 'c'), edge('c', 'd')];

  it('keeps nodes in the window, selected ones, and the far ends of edges that leave it', () => {
    const shown = windowedGraph(nodes, edges, { x: -500, y: -500, width: 1000, height: 1000 }, new Set());
    expect(shown.nodes.map((n) => n.id)).toEqual(['a', 'b', 'c', 's']);
    expect(shown.edges.map((e) => e.id)).toEqual(['a-b', 'b-c']);
  });

  it('shows the initial nodes while the window is unknown', () => {
    expect(windowedGraph(nodes, edges, null, new Set(['d'])).nodes.map((n) => n.id)).toEqual(['c', 'd', 's']);
  });
});

describe('boundsOf', () => {
  it('spans the laid-out nodes (or the given ones) with their sizes', () => {
    const doc = {
      key: 'f',
      name: 'f',
      nodes: [
        { id: 'start', type: 'start' as const },
        { id: 't', type: 'task' as const, title: 't', outcomes: ['ok'] },
      ],
      layout: { start: { x: 0, y: 0 }, t: { x: 100, y: 300 } },
    };
    expect(boundsOf(doc as never)).toEqual({ x: 0, y: 0, width: 300, height: 364 });
    expect(boundsOf(doc as never, ['t'])).toEqual({ x: 100, y: 300, width: 200, height: 64 });
  });
});
