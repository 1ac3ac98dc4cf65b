import { ExpressionBudgetError } from '@caseflow/engine';
import type { IncidentKind } from '../store/store';
import { StoreConflict } from '../store/store';
import { storeUnavailable } from '../store/store-unavailable';
import { StaleRevision } from './case-session';
import { ClaimLost } from './claim-lost';
import { isEngineError } from './engine-errors';
import { AppError } from './errors';
import type { Origin } from './incident-source';

/** A failure the flow does not model, as an incident describes it. */
export interface UnmodelledFailure {
  kind: IncidentKind;
  /** Safe to show to owners and admins: one line, no SQL parameters, no stack. */
  message: string;
  /** The node that evaluated the expression, when the engine knows it. */
  nodeId: string | null;
}

const MAX_MESSAGE = 500;
const KIND_OF_ORIGIN: Record<Origin, IncidentKind> = {
  command: 'internal',
  timer: 'timer',
  delivery: 'delivery',
};

/**
 * Null for the failures that are part of the API (refusals with a status, engine refusals,
 * lost races and claims, a database that is down: those are answered or retried as before);
 * otherwise the incident to open: `expression` for an expression over its budget, else the
 * kind of the origin (`internal` for commands, `timer`, `delivery`).
 */
export function unmodelledFailure(error: unknown, origin: Origin): UnmodelledFailure | null {
  if (isModelled(error)) return null;
  const budget = budgetError(error);
  if (budget) return { kind: 'expression', message: clip(budget.message), nodeId: budget.nodeId ?? null };
  return { kind: KIND_OF_ORIGIN[origin], message: describe(error), nodeId: null };
}

function isModelled(error: unknown): boolean {
  if (
    error instanceof AppError ||
    error instanceof StaleRevision ||
    error instanceof StoreConflict ||
    error instanceof ClaimLost ||
    isEngineError(error)
  ) {
    return true;
  }
  if (storeUnavailable(error)) return true;
  // Another layer's coded client error (an HTTP error raised inside a command): not a bug.
  const e = error as { status?: unknown; code?: unknown } | null;
  return typeof e?.status === 'number' && e.status >= 400 && e.status < 500 && typeof e.code === 'string';
}

/** The ExpressionBudgetError in `error`'s cause chain (matched by name too: one copy per bundle). */
function budgetError(error: unknown): ExpressionBudgetError | null {
  for (let e: unknown = error; e instanceof Error; e = e.cause) {
    if (e instanceof ExpressionBudgetError || e.name === 'ExpressionBudgetError')
      return e as ExpressionBudgetError;
  }
  return null;
}

/**
 * One line naming the error. Drizzle's "Failed query: <sql> params: <values>" would carry row
 * values (a password hash, a customer's data): its driver cause is named instead.
 */
function describe(error: unknown): string {
  if (!(error instanceof Error)) return clip(`non-error thrown: ${String(error)}`);
  let e: Error = error;
  while (/^Failed query/.test(e.message)) {
    if (!(e.cause instanceof Error)) return 'a database statement failed';
    e = e.cause;
  }
  const line = e.message.split('\n', 1)[0] ?? '';
  return clip(line ? `${e.name}: ${line}` : e.name);
}

function clip(text: string): string {
  return text.length > MAX_MESSAGE ? `${text.slice(0, MAX_MESSAGE - 1)}…` : text;
}
