import type { Context } from 'hono';
import { clientAddress } from '../auth/client-address';
import type { AppEnv } from './context';

/** The socket peer of a request served by @hono/node-server (absent for in-process requests). */
function socketAddress(c: Context<AppEnv>): string | undefined {
  return (c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined)?.incoming?.socket
    ?.remoteAddress;
}

/**
 * The key of the client a request came from, as throttles and sessions count it
 * (auth/client-address.ts): the socket peer, or behind `trustProxy` proxies the
 * X-Forwarded-For entry they appended.
 */
export function requestSource(c: Context<AppEnv>, trustProxy: number): string {
  return clientAddress(socketAddress(c), c.req.header('x-forwarded-for'), trustProxy);
}
