import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * Bearer tokens: `<session id>.<HMAC-SHA256(CASEFLOW_SECRET, id)>`, both base64url.
 *
 * The token carries no claims: who it is and until when it holds live in the session row the
 * id names (store.sessions), so expiry and revocation are the server's. The id is 24 random
 * bytes; the MAC lets a request with a made-up or tampered token be refused without a
 * database read, and means neither a copy of the sessions table alone nor the secret alone
 * yields a usable token. Rotating CASEFLOW_SECRET ends every session.
 */

const ID_BYTES = 24;
/** base64url of 24 bytes is 32 characters; of a SHA-256 digest 43. */
const TOKEN_SHAPE = /^[A-Za-z0-9_-]{32}\.[A-Za-z0-9_-]{43}$/;

/** A fresh session id and the bearer token that names it. */
export function newSessionToken(secret: string): { id: string; token: string } {
  const id = randomBytes(ID_BYTES).toString('base64url');
  return { id, token: `${id}.${mac(id, secret)}` };
}

/** The session id a well-formed, correctly signed token names, or null. Constant-time check. */
export function sessionIdOf(token: string, secret: string): string | null {
  if (!TOKEN_SHAPE.test(token)) return null;
  const dot = token.indexOf('.');
  const id = token.slice(0, dot);
  const given = Buffer.from(token.slice(dot + 1), 'base64url');
  const expected = Buffer.from(mac(id, secret), 'base64url');
  return given.length === expected.length && timingSafeEqual(given, expected) ? id : null;
}

function mac(id: string, secret: string): string {
  // A purpose prefix: a MAC made for anything else with the same key never passes as a token.
  return createHmac('sha256', secret).update(`caseflow-session.${id}`).digest('base64url');
}
