import { describe, expect, it } from 'vitest';
import { copyFragment, pasteFragment } from './clipboard';
import type { FlowDoc } from './flow-document';

const doc: FlowDoc = {
  key: 'f',
  name: 'f',
  nodes: [
    { id: 'start', type: 'start' },
    { id: 'task', type: 'task', title: 'T', outcomes: ['ok'] },
    { id: 'end', type: 'end' },
  ],
  edges: [
    { from: 'start', to: 'task' },
    { from: 'task', to: 'end', on: 'ok' },
  ],
  layout: { start: { x: 0, y: 0 }, task: { x: 0, y: 100 }, end: { x: 0, y: 200 } },
};

describe('clipboard', () => {
  it('copies the selected nodes and only the edges between them', () => {
    const f = copyFragment(doc, ['task', 'end']);
    expect(f.nodes.map((n) => n.id)).toEqual(['task', 'end']);
    expect(f.edges).toEqual([{ from: 'task', to: 'end', on: 'ok' }]);
  });

  it('pastes with fresh ids, rewired edges and shifted positions', () => {
    let ids: string[] = [];
    const next = pasteFragment(copyFragment(doc, ['task', 'end']), { x: 40, y: 40 }, (i) => {
      ids = i;
    }).perform(doc);
    expect(ids).toEqual(['task-2', 'end-2']);
    expect(next.edges).toContainEqual({ from: 'task-2', to: 'end-2', on: 'ok' });
    expect(next.layout?.['task-2']).toEqual({ x: 40, y: 140 });
    expect(next.nodes).toHaveLength(5);
  });

  it('does not paste a second start node', () => {
    const next = pasteFragment(copyFragment(doc, ['start']), { x: 0, y: 0 }).perform(doc);
    expect(next).toBe(doc);
  });
});
