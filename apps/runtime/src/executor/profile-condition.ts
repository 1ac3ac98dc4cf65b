import { ExpressionBudgetError, feelCondition } from '@caseflow/engine';

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
