import { describe, expect, it } from 'vitest';
import { compileFlow } from './compile-flow';
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
  });

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
