/**
 * Slows password guessing: after `maxFailures` failed logins for one username within
 * `windowMs`, further attempts for it are refused until the window has passed. Counted per
 * process and per username (not per address: behind a proxy every client shares one).
 * A successful login clears the count.
 */
export interface LoginThrottle {
  /** Milliseconds until `username` may try again, or 0 when it may try now. */
  retryAfter(username: string, now: number): number;
  failed(username: string, now: number): void;
  succeeded(username: string): void;
}

/** A throttle allowing `maxFailures` failed logins per username within `windowMs`. */
export function createLoginThrottle(maxFailures = 10, windowMs = 5 * 60_000): LoginThrottle {
  const failures = new Map<string, number[]>();
  const recent = (username: string, now: number) => {
    const kept = (failures.get(username) ?? []).filter((t) => now - t < windowMs);
    if (kept.length === 0) failures.delete(username);
    else failures.set(username, kept);
    return kept;
  };
  return {
    retryAfter(username, now) {
      const list = recent(username, now);
      if (list.length < maxFailures) return 0;
      return windowMs - (now - (list[list.length - maxFailures] ?? now));
    },
    failed(username, now) {
      failures.set(username, [...recent(username, now), now]);
      // Bound the memory a flood of made-up usernames can take.
      if (failures.size > 10_000) failures.delete(failures.keys().next().value as string);
    },
    succeeded(username) {
      failures.delete(username);
    },
  };
}
