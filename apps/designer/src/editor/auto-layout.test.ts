import { describe, expect, it } from 'vitest';
import { autoLayout, ensureLayout } from './auto-layout';
import type { FlowDoc } from './flow-document';

//   start
//     │
//   decide ──┐
//     │      │
//    task   notify
//     └──┬───┘
//       end
const doc: FlowDoc = {
  key: 'f',
  name: 'f',
  nodes: [
    { id: 'start', type: 'start' },
    { id: 'decide', type: 'decision' },
    { id: 'task', type: 'task', title: 't', outcomes: ['ok'] },
    { id: 'notify', type: 'notify', to: 'customer', template: 'x' },
    { id: 'end', type: 'end' },
  ],
  edges: [
    { from: 'start', to: 'decide' },
    { from: 'decide', to: 'task', default: true },
    { from: 'decide', to: 'notify', when: 'true' },
    { from: 'task', to: 'end', on: 'ok' },
    { from: 'notify', to: 'end' },
  ],
};

describe('autoLayout', () => {
  it('places every node, each layer below the one it follows', () => {
    const p = autoLayout(doc, 'TB');
    expect(Object.keys(p).sort()).toEqual(['decide', 'end', 'notify', 'start', 'task']);
    expect(p.decide!.y).toBeGreaterThan(p.start!.y);
    expect(p.task!.y).toBeGreaterThan(p.decide!.y);
    expect(p.end!.y).toBeGreaterThan(p.task!.y);
  });

  it('puts sibling branches side by side', () => {
    const p = autoLayout(doc, 'TB');
    expect(p.task!.x).not.toBe(p.notify!.x);
  });

  it('runs left to right on request', () => {
    const p = autoLayout(doc, 'LR');
    expect(p.end!.x).toBeGreaterThan(p.start!.x);
  });

  it('lays out 300 nodes without overlaps on a layer', () => {
    const nodes: FlowDoc['nodes'] = [{ id: 'start', type: 'start' }];
    const edges: NonNullable<FlowDoc['edges']> = [];
    for (let i = 0; i < 299; i++) {
      nodes.push({ id: `n${i}`, type: 'notify', to: 'customer', template: 't' });
      edges.push({ from: i === 0 ? 'start' : `n${Math.floor((i - 1) / 2)}`, to: `n${i}` });
    }
    const p = autoLayout({ key: 'big', name: 'big', nodes, edges });
    expect(Object.keys(p)).toHaveLength(300);
    const seen = new Set(Object.values(p).map((xy) => `${xy.x},${xy.y}`));
    expect(seen.size).toBe(300);
  });
});

describe('ensureLayout', () => {
  it('lays out a flow whose nodes have no positions', () => {
    const placed = ensureLayout(doc);
    expect(Object.keys(placed.layout ?? {})).toHaveLength(5);
  });
  it('leaves a fully placed flow untouched', () => {
    const placed = ensureLayout(doc);
    expect(ensureLayout(placed)).toBe(placed);
  });
});
