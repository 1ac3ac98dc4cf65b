import type { SessionRow, Store } from '../store/store';
import type { SessionLimits } from './session-policy';
import { newSessionToken } from './session-token';

/** Where a session is opened from: the client's source key and User-Agent. */
export interface SessionContext {
  source: string;
  userAgent: string | null;
}

/**
 * Opens a session for `username` at `now` (wall clock) and answers its bearer token; the token
 * is never stored, only the id it names. The absolute expiry is fixed here; idleness is
 * measured from lastSeenAt.
 */
export async function openSession(
  store: Store,
  secret: string,
  limits: SessionLimits,
  username: string,
  context: SessionContext,
  now: number,
): Promise<{ token: string; session: SessionRow }> {
  const { id, token } = newSessionToken(secret);
  const session = await store.sessions.create({
    id,
    username,
    createdAt: now,
    expiresAt: now + limits.maxAgeMs,
    lastSeenAt: now,
    revokedAt: null,
    source: context.source,
    // Kept for an operator reading the table; bounded, a header is the client's to fill.
    userAgent: context.userAgent?.slice(0, 200) ?? null,
  });
  return { token, session };
}
