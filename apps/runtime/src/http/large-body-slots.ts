import type { Context, MiddlewareHandler } from 'hono';
import type { AppEnv } from './context';

/**
 * At most `slots` large requests at once (bodies over the usual limit: a message carrying
 * files), each holding its slot until it is answered. A large JSON body costs several times its
 * size while it is read, parsed, decoded and stored, so a few dozen 25 MiB uploads at once would
 * take the process's memory; past the slots a request is answered `onBusy` (503, retry shortly)
 * before its body is read. A body is large when its declared length is over `over` bytes or it
 * declares none (chunked).
 */
export function largeBodySlots(
  slots: number,
  over: number,
  applies: (c: Context<AppEnv>) => boolean,
  onBusy: (c: Context<AppEnv>) => Response | Promise<Response>,
): MiddlewareHandler<AppEnv> {
  let taken = 0;
  return async (c, next) => {
    if (!applies(c)) return next();
    const length = c.req.header('content-length');
    const large =
      length === undefined ? c.req.header('transfer-encoding') !== undefined : Number(length) > over;
    if (!large) return next();
    if (taken >= slots) return onBusy(c);
    taken++;
    try {
      await next();
    } finally {
      taken--;
    }
  };
}
