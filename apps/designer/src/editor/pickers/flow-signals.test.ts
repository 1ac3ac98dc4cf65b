import { describe, expect, it } from 'vitest';
import type { FlowDoc } from '../flow-document';
import { flowSignals } from './flow-signals';

/*
 *   start (on signal "alert") ─▶ wait-a (customer-replied) ─▶ wait-b (alert-cleared)
 *                                 ─▶ wait-c (customer-replied) ─▶ closed
 */
const doc: FlowDoc = {
  key: 'signals',
  name: 'Signals',
  nodes: [
    { id: 'start', type: 'start', trigger: { kind: 'signal', signal: 'alert' } },
    { id: 'wait-a', type: 'wait', name: 'Await the customer', signal: 'customer-replied' },
    { id: 'wait-b', type: 'wait', signal: 'alert-cleared' },
    { id: 'wait-c', type: 'wait', name: 'Await again', signal: 'customer-replied' },
    { id: 'closed', type: 'end' },
  ],
  edges: [],
};

describe('flowSignals', () => {
  it("lists the flow's signal names once, by name, with the nodes that use them", () => {
    expect(flowSignals(doc)).toEqual([
      { name: 'alert', usedBy: ['start'] },
      { name: 'alert-cleared', usedBy: ['wait-b'] },
      { name: 'customer-replied', usedBy: ['Await the customer', 'Await again'] },
    ]);
  });

  it('leaves out the node being edited', () => {
    expect(flowSignals(doc, 'wait-b').map((s) => s.name)).toEqual(['alert', 'customer-replied']);
  });
});
