/**
 * Errors the runtime facade throws. The HTTP layer maps them by `status` to
 * `{ error: { code, message, details } }`.
 *
 * | code               | status | when |
 * |--------------------|--------|------|
 * | validation         | 400    | bad input the schemas could not catch (unknown customer…) |
 * | not-found          | 404    | case, task, flow, version, survey token… |
 * | forbidden          | 403    | e.g. claiming a task someone else holds |
 * | conflict           | 409    | stale revision after retries, duplicates, survey already answered |
 * | event-not-allowed  | 409    | the engine refused the event; details.allowed lists allowed events |
 * | flow-invalid       | 422    | publish of an invalid flow; details.problems |
 * | incident           | 422    | the event failed for a reason the flow does not model; details.incidentId, nodeId |
 */
export class RuntimeError extends Error {
  constructor(
    readonly code: RuntimeErrorCode,
    message: string,
    readonly status: number,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'RuntimeError';
  }
}

export type RuntimeErrorCode =
  | 'validation'
  | 'not-found'
  | 'forbidden'
  | 'conflict'
  | 'event-not-allowed'
  | 'flow-invalid'
  | 'incident';

export const notFound = (what: string, id: string | number) =>
  new RuntimeError('not-found', `${what} ${id} not found`, 404);
export const conflict = (message: string, details?: unknown) =>
  new RuntimeError('conflict', message, 409, details);
export const badRequest = (message: string, details?: unknown) =>
  new RuntimeError('validation', message, 400, details);
export const forbidden = (message: string) => new RuntimeError('forbidden', message, 403);
