import { diffFlows } from '@caseflow/engine';
import { FlowDefinition } from '@caseflow/schema';
import { describe, expect, it } from 'vitest';
import type { FlowDoc } from '../editor/flow-document';
import { diffCanvas } from './diff-canvas';

// v1: start → triage → closed         v2: start → triage(title changed) → notify → closed
//          └→ legacy (removed in v2)
const v1: FlowDoc = {
  key: 'f',
  name: 'f',
  nodes: [
    { id: 'start', type: 'start' },
    { id: 'triage', type: 'task', title: 'Triage', outcomes: ['ok'] },
    { id: 'legacy', type: 'notify', to: 'customer', template: 'old' },
    { id: 'closed', type: 'end' },
  ],
  edges: [
    { from: 'start', to: 'triage' },
    { from: 'triage', to: 'closed', on: 'ok' },
    { from: 'start', to: 'legacy' },
  ],
  layout: { legacy: { x: 300, y: 50 } },
};
const v2: FlowDoc = {
  key: 'f',
  name: 'f',
  nodes: [
    { id: 'start', type: 'start' },
    { id: 'triage', type: 'task', title: 'Triage the report', outcomes: ['ok'] },
    { id: 'tell', type: 'notify', to: 'customer', template: 'done' },
    { id: 'closed', type: 'end' },
  ],
  edges: [
    { from: 'start', to: 'triage' },
    { from: 'triage', to: 'tell', on: 'ok' },
    { from: 'tell', to: 'closed' },
  ],
};

describe('diffCanvas', () => {
  it('colours added, changed and removed nodes and keeps removed ones at their old place', () => {
    const diff = diffFlows(FlowDefinition.parse(v1), FlowDefinition.parse(v2));
    const { doc, overlays } = diffCanvas(v1, v2, diff);
    expect(overlays.tell?.diff).toBe('added');
    expect(overlays.triage).toEqual({ diff: 'changed', note: 'title' });
    expect(overlays.legacy?.diff).toBe('removed');
    expect(doc.nodes.map((n) => n.id)).toContain('legacy');
    expect(doc.layout?.legacy).toEqual({ x: 300, y: 50 });
    expect(doc.edges).toContainEqual({ from: 'start', to: 'legacy' });
    expect(overlays.start).toBeUndefined();
  });

  it('notes the changes on the nodes in the reader’s words', () => {
    const diff = diffFlows(FlowDefinition.parse(v1), FlowDefinition.parse(v2));
    const notes = {
      added: 'incluído',
      removed: 'removido',
      field: (f: string) => (f === 'title' ? 'título' : f),
    };
    const { overlays } = diffCanvas(v1, v2, diff, notes);
    expect(overlays.tell?.note).toBe('incluído');
    expect(overlays.triage?.note).toBe('título');
    expect(overlays.legacy?.note).toBe('removido');
  });
});
