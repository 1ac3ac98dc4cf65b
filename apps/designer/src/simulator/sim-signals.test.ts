import { describe, expect, it } from 'vitest';
import type { FlowDoc } from '../editor/flow-document';
import { simCaseEvents, simSignals } from './sim-signals';

const doc: FlowDoc = {
  key: 'f',
  name: 'F',
  slas: [
    {
      id: 'response',
      target: 'PT1H',
      start: { event: 'case.opened' },
      stop: { event: 'case.firstResponse' },
    },
    { id: 'resolution', target: 'PT8H', start: { event: 'case.opened' }, stop: { atNodes: ['end'] } },
  ],
  nodes: [
    { id: 'start', type: 'start', trigger: { kind: 'signal', signal: 'alert' } },
    { id: 'await-customer', type: 'wait', name: 'Await the customer', signal: 'customer-replied' },
    { id: 'await-bank', type: 'wait', signal: 'bank-answered' },
    { id: 'again', type: 'wait', name: 'Await again', signal: 'customer-replied' },
    { id: 'end', type: 'end' },
  ],
  edges: [],
};

describe('what the simulator offers to send', () => {
  it('lists the signals wait nodes listen for, by step, those awaited now first; not the start trigger', () => {
    expect(simSignals(doc, ['bank-answered'])).toEqual([
      { name: 'bank-answered', waitedAt: ['await-bank'], waitingNow: true },
      { name: 'customer-replied', waitedAt: ['Await the customer', 'Await again'], waitingNow: false },
    ]);
  });

  it('keeps a signal the case waits for that the flow no longer names', () => {
    expect(simSignals({ ...doc, nodes: [] }, ['old'])).toEqual([
      { name: 'old', waitedAt: [], waitingNow: true },
    ]);
  });

  it('offers the case events its SLAs count on after opening', () => {
    expect(simCaseEvents(doc)).toEqual(['case.firstResponse']);
    expect(simCaseEvents({ ...doc, slas: [doc.slas![1]!] })).toEqual([]);
  });
});
