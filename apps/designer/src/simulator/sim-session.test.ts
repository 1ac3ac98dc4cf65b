import { describe, expect, it } from 'vitest';
import type { FlowDoc } from '../editor/flow-document';
import { describeEffect, SimSession, subflowKeys } from './sim-session';

//  start → triage (task, L1, SLA 30m escalate) ─resolved→ closed
const flow: FlowDoc = {
  key: 'sim-test',
  name: 'Sim test',
  tiers: [
    { id: 'L1', name: 'Desk', group: 'desk' },
    { id: 'L2', name: 'Experts', group: 'experts' },
  ],
  nodes: [
    { id: 'start', type: 'start' },
    {
      id: 'triage',
      type: 'task',
      title: 'Triage',
      assign: { tier: 'L1' },
      outcomes: ['resolved'],
      sla: { target: 'PT30M', onBreach: 'escalate', warnAt: [0.5] },
    },
    { id: 'closed', type: 'end', outcome: 'resolved' },
  ],
  edges: [
    { from: 'start', to: 'triage' },
    { from: 'triage', to: 'closed', on: 'resolved' },
  ],
};

describe('SimSession', () => {
  it('opens the case at the first task and highlights it', () => {
    const s = SimSession.start(flow);
    expect(s.view().activeNodes).toEqual(['triage']);
    expect(s.openTasks().map((t) => t.nodeId)).toEqual(['triage']);
    expect(s.overlays().triage).toMatchObject({ active: true });
  });

  it('warns, breaches and escalates the task SLA as the clock moves', () => {
    const s = SimSession.start(flow);
    s.advance('PT20M');
    expect(s.trace.at(-1)?.effects.map((e) => e.type)).toContain('sla.warning');
    s.advance('PT15M');
    const types = s.trace.at(-1)?.effects.map((e) => e.type);
    expect(types).toContain('sla.breach');
    expect(types).toContain('task.escalate');
    expect(s.openTasks()[0]?.tier).toBe('L2');
  });

  it('closes the case when the task is completed', () => {
    const s = SimSession.start(flow);
    const task = s.openTasks()[0]!;
    s.complete(task.taskId, 'resolved');
    expect(s.view().status).toBe('resolved');
    expect(s.trace.at(-1)?.effects.map(describeEffect)).toContainEqual({
      id: 'sim.fx.close',
      values: { outcome: 'resolved' },
      refs: { outcome: 'status' },
    });
  });

  it('records a refused action as an error step instead of throwing', () => {
    const s = SimSession.start(flow);
    s.signal('nobody-waits');
    expect(s.trace.at(-1)?.error).toMatch(/signal/);
  });
});

//  parent: start → check (subflow child-check) → closed        child: start → done
describe('SimSession with subflows', () => {
  const child: FlowDoc = {
    key: 'child-check',
    name: 'Child',
    kind: 'subflow',
    nodes: [
      { id: 'start', type: 'start', trigger: { kind: 'subflow' } },
      { id: 'done', type: 'end', outcome: 'resolved' },
    ],
    edges: [{ from: 'start', to: 'done' }],
  };
  const parent: FlowDoc = {
    key: 'parent',
    name: 'Parent',
    nodes: [
      { id: 'start', type: 'start' },
      { id: 'check', type: 'subflow', flow: 'child-check' },
      { id: 'closed', type: 'end', outcome: 'resolved' },
    ],
    edges: [
      { from: 'start', to: 'check' },
      { from: 'check', to: 'closed' },
    ],
  };

  it('names the child flows a flow needs', () => {
    expect(subflowKeys(parent)).toEqual(['child-check']);
  });

  it('runs the child flow and continues the parent when it ends', () => {
    const s = SimSession.start(parent, {}, [child]);
    expect(s.view().status).toBe('resolved');
  });

  it('keeps the child case’s events apart from the parent’s, with its flow and subflow node', () => {
    const s = SimSession.start(parent, {}, [child]);
    const opened = s.trace[0]!;
    expect(opened.children).toEqual([
      expect.objectContaining({ flow: 'child-check', nodeId: 'check', effects: expect.any(Array) }),
    ]);
    // The child's "case closed" is its own; the parent's list holds only the parent's closing.
    expect(opened.children[0]!.effects.filter((e) => e.type === 'case.close')).toHaveLength(1);
    expect(opened.effects.filter((e) => e.type === 'case.close')).toHaveLength(1);
    expect(opened.effects.map(describeEffect)).toContainEqual({
      id: 'sim.fx.subflow',
      values: { flow: 'child-check' },
      refs: { flow: 'flow' },
    });
    // The canvas highlights the parent's nodes only: the child's "done" is not one of them.
    expect(Object.keys(s.overlays()).sort()).toEqual(['check', 'closed', 'start']);
  });

  it('keeps the case and reports the error when a child flow is missing', () => {
    const s = SimSession.start(parent);
    expect(s.caseId).not.toBe('');
    expect(s.trace[0]?.error).toMatch(/child-check/);
  });

  it('reports an expression over its FEEL budget instead of hanging', () => {
    const bomb: FlowDoc = {
      key: 'sim-bomb',
      name: 'Bomb',
      nodes: [
        { id: 'start', type: 'start' },
        { id: 'route', type: 'decision' },
        { id: 'big', type: 'end', outcome: 'resolved' },
        { id: 'small', type: 'end', outcome: 'resolved' },
      ],
      edges: [
        { from: 'start', to: 'route' },
        { from: 'route', to: 'big', when: 'count(for i in 1..100000000 return i) > 0' },
        { from: 'route', to: 'small', default: true },
      ],
    };
    const started = Date.now();
    expect(() => SimSession.start(bomb)).toThrow(/FEEL budget exceeded: .*range.*\(node "route"\)/);
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('words an HTTP call by its connection or its address, and a notification by recipient and template', () => {
    const byConnection = { type: 'http.call', connection: 'core-banking', method: 'POST', path: '/cards' };
    expect(describeEffect(byConnection as never)).toEqual({
      id: 'sim.fx.httpConnection',
      values: { connection: 'core-banking', method: 'POST', path: '/cards' },
    });
    const byUrl = { type: 'http.call', url: 'https://api.example.test/x', method: 'GET' };
    expect(describeEffect(byUrl as never)).toEqual({
      id: 'sim.fx.http',
      values: { url: 'https://api.example.test/x', method: 'GET' },
    });
    expect(describeEffect({ type: 'notify', to: 'customer', template: 'card-replaced' } as never)).toEqual({
      id: 'sim.fx.notify',
      values: { to: 'customer', template: 'card-replaced' },
      refs: { to: 'recipient', template: 'template' },
    });
  });
});
