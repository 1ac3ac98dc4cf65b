import {
  ExpressionBudgetError,
  feelSyntaxError,
  renderTemplate,
  templateExpressions,
} from '@caseflow/engine';
import { formatCaseNumber } from '@caseflow/schema';
import { AppError } from '../executor/errors';
import { customerProfile } from '../executor/pilot-cohort';
import type { CaseRow, CustomerRow, UserRow } from '../store/store';

/*
 * The `{{FEEL}}` placeholders of a canned response: checked when it is saved, rendered with
 * feelin on the engine's budget when an agent inserts it. Never JavaScript.
 */

/** More placeholders than any reply needs; each costs an evaluation on every insert. */
export const MAX_PLACEHOLDERS = 50;

/** Problems of a body's placeholders as 400 details (`path: "body"`), or none. Pure. */
export function placeholderProblems(body: string): Array<{ path: string; message: string }> {
  const found = templateExpressions(body);
  if (found.length > MAX_PLACEHOLDERS) {
    return [{ path: 'body', message: `at most ${MAX_PLACEHOLDERS} placeholders, found ${found.length}` }];
  }
  const problems: Array<{ path: string; message: string }> = [];
  for (const { expression, offset } of found) {
    const error = feelSyntaxError(expression);
    if (error) {
      problems.push({
        path: 'body',
        message: `placeholder at character ${offset + error.from}: ${error.message}`,
      });
    }
  }
  return problems;
}

/**
 * What placeholders may name: `case` (id, number as REQ-000123, subject, channel, priority,
 * status, variables), `customer` (the profile as flows see it) and `agent` (the one replying).
 */
export function responseScope(
  kase: CaseRow,
  customer: CustomerRow | null,
  agent: Pick<UserRow, 'username' | 'displayName'>,
): Record<string, unknown> {
  return {
    case: {
      id: kase.id,
      number: kase.number === null ? null : formatCaseNumber(kase.number),
      customerId: kase.customerId,
      subject: kase.subject,
      channel: kase.channel,
      priority: kase.priority,
      status: kase.status,
      variables: kase.variables,
    },
    customer: customer ? customerProfile(customer) : null,
    agent: { username: agent.username, name: agent.displayName ?? agent.username },
  };
}

/**
 * Renders `body` against `scope`: a placeholder that fails or is null leaves nothing, a list or
 * context is written as JSON. One over the expression budget is a 422 naming it, not a hang.
 */
export function renderResponseBody(body: string, scope: Record<string, unknown>, now: number): string {
  try {
    const value = renderTemplate(body, scope, now);
    if (value === null || value === undefined) return '';
    return typeof value === 'object' ? JSON.stringify(value) : String(value);
  } catch (error) {
    if (error instanceof ExpressionBudgetError) {
      throw new AppError('not-eligible', 422, `a placeholder went over its budget: ${error.message}`, {
        expression: error.expression,
      });
    }
    throw error;
  }
}
