import { roleAtLeast } from '@caseflow/schema';
import type { Context, ErrorHandler, NotFoundHandler } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { ZodError } from 'zod';
import { AppError } from '../executor/errors';
import type { Logger } from '../logger';
import { answerLocale, translateErrorMessage } from '../messages/error-messages';
import { type IssueDetail, localizeDetails, zodIssueDetails } from '../messages/field-messages';
import { InvalidCursor } from '../store/paging';
import { StoreConflict } from '../store/store';
import { storeUnavailable } from '../store/store-unavailable';
import type { AppEnv } from './context';

/*
 * The error type and its constructors live with the executor (the domain throws them); they are
 * re-exported here for the routes and middleware, which throw the same ones.
 */
export {
  AppError,
  badRequest,
  conflict,
  forbidden,
  notEligible,
  notFound,
  unauthorized,
} from '../executor/errors';

/**
 * `[{path, code, message, params}]` of a zod error: paths are dotted ("values.amount",
 * "nodes.3.id"), `code` is zod's (`too_small`…), the message names the field (English here; the
 * error handler words it in the caller's language).
 */
export function zodDetails(error: ZodError): IssueDetail[] {
  return zodIssueDetails(error);
}

/** The error body of DESIGN §4: `{ error: { code, message, details? } }`. */
export function errorBody(code: string, message: string, details?: unknown) {
  return details === undefined ? { error: { code, message } } : { error: { code, message, details } };
}

interface EngineLikeError extends Error {
  code: string;
  allowed?: unknown;
}
/** Engine errors are matched by name: the runtime usually wraps them, but one may slip through. */
function isEngineError(e: unknown): e is EngineLikeError {
  return e instanceof Error && e.name === 'EngineError' && typeof (e as { code?: unknown }).code === 'string';
}

function statusOf(n: number): ContentfulStatusCode {
  return (n >= 400 && n < 600 ? n : 500) as ContentfulStatusCode;
}

/**
 * The one error handler: AppError as it is, zod errors as 400 with paths,
 * StoreConflict as 409, engine refusals as 409 with the allowed events, Hono's own HTTP
 * exceptions (malformed JSON 400, body limit 413, media type 415) with their status; a
 * database that is unreachable or cannot be written as 503 (`unavailable` / `storage`: retry
 * later); anything else is logged and answered as a bare 500 — never a stack trace.
 */
export function onError(logger: Logger): ErrorHandler<AppEnv> {
  const handle = answer(logger);
  return async (err, c) => {
    const res = await handle(err, c);
    return inLanguage(res, c);
  };
}

/**
 * The answer in the caller's language (messages meant for people; DESIGN §9): the message, and
 * each field error in the details (zod issues, form errors), worded from its code and params.
 * Codes, paths and params stay as they are: programs read those.
 */
async function inLanguage(res: Response, c: Context<AppEnv>): Promise<Response> {
  const locale = answerLocale(c.req.header('accept-language'), c.get('user')?.locale);
  if (locale === 'en') return res;
  const body = (await res.clone().json()) as { error: { code: string; message: string; details?: unknown } };
  const message = translateErrorMessage(body.error.message, locale);
  const details = localizeDetails(body.error.details, locale);
  const before = JSON.stringify(body.error);
  const error = { ...body.error, message, ...(details === undefined ? {} : { details }) };
  if (JSON.stringify(error) === before) return res;
  const headers = new Headers(res.headers);
  headers.set('content-language', locale);
  return new Response(JSON.stringify({ error }), { status: res.status, headers });
}

function answer(logger: Logger): (err: Error, c: Context<AppEnv>) => Response | Promise<Response> {
  return (err, c) => {
    if (err instanceof AppError && err.code === 'incident' && !isStaff(c)) {
      // The incident names the flow's nodes and the failure (an exception's text, an
      // expression's limit): for owners and admins. A customer, or anyone holding a survey
      // token, learns only that the request was not taken.
      return c.json(
        errorBody(
          'incident',
          'your request could not be completed; our team has been told and will look into it',
        ),
        422,
      );
    }
    if (err instanceof AppError) {
      if (err.status >= 500) logger.error({ err, path: c.req.path }, 'application error');
      return c.json(errorBody(err.code, err.message, err.details), statusOf(err.status));
    }
    if (err instanceof ZodError)
      return c.json(errorBody('validation', 'invalid request', zodDetails(err)), 400);
    if (err instanceof StoreConflict) return c.json(errorBody('conflict', err.message), 409);
    if (err instanceof InvalidCursor) {
      return c.json(errorBody('validation', err.message, [{ path: 'cursor', message: err.message }]), 400);
    }
    if (isEngineError(err)) {
      const details = err.allowed === undefined ? undefined : { allowed: err.allowed };
      return c.json(errorBody(err.code, err.message, details), 409);
    }
    if (err instanceof HTTPException) {
      const status = statusOf(err.status);
      if (status === 413) return c.json(errorBody('payload-too-large', 'request body is too large'), 413);
      if (status === 415) return c.json(errorBody('unsupported-media-type', 'send application/json'), 415);
      if (/malformed json/i.test(err.message)) {
        return c.json(errorBody('malformed-json', 'malformed JSON in request body'), 400);
      }
      return c.json(
        errorBody(status === 400 ? 'bad-request' : `http-${status}`, err.message || 'failed'),
        status,
      );
    }
    const down = storeUnavailable(err);
    if (down) {
      logger.warn({ err: down.message, method: c.req.method, path: c.req.path }, 'store unavailable');
      return c.json(errorBody(down.code, down.message), 503);
    }
    logger.error({ err, method: c.req.method, path: c.req.path }, 'unhandled error');
    return c.json(errorBody('internal', 'internal error'), 500);
  };
}

/** True when the signed-in caller is staff (agent or above). */
function isStaff(c: Context<AppEnv>): boolean {
  const user = c.get('user');
  return user ? roleAtLeast(user.roles, 'agent') : false;
}

/** JSON 404 for unknown routes. */
export const notFoundHandler: NotFoundHandler = (c: Context) =>
  c.json(errorBody('not-found', `no route for ${c.req.method} ${c.req.path}`), 404);
