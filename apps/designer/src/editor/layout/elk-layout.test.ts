import ELK from 'elkjs/lib/elk.bundled.js';
import { describe, expect, it } from 'vitest';
import lostCard from '../../../../../examples/flows/lost-card.json';
import type { FlowDoc } from '../flow-document';
import { elkGraph, elkLayout, routeHolds } from './elk-layout';
import { type Box, estimateTextWidth, footprint, portOffsets, shapeSize } from './node-geometry';

const overlap = (a: Box, b: Box) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

describe('ELK layout of a flow', () => {
  const doc = lostCard as unknown as FlowDoc;

  it('gives every node a place, no two nodes or labels overlapping', async () => {
    const laid = await elkLayout(doc, new ELK(), estimateTextWidth);
    expect(Object.keys(laid.positions).sort()).toEqual(doc.nodes.map((n) => n.id).sort());
    const boxes: Box[] = doc.nodes.map((n) => ({
      ...laid.positions[n.id]!,
      ...footprint(n, estimateTextWidth),
    }));
    for (const r of Object.values(laid.routes)) if (r.label) boxes.push(r.label);
    const labelled = Object.values(laid.routes).filter((r) => r.label).length;
    expect(labelled).toBeGreaterThanOrEqual(10);
    for (let i = 0; i < boxes.length; i++)
      for (let j = i + 1; j < boxes.length; j++)
        expect(overlap(boxes[i]!, boxes[j]!), `${i}/${j}`).toBe(false);
  });

  it('routes every edge orthogonally from its outcome port into the top of its target', async () => {
    const laid = await elkLayout(doc, new ELK(), estimateTextWidth);
    expect(Object.keys(laid.routes)).toHaveLength(doc.edges!.length);
    for (const r of Object.values(laid.routes)) {
      for (let i = 1; i < r.points.length; i++) {
        const a = r.points[i - 1]!;
        const b = r.points[i]!;
        expect(a.x === b.x || a.y === b.y).toBe(true);
      }
      expect(r.points.at(-1)!.y).toBe(r.toAt.y);
      // Ends exactly at the handles: top centre of the target, the outcome's port on the source.
      const target = doc.nodes.find((n) => n.id === r.to)!;
      const source = doc.nodes.find((n) => n.id === r.from)!;
      // (within a pixel: the layout works in fractions, positions are whole pixels)
      expect(Math.abs(r.points.at(-1)!.x - (r.toAt.x + portOffsets(target).in.x))).toBeLessThanOrEqual(1);
      const outs = [...portOffsets(source).out.values()].map((p) =>
        Math.abs(r.fromAt.x + p.x - r.points[0]!.x),
      );
      expect(Math.min(...outs)).toBeLessThanOrEqual(1);
      expect(Math.abs(r.points[0]!.y - (r.fromAt.y + shapeSize(source.type).height))).toBeLessThanOrEqual(1);
      expect(routeHolds(r, laid.positions)).toBe(true);
      expect(routeHolds(r, { ...laid.positions, [r.to]: { x: r.toAt.x + 1, y: r.toAt.y } })).toBe(false);
    }
  });

  it('leaves each outcome by its own port, in the order the node draws them', () => {
    const g = elkGraph(doc, estimateTextWidth);
    const triage = g.children!.find((c) => c.id === 'triage')!;
    const outs = triage.ports!.filter((p) => p.id.includes('::out::'));
    expect(outs.map((p) => p.id.split('::out::')[1])).toEqual([
      'replace-card',
      'await-customer',
      'no-action',
    ]);
    expect(outs.map((p) => p.x)).toEqual([...outs.map((p) => p.x!)].sort((a, b) => a - b));
  });
});
