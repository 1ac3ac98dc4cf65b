import { describe, expect, it } from 'vitest';
import { editableDoc } from './editable-doc';
import type { FlowDoc } from './flow-document';
import { nodeSummary, outPorts } from './node-catalog';

const t = (id: string) => id;

describe('editableDoc', () => {
  it('answers a well-formed draft as it is', () => {
    const doc: FlowDoc = {
      key: 'f',
      name: 'F',
      nodes: [
        { id: 's', type: 'start' },
        { id: 't', type: 'task', title: 'T', outcomes: ['done'] },
      ],
      edges: [{ from: 's', to: 't' }],
    };
    expect(editableDoc(doc)).toBe(doc);
  });

  it('gives the fields the canvas reads their empty value, so every node can be drawn', () => {
    const draft = {
      key: 'f',
      name: 'F',
      nodes: [
        { id: 't', type: 'task', title: 'T' },
        { id: 'u', type: 'task', outcomes: ['ok', 7] },
        { id: 'a', type: 'approval', title: 'A' },
        { id: 'x', type: 'action' },
        { id: 'v', type: 'survey', to: 'customer' },
      ],
      edges: [{ from: 't', to: 'u' }],
    } as unknown as FlowDoc;
    const doc = editableDoc(draft);
    expect(doc.nodes.map((n) => outPorts(n).map((p) => p.id))).toEqual([
      [],
      ['ok'],
      ['approved', 'rejected'],
      ['out', 'error'],
      ['out'],
    ]);
    for (const n of doc.nodes) expect(typeof nodeSummary(n, t)).toBe('string');
    expect(doc.nodes[1]).toMatchObject({ title: '', outcomes: ['ok'] });
  });

  it('leaves out entries that are not nodes or edges at all, and a layout that is not an object', () => {
    const draft = {
      key: 'f',
      name: 'F',
      nodes: [null, 'x', { id: 3, type: 'task' }, { id: 's', type: 'start' }],
      edges: [{ from: 's' }, 5, { from: 's', to: 's' }],
      layout: [1, 2],
    } as unknown as FlowDoc;
    expect(editableDoc(draft)).toEqual({
      key: 'f',
      name: 'F',
      nodes: [{ id: 's', type: 'start' }],
      edges: [{ from: 's', to: 's' }],
      layout: undefined,
    });
    expect(editableDoc({ key: 'f', name: 'F', nodes: 'no' } as unknown as FlowDoc).nodes).toEqual([]);
  });
});
