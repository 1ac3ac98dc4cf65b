import { describe, expect, it } from 'vitest';
import { compileFlow } from './compile-flow';
import { ExpressionBudgetError } from './expression-budget-error';
import { STEP_MAX_NODE_ENTRIES } from './feel-budget';
import { inspect, start } from './run-case';
import { chainFlow } from './testing/flow-generator';

const NOW = Date.parse('2026-01-05T09:00:00Z');

describe('a long flow', () => {
  it('runs 5,000 automated nodes in one step', () => {
    const compiled = compileFlow(chainFlow(5000));
    const { snapshot, effects } = start(compiled, { caseId: 'c1', subject: 'long', variables: {} }, NOW);
    const view = inspect(compiled, snapshot);
    expect(view.status).toBe('resolved');
    expect(view.variables.count).toBe(5000);
    expect(effects.filter((e) => e.type === 'audit' && e.entry.type === 'node.entered')).toHaveLength(5002);
  }, 60_000);

  it("runs 5,000 nodes that each set a variable of their own (each set changes the step's copy)", () => {
    const chain = chainFlow(5000);
    const nodes = chain.nodes.map((n, i) =>
      n.type === 'action' ? { ...n, action: { kind: 'set' as const, values: { [`v${i}`]: `"${i}"` } } } : n,
    );
    const compiled = compileFlow({ ...chain, nodes });
    const before = { caseId: 'c1', subject: 'long', variables: { keep: 1 } };
    const { snapshot } = start(compiled, before, NOW);
    const vars = inspect(compiled, snapshot).variables;
    expect(Object.keys(vars)).toHaveLength(5001);
    expect([vars.keep, vars.v1, vars.v5000]).toEqual([1, '1', '5000']);
    expect(before.variables).toEqual({ keep: 1 });
  }, 60_000);

  it('gives each expression the results of the nodes it names', () => {
    const compiled = compileFlow(chainFlow(4, true));
    const { snapshot } = start(compiled, { caseId: 'c1', subject: 'long', variables: {} }, NOW);
    expect(inspect(compiled, snapshot).variables.count).toBe(4);
  });

  it('leaves the snapshot it started from untouched (the step copies what it changes)', () => {
    const compiled = compileFlow(chainFlow(3));
    const first = start(compiled, { caseId: 'c1', subject: 'a', variables: {} }, NOW);
    const frozen = JSON.stringify(first.snapshot);
    start(compiled, { caseId: 'c2', subject: 'b', variables: {} }, NOW);
    expect(JSON.stringify(first.snapshot)).toBe(frozen);
  });
});

describe('the node budget of one step', () => {
  it('stops a loop of automated nodes with nothing to wait for, naming a node of the loop', () => {
    const compiled = compileFlow({
      key: 'spin',
      name: 'Spin',
      nodes: [
        { id: 'start', type: 'start' },
        {
          id: 'inc',
          type: 'action',
          action: { kind: 'set', values: { x: 'if x = null then 1 else x + 1' } },
        },
        { id: 'again', type: 'decision' },
        { id: 'done', type: 'end', outcome: 'resolved' },
      ],
      edges: [
        { from: 'start', to: 'inc' },
        { from: 'inc', to: 'again' },
        { from: 'again', to: 'inc', when: 'x < 1000000000' },
        { from: 'again', to: 'done', default: true },
      ],
    });
    let thrown: unknown;
    try {
      start(compiled, { caseId: 'c1', subject: 'spin', variables: {} }, NOW);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(ExpressionBudgetError);
    expect((thrown as ExpressionBudgetError).message).toContain(
      `more than ${STEP_MAX_NODE_ENTRIES} nodes in one step`,
    );
    expect(['inc', 'again']).toContain((thrown as ExpressionBudgetError).nodeId);
    // The same loop ending within the budget runs to its end.
    const short = compileFlow({
      ...compiled.definition,
      key: 'spin-short',
      edges: compiled.definition.edges.map((e) => (e.when ? { ...e, when: 'x < 100' } : e)),
    });
    const done = start(short, { caseId: 'c2', subject: 'spin', variables: {} }, NOW);
    expect(inspect(short, done.snapshot).variables.x).toBe(100);
  }, 60_000);
});

describe('the time budget of one step', () => {
  it('stops a step whose expressions together run too long, though each is within its own budget', () => {
    // A decision trying 300 conditions, each a loop well within its own budget (tens of ms).
    const exits = Array.from({ length: 300 }, (_, i) => `e${i}`);
    const compiled = compileFlow({
      key: 'many',
      name: 'Many conditions',
      nodes: [
        { id: 'start', type: 'start' },
        { id: 'route', type: 'decision' },
        ...exits.map((id) => ({ id, type: 'end' as const, outcome: 'resolved' as const })),
        { id: 'done', type: 'end', outcome: 'resolved' },
      ],
      edges: [
        { from: 'start', to: 'route' },
        ...exits.map((id, i) => ({
          from: 'route',
          to: id,
          when: `count(for i in 1..${50000 + i} return i) < 0`,
        })),
        { from: 'route', to: 'done', default: true },
      ],
    });
    let thrown: unknown;
    try {
      start(compiled, { caseId: 'c1', subject: 'many', variables: {} }, NOW);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(ExpressionBudgetError);
    expect((thrown as ExpressionBudgetError).message).toMatch(
      /FEEL budget exceeded: the expression.*(ms|time)|one step took more than/,
    );
    expect((thrown as ExpressionBudgetError).nodeId).toBe('route');
  }, 30_000);
});
