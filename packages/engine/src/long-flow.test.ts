import { describe, expect, it } from 'vitest';
import { compileFlow } from './compile-flow';
import { ExpressionBudgetError } from './expression-budget-error';
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
