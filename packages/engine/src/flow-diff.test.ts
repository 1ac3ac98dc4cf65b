import { FlowDefinition, type FlowDefinitionInput } from '@caseflow/schema';
import { describe, expect, it } from 'vitest';
import { diffFlows, jsonEqual } from './flow-diff';

/**
 * v1:  start → triage ─resolved→ closed
 *                     └escalate→ review → closed
 */
const v1: FlowDefinitionInput = {
  key: 'lost-card',
  name: 'Lost card',
  calendar: 'business',
  tiers: [{ id: 'L1', name: 'Service desk', group: 'service-desk' }],
  nodes: [
    { id: 'start', type: 'start' },
    {
      id: 'triage',
      type: 'task',
      title: 'Triage',
      assign: { tier: 'L1' },
      outcomes: ['resolved', 'escalate'],
    },
    { id: 'review', type: 'task', title: 'Review', outcomes: ['done'] },
    { id: 'closed', type: 'end' },
  ],
  edges: [
    { from: 'start', to: 'triage' },
    { from: 'triage', to: 'closed', on: 'resolved' },
    { from: 'triage', to: 'review', on: 'escalate' },
    { from: 'review', to: 'closed', on: 'done' },
  ],
  layout: { start: { x: 0, y: 0 } },
};

const parse = (def: FlowDefinitionInput) => FlowDefinition.parse(def);
const clone = () =>
  JSON.parse(JSON.stringify(v1)) as FlowDefinitionInput & Required<Pick<FlowDefinitionInput, 'edges'>>;

describe('diffFlows', () => {
  it('finds nothing between a flow and itself, even with keys in another order', () => {
    const reverseKeys = (value: unknown): unknown =>
      Array.isArray(value)
        ? value.map(reverseKeys)
        : typeof value === 'object' && value !== null
          ? Object.fromEntries(
              Object.entries(value)
                .reverse()
                .map(([k, v]) => [k, reverseKeys(v)]),
            )
          : value;
    const reordered = reverseKeys(parse(v1)) as FlowDefinition;
    expect(Object.keys(reordered)[0]).toBe('layout');
    expect(diffFlows(parse(v1), reordered)).toEqual({
      nodes: { added: [], removed: [], changed: [] },
      edges: { added: [], removed: [], changed: [] },
      settings: [],
    });
  });

  it('ignores layout (canvas positions)', () => {
    const moved = { ...clone(), layout: { start: { x: 500, y: 80 }, triage: { x: 1, y: 2 } } };
    expect(diffFlows(parse(v1), parse(moved)).settings).toEqual([]);
  });

  /**
   * v2:  start → freeze → triage ─resolved→ closed          (review removed, freeze added,
   *                                └escalate→ closed          triage retitled with a new SLA)
   */
  it('lists added, removed and changed nodes with the changed fields', () => {
    const v2 = clone();
    v2.nodes = [
      { id: 'start', type: 'start' },
      { id: 'freeze', type: 'action', action: { kind: 'set', values: { frozen: 'true' } } },
      {
        id: 'triage',
        type: 'task',
        title: 'Triage the report',
        assign: { tier: 'L1' },
        outcomes: ['resolved', 'escalate'],
        sla: { target: 'PT30M' },
      },
      { id: 'closed', type: 'end' },
    ];
    v2.edges = [
      { from: 'start', to: 'freeze' },
      { from: 'freeze', to: 'triage' },
      { from: 'triage', to: 'closed', on: 'resolved' },
      { from: 'triage', to: 'closed', on: 'escalate' },
    ];
    const diff = diffFlows(parse(v1), parse(v2));
    expect(diff.nodes).toEqual({
      added: ['freeze'],
      removed: ['review'],
      changed: [{ id: 'triage', fields: ['title', 'sla'] }],
    });
    // Edges without ids are matched as from->to; the second triage->closed edge is its twin #2.
    expect(diff.edges).toEqual({
      added: ['start->freeze', 'freeze->triage', 'triage->closed#2'],
      removed: ['start->triage', 'triage->review', 'review->closed'],
      changed: [],
    });
    expect(diff.settings).toEqual([]);
  });

  it('reports a changed outcome on an edge as a changed field, matched by from->to', () => {
    const v2 = clone();
    v2.edges[1] = { from: 'triage', to: 'closed', on: 'solved', label: 'Solved' };
    expect(diffFlows(parse(v1), parse(v2)).edges).toEqual({
      added: [],
      removed: [],
      changed: [{ id: 'triage->closed', fields: ['on', 'label'] }],
    });
  });

  it('follows an edge with an explicit id even when it is re-pointed', () => {
    const a = clone();
    a.edges[3] = { id: 'finish', from: 'review', to: 'closed', on: 'done' };
    const b = clone();
    b.edges[3] = { id: 'finish', from: 'review', to: 'triage', on: 'done' };
    expect(diffFlows(parse(a), parse(b)).edges.changed).toEqual([{ id: 'finish', fields: ['to'] }]);
  });

  it('reports a node whose type changed', () => {
    const v2 = clone();
    v2.nodes[2] = { id: 'review', type: 'wait', signal: 'customer-replied' };
    expect(diffFlows(parse(v1), parse(v2)).nodes.changed).toEqual([
      { id: 'review', fields: ['type', 'signal', 'title', 'assign', 'outcomes'] },
    ]);
  });

  it('names changed top-level settings', () => {
    const v2 = {
      ...clone(),
      name: 'Lost or stolen card',
      calendar: '24x7',
      tiers: [{ id: 'L1', name: 'Service desk', group: 'front-office' }],
      slas: [
        {
          id: 'response',
          target: 'PT1H',
          start: { event: 'case.opened' },
          stop: { event: 'case.firstResponse' },
        },
      ],
    };
    // Settings follow the schema's field order.
    expect(diffFlows(parse(v1), parse(v2)).settings).toEqual(['name', 'tiers', 'calendar', 'slas']);
  });

  it('treats a default written out like a default left implicit', () => {
    const explicit = clone();
    explicit.nodes[3] = { id: 'closed', type: 'end', outcome: 'resolved' };
    explicit.kind = 'case';
    expect(diffFlows(parse(v1), parse(explicit)).nodes.changed).toEqual([]);
    expect(diffFlows(parse(v1), parse(explicit)).settings).toEqual([]);
  });
});

describe('jsonEqual', () => {
  it('ignores key order and undefined properties but not array order', () => {
    expect(jsonEqual({ a: 1, b: [1, { c: 2 }] }, { b: [1, { c: 2 }], a: 1 })).toBe(true);
    expect(jsonEqual({ a: 1, b: undefined }, { a: 1 })).toBe(true);
    expect(jsonEqual([1, 2], [2, 1])).toBe(false);
    expect(jsonEqual({ a: [] }, { a: {} })).toBe(false);
    expect(jsonEqual(null, {})).toBe(false);
    expect(jsonEqual('1', 1)).toBe(false);
  });
});
