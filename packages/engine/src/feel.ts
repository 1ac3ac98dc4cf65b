import { compileExpression, date, dateAndTime, type FeelRegExp, parseExpression } from 'feelin';
import { ExpressionBudgetError } from './expression-budget-error';
import { budgetErrorOf, evaluationMillis, FEEL_LIMITS, spendEvaluationMillis } from './feel-budget';
import { FEEL_MAX_NESTING, tooDeepAt } from './feel-nesting';
import { compilePattern, replaceAll } from './feel-regexp';

/** Variables visible to a FEEL expression: case, customer, env and completed nodes by id. */
export type FeelScope = Record<string, unknown>;

export type FeelResult = { ok: true; value: unknown } | { ok: false; error: string };

export interface FeelSyntaxError {
  message: string;
  from: number;
  to: number;
}

const syntaxCache = new Map<string, FeelSyntaxError | null>();
const SYNTAX_CACHE_LIMIT = 5000;

/**
 * Checks FEEL syntax without evaluating. Returns the first error with its character
 * offsets inside the expression, or null. `names` are the variables in scope: FEEL needs
 * them to read names with dashes (node ids such as `approve-replacement`) as one name.
 * Pure; results are memoised.
 */
export function feelSyntaxError(
  expression: string,
  allNames: readonly string[] = [],
): FeelSyntaxError | null {
  return syntaxOf(expression, memoKey(expression, allNames));
}

/** What parsing `expression` depends on: the dashed names it mentions, and the memo key. */
interface MemoKey {
  names: string[];
  key: string;
}

function memoKey(expression: string, allNames: readonly string[]): MemoKey {
  const names = namesNeeded(expression, allNames);
  return { names, key: names.length === 0 ? expression : `${names.join('\u0000')}\u0001${expression}` };
}

function syntaxOf(expression: string, { names, key }: MemoKey): FeelSyntaxError | null {
  const cached = syntaxCache.get(key);
  if (cached !== undefined) return cached;
  let found: FeelSyntaxError | null = null;
  const deep = tooDeepAt(expression);
  if (expression.trim() === '') {
    found = { message: 'expression is empty', from: 0, to: 0 };
  } else if (deep >= 0) {
    found = {
      message: `brackets nested more than ${FEEL_MAX_NESTING} deep at ${deep}`,
      from: deep,
      to: deep + 1,
    };
  } else {
    try {
      parseExpression(expression, Object.fromEntries(names.map((n) => [n, null])), undefined).iterate({
        enter(node) {
          if (found) return false;
          if (node.type.isError) {
            const near = expression.slice(node.from, node.from + 10);
            found = {
              message: near
                ? `unexpected "${near}" at ${node.from}`
                : `incomplete expression at ${node.from}`,
              from: node.from,
              to: Math.max(node.to, node.from + 1),
            };
            return false;
          }
          return undefined;
        },
      });
    } catch (error) {
      const position = (error as { position?: { from: number; to: number } }).position;
      found = { message: (error as Error).message, from: position?.from ?? 0, to: position?.to ?? 0 };
    }
  }
  if (syntaxCache.size >= SYNTAX_CACHE_LIMIT) syntaxCache.clear();
  syntaxCache.set(key, found);
  return found;
}

const PLAIN_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/**
 * The names feelin must be told about to parse `expression`: only names with dashes or other
 * non-identifier characters need it, and only those the text mentions. Keeping the list short
 * keeps the memo key short and lets one expression share its entry across flows.
 */
function namesNeeded(expression: string, names: readonly string[]): string[] {
  return names.filter((n) => !PLAIN_NAME.test(n) && expression.includes(n));
}

/** The part of a scope an expression can reach: feelin deep-copies whatever it is given. */
function scopeFor(expression: string, scope: FeelScope): FeelScope {
  const used: FeelScope = {};
  for (const name in scope) if (expression.includes(name)) used[name] = scope[name];
  return used;
}

const PLAIN_PATH = /^[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)*$/;
const LITERALS: Record<string, unknown> = { true: true, false: false, null: null };

/**
 * `amount` or `case.subject`: a plain path means in FEEL exactly what walking the scope
 * means (a missing step is null), so it skips feelin's parse, which dominates a step.
 */
function plainPath(expression: string, scope: FeelScope): FeelResult | undefined {
  const text = expression.trim();
  if (!PLAIN_PATH.test(text)) return undefined;
  // Own keys only: `constructor` or `toString` must not reach Object.prototype.
  if (Object.hasOwn(LITERALS, text)) return { ok: true, value: LITERALS[text] };
  let value: unknown = scope;
  for (const step of text.split('.')) {
    if (value === null || typeof value !== 'object' || Array.isArray(value)) return { ok: true, value: null };
    value = Object.hasOwn(value, step) ? (value as Record<string, unknown>)[step] : null;
  }
  return typeof value === 'function' ? { ok: true, value: null } : { ok: true, value: toJson(value) };
}

type Compiled = ReturnType<typeof compileExpression>;

const compiledCache = new Map<string, Compiled>();

/**
 * feelin's evaluate parses on every call, which costs more than the rest of a step; the
 * parsed and built expression is reused instead. Parsing depends only on the names with
 * dashes or spaces an expression mentions, so those are part of the key.
 */
function compiled(expression: string, { names, key }: MemoKey): Compiled {
  let fn = compiledCache.get(key);
  if (!fn) {
    fn = compileExpression(expression, Object.fromEntries(names.map((n) => [n, null])));
    if (compiledCache.size >= SYNTAX_CACHE_LIMIT) compiledCache.clear();
    compiledCache.set(key, fn);
  }
  return fn;
}

/**
 * The pattern operations of one evaluation: RE2 (linear time), with the input of each call and
 * of all calls together bounded. Going over throws ExpressionBudgetError (limit `pattern`).
 */
function linearRegExp(expression: string): (pattern: string, flags: string) => FeelRegExp | null {
  let read = 0;
  const reading = (input: string) => {
    read += input.length;
    if (input.length > FEEL_LIMITS.maxPatternInput || read > FEEL_LIMITS.maxPatternWork) {
      throw new ExpressionBudgetError(
        'pattern',
        expression,
        `FEEL budget exceeded: a pattern may read at most ${FEEL_LIMITS.maxPatternInput} characters per call and ${FEEL_LIMITS.maxPatternWork} per expression`,
      );
    }
    return input;
  };
  const tooLong = (size: number) =>
    new ExpressionBudgetError(
      'string',
      expression,
      `FEEL budget exceeded: replace() would build a text of more than ${size} characters (limit ${FEEL_LIMITS.maxString})`,
    );
  return (pattern, flags) => {
    const re = compilePattern(pattern, flags);
    if (typeof re === 'string') return null;
    return {
      test: (input) => re.test(reading(input)),
      replace: (input, replacement) =>
        replaceAll(re, reading(input), replacement, FEEL_LIMITS.maxString, tooLong),
      split: (input) => re.split(reading(input), -1),
    };
  };
}

/**
 * Evaluates a FEEL expression with `feelin` against a scope. Pure: `now()` and `today()`
 * answer the instant passed in, never the wall clock. Values come back as plain JSON
 * (dates and durations as ISO strings). FEEL errors come back as `{ ok: false }`; an
 * expression that goes over its budget (FEEL_LIMITS: steps, collection and string sizes,
 * pattern input, time) throws ExpressionBudgetError instead, because no flow can model it.
 */
export function evaluateFeel(expression: string, scope: FeelScope, now: number): FeelResult {
  const plain = plainPath(expression, scope);
  if (plain) return plain;
  const used = scopeFor(expression, scope);
  const memo = memoKey(expression, Object.keys(used));
  const syntax = syntaxOf(expression, memo);
  if (syntax) return { ok: false, error: syntax.message };
  try {
    const iso = new Date(now).toISOString();
    // FEEL temporal values, so that `now() + duration("PT2H")` works as in any FEEL engine.
    const context = { ...used, now: () => dateAndTime(iso), today: () => date(iso.slice(0, 10)) };
    const limits = {
      ...FEEL_LIMITS,
      maxMillis: evaluationMillis(expression),
      regExp: linearRegExp(expression),
    };
    const began = Date.now();
    try {
      return { ok: true, value: toJson(compiled(expression, memo)(context, limits)) };
    } finally {
      spendEvaluationMillis(Date.now() - began);
    }
  } catch (error) {
    const budget = budgetErrorOf(error, expression);
    if (budget) throw budget;
    return { ok: false, error: (error as Error).message };
  }
}

/**
 * A FEEL condition: true only when the expression evaluates to boolean true. Throws
 * ExpressionBudgetError like evaluateFeel.
 */
export function feelCondition(expression: string, scope: FeelScope, now: number): boolean {
  const result = evaluateFeel(expression, scope, now);
  return result.ok && result.value === true;
}

const TEMPLATE = /\{\{([\s\S]+?)\}\}/g;

/** Expressions inside a `{{...}}` template, with their offsets in the template text. */
export function templateExpressions(template: string): Array<{ expression: string; offset: number }> {
  return [...template.matchAll(TEMPLATE)].map((m) => ({ expression: m[1]!.trim(), offset: m.index! + 2 }));
}

/**
 * Renders `{{FEEL}}` placeholders in a string. A template that is exactly one placeholder
 * keeps the value's type (so a JSON body can carry numbers and objects). Throws
 * ExpressionBudgetError like evaluateFeel.
 */
export function renderTemplate(template: string, scope: FeelScope, now: number): unknown {
  const whole = /^\{\{([\s\S]+?)\}\}$/.exec(template);
  if (whole) {
    const r = evaluateFeel(whole[1]!.trim(), scope, now);
    return r.ok ? r.value : null;
  }
  return template.replace(TEMPLATE, (_, expr: string) => {
    const r = evaluateFeel(expr.trim(), scope, now);
    if (!r.ok || r.value === null || r.value === undefined) return '';
    return typeof r.value === 'object' ? JSON.stringify(r.value) : String(r.value);
  });
}

/** Renders templates in every string inside a JSON value (http bodies, headers). */
export function renderDeep(value: unknown, scope: FeelScope, now: number): unknown {
  if (typeof value === 'string') return renderTemplate(value, scope, now);
  if (Array.isArray(value)) return value.map((v) => renderDeep(v, scope, now));
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, renderDeep(v, scope, now)]));
  }
  return value;
}

function toJson(value: unknown): unknown {
  if (value === undefined || value === null) return null;
  if (typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean') return value;
  if (Array.isArray(value)) return value.map(toJson);
  if (typeof value === 'function') return null;
  if (typeof value === 'object') {
    // feelin's temporal values (FeelDate, FeelDateTime, FeelDuration...) print as ISO text.
    const proto = Object.getPrototypeOf(value);
    if (proto !== Object.prototype && proto !== null && typeof (value as object).toString === 'function') {
      return String(value);
    }
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, toJson(v)]),
    );
  }
  return null;
}
