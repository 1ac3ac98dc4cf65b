import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Stream tickets: EventSource cannot send an Authorization header, and the session token must
 * never stand in a URL (proxies and browsers keep those). A ticket names the session it was
 * issued from and an expiry a minute ahead, signed with a purpose prefix of its own: it opens
 * live streams only, and only while its session is live (checked on connect and on every
 * heartbeat), so one seen in a log is worthless a minute later.
 */

/** How long a ticket opens streams: EventSource reconnects within it reuse the same URL. */
export const TICKET_TTL_MS = 60_000;
const SHAPE = /^[A-Za-z0-9_-]{1,200}\.[A-Za-z0-9_-]{43}$/;

/** A ticket for the session `sessionId`, valid until `expiresAt` (epoch ms). */
export function issueTicket(sessionId: string, expiresAt: number, secret: string): string {
  const payload = Buffer.from(JSON.stringify({ s: sessionId, e: expiresAt })).toString('base64url');
  return `${payload}.${mac(payload, secret)}`;
}

/** The session a correctly signed, unexpired ticket names, or null. */
export function ticketSession(ticket: string, secret: string, now: number): string | null {
  if (!SHAPE.test(ticket)) return null;
  const [payload, given] = ticket.split('.') as [string, string];
  const a = Buffer.from(given, 'base64url');
  const b = Buffer.from(mac(payload, secret), 'base64url');
  if (a.length !== b.length || !timingSafeEqual(a, b)) return null;
  try {
    const { s, e } = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as {
      s?: unknown;
      e?: unknown;
    };
    return typeof s === 'string' && typeof e === 'number' && e > now ? s : null;
  } catch {
    return null;
  }
}

function mac(payload: string, secret: string): string {
  return createHmac('sha256', secret).update(`caseflow-stream-ticket.${payload}`).digest('base64url');
}
