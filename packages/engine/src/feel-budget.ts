import { BudgetExceeded } from 'feelin';
import { ExpressionBudgetError } from './expression-budget-error';

/**
 * The budget of one FEEL evaluation. Real flows stay far below it (a condition takes tens of
 * steps, a loop over a thousand items some tens of thousands); an expression that reaches it
 * is a mistake or an attack, and stops within milliseconds instead of taking the process down.
 */
export const FEEL_LIMITS = {
  /** Work units: one per expression node evaluated, plus the size of each function call's arguments. */
  maxSteps: 250_000,
  /** Items in one list, range (`1..n`) or iteration (`for a in x, b in y`). */
  maxCollection: 100_000,
  /** Characters in one text. */
  maxString: 1_000_000,
  /** Size of one value written out: items, context entries and 64-character chunks of text. */
  maxWeight: 1_000_000,
  /** Wall-clock time, a safety net checked between steps. */
  maxMillis: 500,
  /** Characters one `matches`, `replace` or `split` call reads. */
  maxPatternInput: 100_000,
  /** Characters all pattern calls of one evaluation read together. */
  maxPatternWork: 1_000_000,
} as const;

/**
 * Wall-clock time all evaluations of one engine step (`start` or `step`) may take together: a
 * step can evaluate many expressions (a title with hundreds of placeholders, a long automated
 * chain), each within its own budget, and together still block the process for seconds. Only
 * time inside evaluations counts: the engine's own work on a long chain is bounded by the flow's
 * size, and counting it would fail big flows on a busy machine.
 */
export const STEP_MAX_MILLIS = 2_000;

/**
 * Nodes one engine step may enter. A loop of automated nodes with nothing to wait for (no task,
 * wait, timer…) would otherwise run until the expression time above ran out, while the engine's
 * own work on every node took many times that; a real chain enters tens of nodes.
 */
export const STEP_MAX_NODE_ENTRIES = 10_000;

/** Evaluation milliseconds the current step has left (infinite outside a step). */
let stepLeft = Number.POSITIVE_INFINITY;
/** Node entries the current step has left (infinite outside a step). */
let entriesLeft = Number.POSITIVE_INFINITY;

/** Counts one node entered by the current step; throws ExpressionBudgetError past the limit. */
export function chargeNodeEntry(nodeId: string): void {
  entriesLeft -= 1;
  if (entriesLeft >= 0) return;
  const error = new ExpressionBudgetError(
    'steps',
    '',
    `the flow entered more than ${STEP_MAX_NODE_ENTRIES} nodes in one step: a loop with no task, wait or timer in it?`,
    nodeId,
  );
  pending = error;
  throw error;
}

/**
 * The wall-clock milliseconds the next evaluation may take: its own limit, or what is left of
 * the current step's. Throws ExpressionBudgetError for `expression` when the step has used
 * its time up.
 */
export function evaluationMillis(expression: string): number {
  const left = stepLeft;
  if (left <= 0) {
    const error = new ExpressionBudgetError(
      'steps',
      expression,
      `FEEL budget exceeded: the expressions of one step took more than ${STEP_MAX_MILLIS} ms together`,
    );
    pending = error;
    throw error;
  }
  return Math.min(FEEL_LIMITS.maxMillis, left);
}

/** Charges the step with the milliseconds one evaluation took. */
export function spendEvaluationMillis(ms: number): void {
  stepLeft -= ms;
}

let pending: ExpressionBudgetError | undefined;

/**
 * The budget error for `error` thrown while evaluating `expression`, or undefined when it is
 * an ordinary FEEL error. Beyond feelin's own limits, the JavaScript engine's (call stack,
 * string and array length) count as budget too: they mean the same runaway expression.
 */
export function budgetErrorOf(error: unknown, expression: string): ExpressionBudgetError | undefined {
  let found: ExpressionBudgetError | undefined;
  if (error instanceof ExpressionBudgetError) found = error;
  else if (error instanceof BudgetExceeded) {
    found = new ExpressionBudgetError(error.limit, expression, `FEEL budget exceeded: ${error.message}`);
  } else if (error instanceof RangeError) {
    const message = error.message;
    if (/Maximum call stack/i.test(message))
      found = new ExpressionBudgetError(
        'steps',
        expression,
        'FEEL budget exceeded: the expression nests too deeply',
      );
    else if (/Invalid string length/i.test(message))
      found = new ExpressionBudgetError('string', expression, 'FEEL budget exceeded: a text is too long');
    else if (/Invalid array length/i.test(message))
      found = new ExpressionBudgetError('collection', expression, 'FEEL budget exceeded: a list is too long');
  }
  if (found) pending = found;
  return found;
}

/**
 * Runs `fn` and fills `nodeId` on a budget error it throws, so the runtime can say which node
 * evaluated the expression. Rethrows everything.
 */
export function atNode<T>(nodeId: string, fn: () => T): T {
  try {
    return fn();
  } catch (error) {
    if (error instanceof ExpressionBudgetError && error.nodeId === undefined) error.nodeId = nodeId;
    if (pending && pending.nodeId === undefined) pending.nodeId = nodeId;
    throw error;
  }
}

/**
 * Runs `fn` (one engine step) with the step's budgets, STEP_MAX_MILLIS and
 * STEP_MAX_NODE_ENTRIES; when it fails
 * after a budget error was thrown inside it, throws that error instead. XState rewraps an exception thrown by a guard into a plain Error, which would hide
 * the budget error from `start`/`step`'s callers.
 */
export function surfaceBudgetError<T>(fn: () => T): T {
  pending = undefined;
  const outerLeft = stepLeft;
  const budget = Math.min(outerLeft, STEP_MAX_MILLIS);
  stepLeft = budget;
  const outerEntries = entriesLeft;
  const entries = Math.min(outerEntries, STEP_MAX_NODE_ENTRIES);
  entriesLeft = entries;
  try {
    return fn();
  } catch (error) {
    throw pending ?? error;
  } finally {
    pending = undefined;
    // A step inside another (a subflow started by its parent) spends the outer step's budget too.
    stepLeft = outerLeft - (budget - stepLeft);
    entriesLeft = outerEntries - (entries - entriesLeft);
  }
}
