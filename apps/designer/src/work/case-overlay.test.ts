import type { TimelineEntry } from '@caseflow/schema';
import { describe, expect, it } from 'vitest';
import type { FlowDoc } from '../editor/flow-document';
import { caseOverlays, focusNodes } from './case-overlay';

const entry = (seq: number, type: string, data: Record<string, unknown>): TimelineEntry => ({
  seq,
  at: '2026-01-05T08:00:00.000Z',
  type,
  actor: null,
  data,
});

describe('caseOverlays', () => {
  it('marks the nodes the case waits in as active and the ones it passed as visited', () => {
    const timeline = [
      entry(1, 'node.entered', { nodeId: 'start', type: 'start' }),
      entry(2, 'node.left', { nodeId: 'start' }),
      entry(3, 'node.entered', { nodeId: 'triage', type: 'task' }),
      entry(4, 'task.completed', { nodeId: 'triage', outcome: 'done' }),
      entry(5, 'node.left', { nodeId: 'triage' }),
      entry(6, 'node.entered', { nodeId: 'review', type: 'approval' }),
    ];
    expect(caseOverlays(['review'], timeline)).toEqual({
      start: { visited: true },
      triage: { visited: true },
      review: { active: true, note: 'current' },
    });
  });

  it('ignores entries without a node and other entry types', () => {
    const timeline = [entry(1, 'case.opened', {}), entry(2, 'sla.started', { nodeId: 'x' })];
    expect(caseOverlays([], timeline)).toEqual({});
  });

  it('shows a node entered again (a loop) as active, not visited', () => {
    const timeline = [entry(1, 'node.entered', { nodeId: 'fix' }), entry(2, 'node.left', { nodeId: 'fix' })];
    expect(caseOverlays(['fix'], timeline).fix).toEqual({ active: true, note: 'current' });
    expect(caseOverlays(['fix'], timeline, 'atual').fix).toEqual({ active: true, note: 'atual' });
  });
});

describe('focusNodes', () => {
  const doc = {
    nodes: ['start', 'a', 'b', 'c', 'end'].map((id) => ({ id, type: 'task' })),
    edges: [
      { from: 'start', to: 'a' },
      { from: 'a', to: 'b' },
      { from: 'b', to: 'c' },
      { from: 'c', to: 'end' },
    ],
  } as unknown as FlowDoc;

  it('opens on the active nodes with the nodes just before and after them', () => {
    expect(focusNodes(doc, ['b']).sort()).toEqual(['a', 'b', 'c']);
  });

  it('fits the whole flow (empty list) when nothing is active or the ids are unknown', () => {
    expect(focusNodes(doc, [])).toEqual([]);
    expect(focusNodes(doc, ['gone'])).toEqual([]);
  });
});
