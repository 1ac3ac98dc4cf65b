import type { FlowDefinitionInput } from '@caseflow/schema';
import { describe, expect, it } from 'vitest';
import { compileFlow } from './compile-flow';
import { ExpressionBudgetError } from './expression-budget-error';
import { evaluateFeel, feelCondition, renderTemplate } from './feel';
import { FEEL_LIMITS } from './feel-budget';
import { type CaseSnapshot, start, step } from './run-case';

const T0 = Date.parse('2026-03-02T08:00:00Z');

/** The budget error `fn` throws, and how long it took to throw it. */
function budgetError(fn: () => unknown): { error: ExpressionBudgetError; ms: number } {
  const t0 = Date.now();
  try {
    fn();
  } catch (error) {
    if (error instanceof ExpressionBudgetError) return { error, ms: Date.now() - t0 };
    throw error;
  }
  throw new Error('expected an ExpressionBudgetError');
}

const feel =
  (expression: string, scope: Record<string, unknown> = {}) =>
  () =>
    evaluateFeel(expression, scope, T0);

describe('FEEL evaluation budget', () => {
  it('refuses a huge range before building it', () => {
    const { error } = budgetError(feel('count(for i in 1..100000000 return i) > 0'));
    expect(error.limit).toBe('collection');
    expect(error.expression).toBe('count(for i in 1..100000000 return i) > 0');
    expect(error.message).toMatch(/range of 100000000 items is larger than the limit of 100000/);
    expect(budgetError(feel('for i in 1..10000000 return i')).error.limit).toBe('collection');
    expect(
      budgetError(() => feelCondition('count(for x in 1..10000000 return x) > 0', {}, T0)).error.limit,
    ).toBe('collection');
  });

  it('keeps ranges within the limit working, fractional bounds included', () => {
    expect(feel('count(for i in 1..10000 return i)')()).toEqual({ ok: true, value: 10_000 });
    // At the limit the collection check lets the range through (on a busy machine the time
    // budget may still stop it: that is the other limit doing its job).
    let limit: string | undefined;
    try {
      feel(`count(for i in 1..${FEEL_LIMITS.maxCollection} return i)`)();
    } catch (error) {
      limit = (error as ExpressionBudgetError).limit;
    }
    expect(limit).not.toBe('collection');
    // A non-integer range never hits its end exactly; unpatched feelin looped forever.
    expect(feel('for i in 1.5..4 return i')()).toEqual({ ok: true, value: [1.5, 2.5, 3.5] });
    expect(feel('for i in 3..1 return i')()).toEqual({ ok: true, value: [3, 2, 1] });
    expect(feel('[1..10000000]')()).toEqual({ ok: true, value: '[1..10000000]' });
  });

  it('refuses a cartesian product larger than the collection limit', () => {
    const { error } = budgetError(feel('count(for a in 1..1000, b in 1..1000 return 0)'));
    expect(error.limit).toBe('collection');
    expect(error.message).toMatch(/iteration/);
  });

  it('stops runaway work by counting steps', () => {
    const { error } = budgetError(feel('{f: function(n) if n = 0 then 0 else f(n - 1) + f(n - 1)}.f(40)'));
    expect(error.limit).toBe('steps');
    expect(error.message).toMatch(/more than 250000 evaluation steps|longer than/);
    // Calling a builtin costs the size of its arguments: a loop cannot hide repeated work.
    const big = Array.from({ length: 50_000 }, (_, i) => i);
    expect(budgetError(feel('for i in 1..1000 return sum(big)', { big })).error.limit).toBe('steps');
    expect(budgetError(feel('{f: function(n) f(n + 1)}.f(1)')).error.limit).toBe('steps');
  });

  it('charges the comparisons a builtin makes inside one call', () => {
    // `distinct values` and `union` compare every pair of lists or contexts: 20,000 contexts
    // blocked the event loop for 107 s when only the argument size was charged.
    const items = Array.from({ length: 20_000 }, (_, i) => ({ a: i }));
    const distinct = budgetError(feel('count(distinct values(items))', { items }));
    expect(distinct.error.limit).toBe('steps');
    expect(distinct.ms).toBeLessThan(FEEL_LIMITS.maxMillis + 500);
    const lists = Array.from({ length: 20_000 }, (_, i) => [i, i]);
    expect(budgetError(feel('count(union(lists, lists))', { lists })).ms).toBeLessThan(
      FEEL_LIMITS.maxMillis + 500,
    );
    // Ordinary deduplication stays well inside the budget.
    expect(feel('distinct values([{a: 1}, {a: 1}, [1, 2], [1, 2], "x"])')()).toEqual({
      ok: true,
      value: [{ a: 1 }, [1, 2], 'x'],
    });
  });
  it('refuses texts and values over the size limits', () => {
    const s = 'x'.repeat(100_000);
    const joined = budgetError(feel('string join(for i in 1..11 return s)', { s }));
    expect(['string', 'collection']).toContain(joined.error.limit);
    expect(budgetError(feel('s + s + s + s + s + s + s + s + s + s + s', { s })).error.limit).toBe('string');
    expect(budgetError(feel('replace(s, "x", "yyyyyyyyyyyyyyyyyyyy")', { s })).error.limit).toBe('string');
    // Repeated references would write out as 10^10 items.
    const list = Array.from({ length: 100_000 }, () => 0);
    expect(budgetError(feel('for i in 1..20 return list', { list })).error.limit).toBe('collection');
    expect(budgetError(feel('for i in 1..3 return partial')).error.message).toMatch(/contains itself/);
  });

  it('keeps ordinary FEEL errors as results', () => {
    expect(feel('1 +')()).toMatchObject({ ok: false });
    expect(feel('date("nope")')()).toEqual({ ok: true, value: null });
    expect(renderTemplate('{{ unknown.name }}!', {}, T0)).toBe('!');
  });
});

describe('FEEL names', () => {
  const scope = { x: { a: 1 }, list: [1, 2] };

  it.each([
    'constructor',
    '__proto__',
    'toString',
    'hasOwnProperty',
    'valueOf',
    'x.constructor',
    'x.__proto__',
    'x.toString',
    'x.hasOwnProperty',
    'case.constructor',
    'list.length',
    'get value(x, "constructor")',
    'string(constructor)',
  ])('reads %s as null, never as a JavaScript built-in', (expression) => {
    expect(evaluateFeel(expression, scope, T0)).toEqual({ ok: true, value: null });
  });

  it('still reads own data of the scope, also under such names', () => {
    const own = JSON.parse('{"constructor": "mine", "toString": 5}');
    expect(evaluateFeel('constructor', own, T0)).toEqual({ ok: true, value: 'mine' });
    expect(evaluateFeel('toString + 1', own, T0)).toEqual({ ok: true, value: 6 });
    expect(evaluateFeel('x.a', scope, T0)).toEqual({ ok: true, value: 1 });
    expect(evaluateFeel('constructor = null', {}, T0)).toEqual({ ok: true, value: true });
  });
});

describe('FEEL patterns', () => {
  it('matches, replaces and splits on RE2', () => {
    expect(evaluateFeel('matches("Card 4242", "\\\\d{4}$")', {}, T0)).toEqual({ ok: true, value: true });
    expect(evaluateFeel('matches("ABC", "^abc$", "i")', {}, T0)).toEqual({ ok: true, value: true });
    expect(evaluateFeel('replace("a1b22", "(\\\\d+)", "<$1>")', {}, T0)).toEqual({
      ok: true,
      value: 'a<1>b<22>',
    });
    expect(evaluateFeel('replace("abc", "b", "[$0]")', {}, T0)).toEqual({ ok: true, value: 'a[b]c' });
    expect(evaluateFeel('split("a, b,c", ",\\\\s*")', {}, T0)).toEqual({ ok: true, value: ['a', 'b', 'c'] });
    expect(evaluateFeel('matches("é", "^\\\\u00e9$")', {}, T0)).toEqual({ ok: true, value: true });
  });

  it('runs a catastrophic-backtracking pattern in linear time', () => {
    const value = `${'a'.repeat(50_000)}!`;
    const t0 = Date.now();
    expect(evaluateFeel('matches(v, "(a+)+$")', { v: value }, T0)).toEqual({ ok: true, value: false });
    expect(evaluateFeel('matches(v, "^(\\\\w|\\\\d)+$")', { v: value }, T0)).toEqual({
      ok: true,
      value: false,
    });
    expect(Date.now() - t0).toBeLessThan(1000);
  });

  it('gives null for a pattern RE2 cannot run (lookaround, backreferences)', () => {
    expect(evaluateFeel('matches("aa", "(a)\\\\1")', {}, T0)).toEqual({ ok: true, value: null });
    expect(evaluateFeel('matches("ab", "a(?=b)")', {}, T0)).toEqual({ ok: true, value: null });
  });

  it('bounds what patterns read', () => {
    const long = 'a'.repeat(FEEL_LIMITS.maxPatternInput + 1);
    expect(budgetError(feel('matches(v, "a")', { v: long })).error.limit).toBe('pattern');
    const chunk = 'a'.repeat(FEEL_LIMITS.maxPatternInput);
    expect(budgetError(feel('for i in 1..20 return matches(v, "b")', { v: chunk })).error.limit).toBe(
      'pattern',
    );
  });
});

describe('budget errors out of start and step', () => {
  const bomb = 'count(for i in 1..100000000 return i) > 0';
  const flow = (nodes: unknown[], edges: unknown[]): FlowDefinitionInput =>
    ({ key: 'f', name: 'Budget', nodes, edges }) as FlowDefinitionInput;

  it('names the decision whose condition went over', () => {
    const def = flow(
      [
        { id: 'start', type: 'start' },
        { id: 'route', type: 'decision' },
        { id: 'big', type: 'end', outcome: 'resolved' },
        { id: 'small', type: 'end', outcome: 'resolved' },
      ],
      [
        { from: 'start', to: 'route' },
        { from: 'route', to: 'big', when: bomb },
        { from: 'route', to: 'small', default: true },
      ],
    );
    const { error } = budgetError(() => start(compileFlow(def), { caseId: 'c1' }, T0));
    expect(error.nodeId).toBe('route');
    expect(error.limit).toBe('collection');
  });

  it('names the set node, after a timer, and leaves the snapshot untouched', () => {
    const def = flow(
      [
        { id: 'start', type: 'start' },
        { id: 'later', type: 'timer', duration: 'PT1H' },
        { id: 'compute', type: 'action', action: { kind: 'set', values: { n: bomb } } },
        { id: 'end', type: 'end', outcome: 'resolved' },
      ],
      [
        { from: 'start', to: 'later' },
        { from: 'later', to: 'compute' },
        { from: 'compute', to: 'end' },
      ],
    );
    const compiled = compileFlow(def);
    const opened = start(compiled, { caseId: 'c1' }, T0);
    const timer = opened.effects.find((e) => e.type === 'timer.schedule');
    expect(timer).toBeDefined();
    const before: CaseSnapshot = JSON.parse(JSON.stringify(opened.snapshot));
    const timerId = (timer as { timerId: string }).timerId;
    const { error } = budgetError(() =>
      step(compiled, opened.snapshot, { type: 'timer.fire', timerId }, T0 + 3_600_000),
    );
    expect(error.nodeId).toBe('compute');
    expect(opened.snapshot).toEqual(before);
  });

  it('names the task whose title template went over', () => {
    const def = flow(
      [
        { id: 'start', type: 'start' },
        { id: 'work', type: 'task', title: `Check {{${bomb}}}`, outcomes: ['done'] },
        { id: 'end', type: 'end', outcome: 'resolved' },
      ],
      [
        { from: 'start', to: 'work' },
        { from: 'work', to: 'end', on: 'done' },
      ],
    );
    expect(budgetError(() => start(compileFlow(def), { caseId: 'c1' }, T0)).error.nodeId).toBe('work');
  });
});
