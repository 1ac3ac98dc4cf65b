import { describe, expect, it } from 'vitest';
import { diffFlows } from './flow-diff';

const v1 = {
  key: 'lost-card',
  name: 'Lost card',
  nodes: [
    { id: 'start', type: 'start', trigger: { kind: 'case' } },
    { id: 'triage', type: 'task', title: 'Triage', outcomes: ['done'] },
    { id: 'closed', type: 'end', outcome: 'resolved' },
  ],
  edges: [
    { from: 'start', to: 'triage' },
    { from: 'triage', to: 'closed', on: 'done' },
  ],
  layout: { start: { x: 0, y: 0 } },
};

describe('diffFlows', () => {
  it('reports nothing for identical definitions, whatever the key order or layout', () => {
    const reordered = { ...v1, layout: { start: { x: 50, y: 9 } }, nodes: v1.nodes.map((n) => ({ ...n })) };
    expect(diffFlows(v1, reordered)).toEqual({
      nodes: { added: [], removed: [], changed: [] },
      edges: { added: [], removed: [], changed: [] },
      flow: { changed: [] },
    });
  });

  it('lists added, removed and changed nodes and edges with the changed fields', () => {
    //  v1: start → triage → closed
    //  v2: start → triage → notify → closed   (triage retitled, new outcome)
    const v2 = {
      ...v1,
      name: 'Lost or stolen card',
      nodes: [
        v1.nodes[0],
        { id: 'triage', type: 'task', title: 'Triage the report', outcomes: ['done'] },
        { id: 'notify', type: 'notify', to: 'customer', template: 'x' },
        v1.nodes[2],
      ],
      edges: [
        { from: 'start', to: 'triage' },
        { from: 'triage', to: 'notify', on: 'done' },
        { from: 'notify', to: 'closed' },
      ],
    };
    const d = diffFlows(v1, v2);
    expect(d.nodes).toEqual({
      added: ['notify'],
      removed: [],
      changed: [{ id: 'triage', fields: ['title'] }],
    });
    expect(d.edges.added).toEqual(['triage->notify', 'notify->closed']);
    expect(d.edges.removed).toEqual(['triage->closed']);
    expect(d.flow.changed).toEqual(['name']);
  });
});
