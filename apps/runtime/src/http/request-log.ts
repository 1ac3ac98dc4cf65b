import type { MiddlewareHandler } from 'hono';
import type { Logger } from '../logger';
import type { AppEnv } from './context';
import type { Metrics } from './prometheus';

/**
 * One log line per request: id, method, path (no query string: it may carry search terms),
 * status, duration and user. Headers and bodies are never logged, so tokens and passwords
 * cannot leak through here; the logger's redaction covers anything passed by mistake. A survey
 * token in the path is a credential (whoever holds it answers the survey), so it is masked.
 */
export function requestLog(logger: Logger, metrics: Metrics): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const started = performance.now();
    await next();
    const status = c.res.status;
    const ms = Math.round((performance.now() - started) * 10) / 10;
    metrics.request(c.req.method, status);
    const line = {
      reqId: c.get('requestId'),
      method: c.req.method,
      path: loggedPath(c.req.path),
      status,
      ms,
      user: c.get('user')?.username ?? null,
    };
    // A 503 says "not now" (large uploads at once; a database out of reach, warned where it
    // is met): worth a look, not the alarm of a failed request.
    if (status === 503) logger.warn(line, 'request refused for now');
    else if (status >= 500) logger.error(line, 'request failed');
    else logger.info(line, 'request');
  };
}

/**
 * The path as logged: the token of `/api/surveys/:token` and of the survey page a mailed
 * invitation links to (`/survey/:token`) is replaced by `…` (it is the customer's credential).
 */
export function loggedPath(path: string): string {
  return path.replace(/^(\/api\/surveys\/|\/survey\/)[^/]+/, '$1…');
}
