/** What ran out: evaluation steps, the size of a collection or string built, or a pattern's input. */
export type BudgetLimit = 'steps' | 'collection' | 'string' | 'pattern';

/**
 * A FEEL expression or a pattern from a flow or form went over its budget. Unlike a FEEL error
 * (which a flow can model: null, a false condition), this propagates out of `start`/`step`, so
 * the runtime leaves the case where it was and opens an incident of kind `expression` instead
 * of hanging or crashing. `nodeId` is set where the engine knows which node evaluated it.
 */
export class ExpressionBudgetError extends Error {
  readonly limit: BudgetLimit;
  readonly expression: string;
  nodeId: string | undefined;

  constructor(limit: BudgetLimit, expression: string, message: string, nodeId?: string) {
    super(message);
    this.name = 'ExpressionBudgetError';
    this.limit = limit;
    this.expression = expression;
    this.nodeId = nodeId;
  }
}
