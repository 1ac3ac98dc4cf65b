import { describe, expect, it } from 'vitest';
import type { SessionRow } from '../store/store';
import { sessionEnded, shouldTouch } from './session-policy';

const T = 1_800_000_000_000;
const limits = { maxAgeMs: 10 * 60_000, idleMs: 2 * 60_000 };
const session = (extra: Partial<SessionRow> = {}): SessionRow => ({
  id: 's',
  username: 'lena',
  createdAt: T,
  expiresAt: T + limits.maxAgeMs,
  lastSeenAt: T,
  revokedAt: null,
  source: null,
  userAgent: null,
  ...extra,
});
const active = { active: true };

describe('sessionEnded', () => {
  it('admits a live session of an active user', () => {
    expect(sessionEnded(session(), active, T + 60_000, limits)).toBeNull();
  });

  it('ends at once when revoked or the user is deactivated', () => {
    expect(sessionEnded(session({ revokedAt: T + 1 }), active, T + 2, limits)).toMatch(/ended/);
    expect(sessionEnded(session(), { active: false }, T + 2, limits)).toMatch(/deactivated/);
  });

  it('ends at the absolute limit however busy the session is', () => {
    const busy = session({ lastSeenAt: T + limits.maxAgeMs - 1 });
    expect(sessionEnded(busy, active, T + limits.maxAgeMs - 1, limits)).toBeNull();
    expect(sessionEnded(busy, active, T + limits.maxAgeMs, limits)).toMatch(/expired/);
  });

  it('ends after the idle limit without a request', () => {
    expect(sessionEnded(session(), active, T + limits.idleMs - 1, limits)).toBeNull();
    expect(sessionEnded(session(), active, T + limits.idleMs, limits)).toMatch(/inactivity/);
  });

  it("uses the server's current limit when it is lower than the stored expiry", () => {
    const long = session({ expiresAt: T + 365 * 86_400_000, lastSeenAt: T + 11 * 60_000 });
    expect(sessionEnded(long, active, T + 11 * 60_000, limits)).toMatch(/expired/);
  });
});

describe('shouldTouch', () => {
  it('writes lastSeenAt at most once a minute', () => {
    expect(shouldTouch(session(), T + 59_999)).toBe(false);
    expect(shouldTouch(session(), T + 60_000)).toBe(true);
  });
});
