import { describe, expect, it } from 'vitest';
import type { TimelineRow } from '../store/store';
import { heatmap } from './heatmap';

const row = (caseId: string, seq: number, at: number, type: string, nodeId: string | null): TimelineRow => ({
  caseId,
  seq,
  at,
  type,
  nodeId,
  actor: null,
  data: {},
  public: false,
});

describe('heatmap', () => {
  it('counts visits, times them from entry to exit, and counts breaches per node', () => {
    const nodes = heatmap([
      row('a', 1, 0, 'node.entered', 'triage'),
      row('a', 2, 100, 'node.left', 'triage'),
      row('a', 3, 100, 'node.entered', 'work'),
      row('a', 4, 150, 'sla.breached', 'work'),
      row('b', 1, 0, 'node.entered', 'triage'),
      row('b', 2, 300, 'node.left', 'triage'),
      // Re-entered (a loop): each exit closes the oldest open visit.
      row('b', 3, 300, 'node.entered', 'triage'),
      row('b', 4, 310, 'node.left', 'triage'),
      row('b', 5, 310, 'case.closed', null),
      // A case-level breach names no node: it counts where the case waits.
      row('c', 1, 0, 'node.entered', 'work'),
      row('c', 2, 50, 'sla.breached', null),
      row('c', 3, 60, 'node.left', 'work'),
      row('c', 4, 70, 'sla.breached', null),
    ]);
    expect(nodes).toEqual([
      { nodeId: 'triage', entered: 3, completed: 3, avgMs: 137, p90Ms: 300, breaches: 0 },
      { nodeId: 'work', entered: 2, completed: 1, avgMs: 60, p90Ms: 60, breaches: 2 },
    ]);
  });
});
