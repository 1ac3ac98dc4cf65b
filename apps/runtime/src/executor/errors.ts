/**
 * The one application error of the runtime: executor commands, the auth middleware and the
 * HTTP routes all throw it, and the HTTP layer's onError maps it to
 * `{ error: { code, message, details? } }` with its status. Anything else that escapes is a
 * bug (500, logged, never shown).
 *
 * | code                  | status | when |
 * |-----------------------|--------|------|
 * | validation            | 400    | bad input the schemas could not catch (unknown customer, form errors…) |
 * | unauthorized          | 401    | no or bad credentials |
 * | forbidden             | 403    | signed in, but this person may not do this (the message says why) |
 * | not-found             | 404    | case, task, flow, version, survey token… (also instead of a revealing 403) |
 * | conflict              | 409    | stale revision after retries, duplicates, already answered / voted / running |
 * | event-not-allowed     | 409    | the engine refused the event; details.allowed lists allowed events |
 * | not-eligible          | 422    | a well-formed request naming someone or something the rules exclude |
 * | flow-invalid          | 422    | publish of an invalid flow (details.problems), a flow with no active version |
 * | incident              | 422    | the event failed for a reason the flow does not model; details.incidentId, nodeId |
 */
export class AppError extends Error {
  override name = 'AppError';
  constructor(
    readonly code: string,
    readonly status: ErrorStatus,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

/** The statuses an AppError may carry (all with a JSON body). */
export type ErrorStatus = 400 | 401 | 403 | 404 | 409 | 413 | 415 | 422 | 429 | 500 | 503;

/** 400 with optional details (field paths). */
export const badRequest = (message: string, details?: unknown) =>
  new AppError('validation', 400, message, details);
/** 401: no or bad credentials. */
export const unauthorized = (message = 'sign in first') => new AppError('unauthorized', 401, message);
/** 403: signed in, but the role, group or ownership does not allow it. */
export const forbidden = (message = 'not allowed for your role', details?: unknown) =>
  new AppError('forbidden', 403, message, details);
/** 404; also used instead of 403 where a 403 would confirm that an id exists. */
export const notFound = (what: string, id?: string | number) =>
  new AppError('not-found', 404, id === undefined ? `${what} not found` : `${what} "${id}" not found`);
/** 409: duplicates, stale or finished state. */
export const conflict = (message: string, details?: unknown) =>
  new AppError('conflict', 409, message, details);
/** 413 `payload-too-large`: a part of the request (`path`) is over its size limit. */
export const payloadTooLarge = (message: string, path?: string) =>
  new AppError('payload-too-large', 413, message, path === undefined ? undefined : [{ path, message }]);
/** 422 `not-eligible`: the request is well formed, but whom or what it names is excluded by a rule. */
export const notEligible = (message: string, details?: unknown) =>
  new AppError('not-eligible', 422, message, details);
