import { describe, expect, it } from 'vitest';
import { autoLayout } from './auto-layout';
import type { FlowDoc } from './flow-document';
import { layeredLayout } from './layered-layout';

const size = () => ({ width: 100, height: 50 });

//   start
//     │
//   decide ──┐
//     │      │
//    task   notify
//     └──┬───┘
//       end  ⟲ (task loops back to decide)
const doc: FlowDoc = {
  key: 'f',
  name: 'f',
  nodes: [
    { id: 'start', type: 'start' },
    { id: 'decide', type: 'decision' },
    { id: 'task', type: 'task', title: 't', outcomes: ['ok', 'again'] },
    { id: 'notify', type: 'notify', to: 'customer', template: 'x' },
    { id: 'end', type: 'end' },
    { id: 'orphan', type: 'task', title: 'o', outcomes: ['ok'] },
  ],
  edges: [
    { from: 'start', to: 'decide' },
    { from: 'decide', to: 'task', default: true },
    { from: 'decide', to: 'notify', when: 'true' },
    { from: 'task', to: 'end', on: 'ok' },
    { from: 'task', to: 'decide', on: 'again' },
    { from: 'notify', to: 'end' },
  ],
};

describe('layeredLayout', () => {
  it('puts each node one layer below the nearest node that leads to it, siblings side by side', () => {
    const at = layeredLayout(doc, size);
    expect(at.start!.y).toBeLessThan(at.decide!.y);
    expect(at.task!.y).toBe(at.notify!.y);
    expect(at.task!.x).not.toBe(at.notify!.x);
    expect(at.end!.y).toBeGreaterThan(at.task!.y);
    // The loop back to `decide` does not move it; the unreachable node still gets a place.
    expect(at.decide!.y).toBeLessThan(at.task!.y);
    expect(at.orphan).toBeDefined();
  });

  it('lays out a 5,000-node chain (dagre overflows its stack on it), one node per layer', () => {
    const nodes: FlowDoc['nodes'] = [{ id: 'start', type: 'start' }];
    const edges: NonNullable<FlowDoc['edges']> = [];
    for (let i = 0; i < 5000; i++) {
      nodes.push({ id: `n${i}`, type: 'task', title: 't', outcomes: ['ok'] });
      edges.push({ from: i === 0 ? 'start' : `n${i - 1}`, to: `n${i}`, on: 'ok' });
    }
    const at = autoLayout({ key: 'long', name: 'long', nodes, edges });
    expect(Object.keys(at)).toHaveLength(5001);
    expect(at.n4999!.y).toBeGreaterThan(at.n0!.y);
    expect(new Set(Object.values(at).map((p) => p.y)).size).toBe(5001);
  });
});
