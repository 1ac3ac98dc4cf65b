import type { SessionRow, UserRow } from '../store/store';

/** How long sessions live, by the server's clock: absolute and idle limits. */
export interface SessionLimits {
  /** From sign-in to the end, whatever the use. */
  maxAgeMs: number;
  /** Without a request, after which the session ends. */
  idleMs: number;
}

/** 12 hours at most, 2 hours idle. */
export const DEFAULT_SESSION_LIMITS: SessionLimits = { maxAgeMs: 12 * 3_600_000, idleMs: 2 * 3_600_000 };

/**
 * lastSeenAt is written at most this often per session: idleness is measured to the minute,
 * and an authenticated request costs a read, not a write.
 */
export const TOUCH_INTERVAL_MS = 60_000;

/**
 * Why a session no longer admits its user, or null while it does. Pure. The absolute limit is
 * the earlier of the stored `expiresAt` and `createdAt + maxAgeMs`, so lowering the setting
 * also shortens sessions opened before.
 */
export function sessionEnded(
  session: SessionRow,
  user: Pick<UserRow, 'active'>,
  now: number,
  limits: SessionLimits,
): string | null {
  if (session.revokedAt !== null) return 'session ended; sign in again';
  if (!user.active) return 'account deactivated';
  if (now >= Math.min(session.expiresAt, session.createdAt + limits.maxAgeMs)) {
    return 'session expired; sign in again';
  }
  if (now - session.lastSeenAt >= limits.idleMs) return 'session expired after inactivity; sign in again';
  return null;
}

/** True when this request should move the session's lastSeenAt (at most once a minute). Pure. */
export function shouldTouch(session: SessionRow, now: number): boolean {
  return now - session.lastSeenAt >= TOUCH_INTERVAL_MS;
}
