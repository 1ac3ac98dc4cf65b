import { diffFlows } from '@caseflow/engine';
import { FlowDefinition } from '@caseflow/schema';
import { describe, expect, it } from 'vitest';
import type { FlowDoc } from '../editor/flow-document';
import { messagesFor } from '../i18n/catalog';
import { diffEdgeLabel, diffFieldMessage, diffNodeLabel } from './diff-labels';

//  v1: start ─▶ old-check ─default─▶ confirm-address ─confirmed─▶ approve ═approved/rejected═▶ done
//  v2: start ─▶ confirm-address ─confirmed ("address confirmed")─▶ approve ═approved/rejected═▶ done
const v1: FlowDoc = {
  key: 'cards',
  name: 'Cards',
  nodes: [
    { id: 'start', type: 'start' },
    {
      id: 'confirm-address',
      type: 'task',
      title: 'Confirm the address',
      assign: {},
      outcomes: ['confirmed'],
    },
    { id: 'approve', type: 'approval', title: 'Approve replacement', approvers: { group: 'card-ops' } },
    { id: 'old-check', type: 'decision', name: 'Old check' },
    { id: 'done', type: 'end' },
  ],
  edges: [
    { from: 'start', to: 'old-check' },
    { from: 'old-check', to: 'confirm-address', default: true },
    { from: 'confirm-address', to: 'approve', on: 'confirmed' },
    { from: 'approve', to: 'done', on: 'approved' },
    { from: 'approve', to: 'done', on: 'rejected' },
  ],
};
const v2: FlowDoc = {
  ...v1,
  nodes: v1.nodes.filter((n) => n.id !== 'old-check'),
  edges: [
    { from: 'start', to: 'confirm-address' },
    { from: 'confirm-address', to: 'approve', on: 'confirmed', label: 'address confirmed' },
    { from: 'approve', to: 'done', on: 'approved' },
    { from: 'approve', to: 'done', on: 'rejected' },
  ],
};

describe('diff labels', () => {
  const diff = diffFlows(FlowDefinition.parse(v1), FlowDefinition.parse(v2));
  const docs = [v2, v1];

  it('names nodes by their names and titles, removed ones from the older version', () => {
    expect(diff.nodes.removed.map((id) => diffNodeLabel(docs, id))).toEqual(['Old check']);
    expect(diffNodeLabel(docs, 'confirm-address')).toBe('Confirm the address');
    expect(diffNodeLabel(docs, 'start')).toBe('start');
  });

  it('names edges by the nodes they join and how they leave, never by their ids', () => {
    const all = [...diff.edges.added, ...diff.edges.removed, ...diff.edges.changed.map((c) => c.id)];
    const labels = all.map((id) => diffEdgeLabel(docs, id));
    expect(labels).toContainEqual({
      id: 'diffLabels.edgeDefault',
      values: { from: 'Old check', to: 'Confirm the address' },
    });
    expect(labels).toContainEqual({
      id: 'diffLabels.edgeVia',
      values: { from: 'Confirm the address', to: 'Approve replacement', via: 'address confirmed' },
    });
    expect(labels).toContainEqual({
      id: 'diffLabels.edge',
      values: { from: 'start', to: 'Confirm the address' },
    });
    expect(JSON.stringify(labels)).not.toMatch(/->|#/);
  });

  it('tells two edges between the same nodes apart by their outcome', () => {
    expect(diffEdgeLabel(docs, 'approve->done').values.via).toBe('approved');
    expect(diffEdgeLabel(docs, 'approve->done#2').values.via).toBe('rejected');
    expect(diffEdgeLabel(docs, 'gone->away')).toEqual({
      id: 'diffLabels.unknown',
      values: { id: 'gone->away' },
    });
  });
});

describe('changed fields', () => {
  const catalog = new Set(['diffLabels.node.policy', 'diffLabels.flow.slas', 'diffLabels.edge.to']);
  const known = (id: string) => catalog.has(id);

  it('are said in the owner’s words where the catalog has them, per node, edge or flow', () => {
    expect(diffFieldMessage('node', 'policy', known)).toBe('diffLabels.node.policy');
    expect(diffFieldMessage('flow', 'slas', known)).toBe('diffLabels.flow.slas');
    expect(diffFieldMessage('edge', 'to', known)).toBe('diffLabels.edge.to');
    expect(diffFieldMessage('node', 'to', known)).toBeNull();
  });

  it('has EN and pt-BR words for the common fields of nodes, edges and flows', () => {
    for (const locale of ['en', 'pt-BR'] as const) {
      const messages = messagesFor(locale);
      for (const f of [
        'policy',
        'sla',
        'assign',
        'outcomes',
        'outcomeLabels',
        'to',
        'template',
        'timeout',
        'trigger',
      ])
        expect(messages[`diffLabels.node.${f}`], `${locale} ${f}`).toBeTruthy();
      for (const f of ['on', 'when', 'default', 'label'])
        expect(messages[`diffLabels.edge.${f}`]).toBeTruthy();
      for (const f of ['tiers', 'slas', 'calendar', 'variables'])
        expect(messages[`diffLabels.flow.${f}`]).toBeTruthy();
    }
  });
});
