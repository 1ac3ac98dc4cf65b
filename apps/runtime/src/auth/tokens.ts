import { createHmac, timingSafeEqual } from 'node:crypto';

/** Bearer tokens live 12 hours. */
export const TOKEN_TTL_MS = 12 * 60 * 60 * 1000;

/** What a token says: who, issued when, valid until. */
export interface TokenClaims {
  /** Username. */
  sub: string;
  /** Expiry, epoch ms. */
  exp: number;
  /** Issued at, epoch ms. */
  iat: number;
}

/**
 * Stateless signed tokens: `base64url(JSON claims).base64url(HMAC-SHA256(secret, payload))`.
 *
 * Why signed rather than opaque stored tokens: a login costs no write, several runtime
 * processes on one database accept each other's tokens with no shared session table, and the
 * secret (CASEFLOW_SECRET) already exists for webhook signatures. Revocation is covered by
 * loading the user on every request (a deleted user's token stops working) and by rotating the
 * secret; the expiry bounds the rest.
 */
export function signToken(username: string, secret: string, now: number, ttlMs = TOKEN_TTL_MS): string {
  const claims: TokenClaims = { sub: username, iat: now, exp: now + ttlMs };
  const payload = Buffer.from(JSON.stringify(claims)).toString('base64url');
  return `${payload}.${mac(payload, secret)}`;
}

/** The claims of a valid, unexpired token, or null. Constant-time signature check. */
export function verifyToken(token: string, secret: string, now: number): TokenClaims | null {
  const dot = token.indexOf('.');
  if (dot <= 0 || dot !== token.lastIndexOf('.')) return null;
  const payload = token.slice(0, dot);
  const given = Buffer.from(token.slice(dot + 1), 'base64url');
  const expected = Buffer.from(mac(payload, secret), 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  try {
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as TokenClaims;
    if (typeof claims.sub !== 'string' || typeof claims.exp !== 'number') return null;
    return claims.exp > now ? claims : null;
  } catch {
    return null;
  }
}

function mac(payload: string, secret: string): string {
  return createHmac('sha256', secret).update(`caseflow-token.${payload}`).digest('base64url');
}
