import type { Problem } from '@caseflow/schema';
import { describe, expect, it } from 'vitest';
import { createGraphBuilder, edgeLabel } from './canvas-graph';
import { moveNodes } from './commands';
import type { FlowDoc } from './flow-document';

const doc: FlowDoc = {
  key: 'f',
  name: 'f',
  nodes: [
    { id: 'start', type: 'start' },
    { id: 'task', type: 'task', title: 'T', outcomes: ['ok', 'no'] },
    { id: 'end', type: 'end' },
  ],
  edges: [
    { from: 'start', to: 'task' },
    { from: 'task', to: 'end', on: 'ok' },
    { from: 'task', to: 'end', on: 'no' },
  ],
  layout: { start: { x: 0, y: 0 }, task: { x: 0, y: 100 }, end: { x: 0, y: 200 } },
};

describe('createGraphBuilder', () => {
  it('maps outcomes to source handles and gives twin edges distinct ids', () => {
    const { edges } = createGraphBuilder()({ doc, selectedNodes: [], selectedEdges: [], problems: [] });
    expect(edges.map((e) => [e.id, e.sourceHandle])).toEqual([
      ['start->task', 'out'],
      ['task->end', 'ok'],
      ['task->end#2', 'no'],
    ]);
  });

  it('reuses unchanged nodes after a move of another node', () => {
    const build = createGraphBuilder();
    const first = build({ doc, selectedNodes: [], selectedEdges: [], problems: [] });
    const moved = moveNodes({ task: { x: 50, y: 100 } }).perform(doc);
    const second = build({ doc: moved, selectedNodes: [], selectedEdges: [], problems: [] });
    expect(second.nodes[0]).toBe(first.nodes[0]);
    expect(second.nodes[1]).not.toBe(first.nodes[1]);
    expect(second.nodes[1]?.position).toEqual({ x: 50, y: 100 });
  });

  it('attaches problems to their node and edge', () => {
    const problems: Problem[] = [
      { severity: 'error', code: 'no-path-to-end', message: 'stuck', nodeId: 'task', path: [] },
      { severity: 'warning', code: 'dangling-edge', message: 'edge', edgeId: 'task->end#2', path: [] },
    ];
    const { nodes, edges } = createGraphBuilder()({
      doc,
      selectedNodes: ['task'],
      selectedEdges: [],
      problems,
    });
    expect(nodes[1]?.data.problems.map((p) => p.message)).toEqual(['stuck']);
    expect(nodes[1]?.selected).toBe(true);
    expect(edges[2]?.className).toBe('edge-problem');
  });
});

describe('used ports', () => {
  it('lists the handles that already have an edge', () => {
    const { nodes } = createGraphBuilder()({ doc, selectedNodes: [], selectedEdges: [], problems: [] });
    expect(nodes.map((n) => n.data.usedPorts)).toEqual(['out', 'no|ok', '']);
  });
});

describe('edgeLabel', () => {
  it('prefers the label, then the outcome, the condition and default', () => {
    expect(edgeLabel({ on: 'ok', label: 'Looks good' })).toBe('Looks good');
    expect(edgeLabel({ on: 'ok' })).toBe('ok');
    expect(edgeLabel({ when: 'amount > 10' })).toBe('amount > 10');
    expect(edgeLabel({ default: true })).toBe('default');
  });

  it('words outcome edges as the port text says, leaving labelled edges as written', () => {
    const labelled: FlowDoc = {
      ...doc,
      edges: [...(doc.edges ?? []).slice(0, 2), { from: 'task', to: 'end', on: 'no', label: 'Refused' }],
    };
    const { edges } = createGraphBuilder(
      undefined,
      (node, on) => `${node?.id}:${on}`,
    )({
      doc: labelled,
      selectedNodes: [],
      selectedEdges: [],
      problems: [],
    });
    expect(edges.map((e) => e.data?.label)).toEqual(['', 'task:ok', 'Refused']);
  });
});
