import type { PresenceLogQuery } from './routing-store';

/** The row limit of a presence-log read: 1000 by default, at most 10,000. */
export function presenceLogLimit(query: PresenceLogQuery): number {
  return Math.min(Math.max(1, query.limit ?? 1000), 10_000);
}
