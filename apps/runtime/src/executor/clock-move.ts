import { hasRole } from '../auth/roles';
import { durationMs } from '../clock';
import type { UserRow } from '../store/store';
import { badRequest, forbidden } from './errors';

/** The longest single `advance` of the manual clock: ten years (of 365 days). */
export const MAX_CLOCK_ADVANCE_MS = 10 * 365 * 86_400_000;
/** The manual clock may be `set` within these instants (inclusive). */
export const CLOCK_SET_RANGE = {
  from: Date.parse('2000-01-01T00:00:00Z'),
  to: Date.parse('2100-01-01T00:00:00Z'),
};

/**
 * Refuses a manual-clock move that would put time out of any sane range (400 naming the field):
 * an `advance` over ten years, a `set` before 2000 or after 2100. A move of a century and more
 * makes every date computation downstream (business calendars, SLA due times) loop or overflow.
 */
export function checkClockMove(move: { advance?: string; set?: string }): void {
  if (move.advance !== undefined) {
    let ms: number;
    try {
      ms = durationMs(move.advance);
    } catch {
      throw badRequest('advance: not an ISO-8601 duration', [{ path: 'advance', message: 'not a duration' }]);
    }
    if (!(ms <= MAX_CLOCK_ADVANCE_MS)) {
      const message = 'at most ten years (P10Y) at a time';
      throw badRequest(`advance: ${message}`, [{ path: 'advance', message }]);
    }
  }
  if (move.set !== undefined) {
    const t = Date.parse(move.set);
    if (!(t >= CLOCK_SET_RANGE.from && t <= CLOCK_SET_RANGE.to)) {
      const message = 'must be between 2000-01-01 and 2100-01-01';
      throw badRequest(`set: ${message}`, [{ path: 'set', message }]);
    }
  }
}

/** The manual clock is moved by admins only: it fires every timer of every case. */
export function checkClockMover(user: Pick<UserRow, 'roles'>): void {
  if (!hasRole(user, 'admin')) throw forbidden('only an admin may move the test clock');
}
