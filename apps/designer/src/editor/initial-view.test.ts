import { describe, expect, it } from 'vitest';
import type { FlowDoc } from './flow-document';
import { initialViewNodes } from './initial-view';

function chain(n: number): FlowDoc {
  const nodes: FlowDoc['nodes'] = [{ id: 'start', type: 'start' }];
  for (let i = 1; i < n; i++) nodes.push({ id: `n${i}`, type: 'notify', to: 'customer', template: 't' });
  const edges = nodes.slice(1).map((node, i) => ({ from: nodes[i]!.id, to: node.id }));
  return { key: 'c', name: 'c', nodes, edges };
}

describe('initialViewNodes', () => {
  it('fits every node of a small flow', () => {
    expect(initialViewNodes(chain(30))).toHaveLength(30);
  });
  it('opens a large flow on the nodes nearest its start', () => {
    const ids = initialViewNodes(chain(300), 10);
    expect(ids).toEqual(['start', 'n1', 'n2', 'n3', 'n4', 'n5', 'n6', 'n7', 'n8', 'n9']);
  });
});
