import { type Edge, edgeId } from '@caseflow/schema';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readFlow } from './flow-view';

describe('readFlow', () => {
  it('addresses edges exactly as edgeId does, in linear time', () => {
    const ids = fc.constantFrom('a', 'b', 'c');
    const edge = fc.record(
      { id: fc.option(fc.constantFrom('x', 'y', ''), { nil: undefined }), from: ids, to: ids },
      { requiredKeys: ['from', 'to'] },
    );
    fc.assert(
      fc.property(fc.array(edge, { maxLength: 12 }), (edges) => {
        const view = readFlow({ nodes: [], edges });
        expect(view.edges.map((e) => e.id)).toEqual(
          edges.map((e, i) => edgeId(e as Edge, i, edges as Edge[])),
        );
      }),
    );
  });

  it('skips entries that are not objects but keeps their indexes for paths', () => {
    const view = readFlow({
      nodes: [5, { id: 'a', type: 'start' }, null, { id: 'a', type: 'end' }],
      edges: ['x', { from: 'a', to: 'a' }],
    });
    expect(view.nodes.map((n) => n.index)).toEqual([1, 3]);
    expect(view.byId.get('a')?.index).toBe(1);
    expect(view.edges.map((e) => [e.index, e.id])).toEqual([[1, 'a->a']]);
    expect(view.outgoing.get('a')?.length).toBe(1);
  });

  it('reads anything that is not a flow as an empty one', () => {
    for (const value of [null, 3, 'flow', [], { nodes: {}, edges: 7 }]) {
      const view = readFlow(value);
      expect([view.nodes.length, view.edges.length]).toEqual([0, 0]);
    }
  });
});
