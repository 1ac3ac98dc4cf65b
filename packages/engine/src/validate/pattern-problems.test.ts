import type { Problem } from '@caseflow/schema';
import { describe, expect, it } from 'vitest';
import { validateFlow } from '../validate-flow';

//  start → check (task with a form) ─done→ route (decision) ─when→ ok / default→ ok
function flow(pattern: string, when: string): unknown {
  return {
    key: 'patterns',
    name: 'Patterns',
    nodes: [
      { id: 'start', type: 'start' },
      {
        id: 'check',
        type: 'task',
        title: 'Check',
        outcomes: ['done'],
        form: { properties: { iban: { type: 'string', pattern } } },
      },
      { id: 'route', type: 'decision' },
      { id: 'ok', type: 'end', outcome: 'resolved' },
    ],
    edges: [
      { from: 'start', to: 'check' },
      { from: 'check', to: 'route', on: 'done' },
      { id: 'match', from: 'route', to: 'ok', when },
      { id: 'other', from: 'route', to: 'ok', default: true },
    ],
  };
}

const patternProblems = (def: unknown): Problem[] =>
  validateFlow(def).filter((p) => p.code === 'invalid-pattern');

describe('pattern problems', () => {
  it('accepts patterns RE2 runs, nested repetitions included', () => {
    expect(patternProblems(flow('^(\\w|\\d)+$', 'matches(check.iban, "^[A-Z]{2}\\\\d+$")'))).toEqual([]);
  });

  it('reports a form field pattern RE2 cannot run, at the pattern', () => {
    const [problem, ...rest] = patternProblems(flow('^(a)\\1$', 'true'));
    expect(rest).toEqual([]);
    expect(problem).toMatchObject({
      severity: 'error',
      nodeId: 'check',
      path: ['nodes', 1, 'form', 'properties', 'iban', 'pattern'],
    });
    expect(problem?.message).toMatch(
      /form field "iban" in task "check" cannot be used \(invalid escape sequence/,
    );
  });

  it('reports a literal pattern in a FEEL call, with its offsets in the expression', () => {
    const when = 'matches(check.iban, "a(?=b)") or split(check.iban, "[") = []';
    const problems = patternProblems(flow('^x$', when));
    expect(problems).toHaveLength(2);
    expect(problems.find((p) => p.message.includes('a(?=b)'))).toMatchObject({
      edgeId: 'match',
      path: ['edges', 2, 'when'],
      position: { from: when.indexOf('"a('), to: when.indexOf('"a(') + '"a(?=b)"'.length },
    });
    expect(problems.map((p) => p.message).join('\n')).toMatch(/Pattern "\[" in edge "match"/);
  });

  it('leaves patterns computed at run time alone (they are checked when used)', () => {
    expect(patternProblems(flow('^x$', 'matches(check.iban, check.pattern)'))).toEqual([]);
  });
});
