import { ExpressionBudgetError, feelCondition, feelSyntaxError } from '@caseflow/engine';
import { badRequest } from './errors';

/**
 * A FEEL condition over a customer profile: a catalog audience segment or a pilot segment.
 * A segment that goes over the expression budget does not hold (the item is not offered, the
 * customer stays in the control cohort): one bad segment must not turn catalog listings and
 * case intake into errors for every customer. Other errors propagate.
 */
export function profileCondition(expression: string, scope: Record<string, unknown>, now: number): boolean {
  try {
    return feelCondition(expression, scope, now);
  } catch (error) {
    if (error instanceof ExpressionBudgetError) return false;
    throw error;
  }
}

/**
 * Refuses segments that are not FEEL (400 naming each as `path`, with the position): stored,
 * a broken segment would silently never hold.
 */
export function assertSegments(segments: ReadonlyArray<{ path: string; expression: string }>): void {
  const details = segments.flatMap(({ path, expression }) => {
    const error = feelSyntaxError(expression);
    return error ? [{ path, message: `not a FEEL condition: ${error.message}` }] : [];
  });
  if (details.length > 0) throw badRequest('a segment is not a FEEL condition', details);
}
