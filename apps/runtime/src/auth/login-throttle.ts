/*
 * Login throttling (DESIGN §8): growing delays, counted three ways.
 *
 * - per source address: one address trying many usernames (password spraying);
 * - per source and username: one address guessing one user's password;
 * - per username across all sources: a distributed guess at one user. This one does NOT
 *   apply to a source the user has signed in from before (a remembered context, from their
 *   sessions), so others' tries never lock the real user out of their usual place.
 *
 * Each counter lets `free` failures pass, then every further failure blocks its key for a
 * delay that doubles from `baseMs` up to `capMs`; a key quiet for `forgetMs` starts afresh.
 * An attempt made while blocked is answered 429 without checking the password and does not
 * count. A success clears only its own source-and-username counter: a valid account of the
 * attacker's must not wash away the other counters.
 *
 * State is in-process and bounded (oldest keys evicted). Several runtime processes behind one
 * balancer each count on their own, so an attacker spread over N processes gets N times the
 * free attempts; the delays still grow in each.
 */

/** How one counter grows. */
export interface BackoffRule {
  /** Failures that pass without delay. */
  free: number;
  /** Delay after the first failure beyond `free`; doubles per further failure. */
  baseMs: number;
  capMs: number;
  /** A key without a failure for this long is forgotten. */
  forgetMs: number;
}

/** The three rules of a throttle. */
export interface ThrottleRules {
  source: BackoffRule;
  pair: BackoffRule;
  username: BackoffRule;
  /** Keys kept per counter before the oldest are evicted. */
  maxKeys: number;
}

/** Defaults: 10 free per address, 5 per address and user, 10 per user from unknown places. */
export const DEFAULT_THROTTLE_RULES: ThrottleRules = {
  source: { free: 10, baseMs: 1000, capMs: 10 * 60_000, forgetMs: 60 * 60_000 },
  pair: { free: 5, baseMs: 1000, capMs: 15 * 60_000, forgetMs: 60 * 60_000 },
  username: { free: 10, baseMs: 1000, capMs: 15 * 60_000, forgetMs: 60 * 60_000 },
  maxKeys: 50_000,
};

/** Who is trying: the client's source key (auth/client-address.ts) and the username given. */
export interface LoginAttempt {
  source: string;
  username: string;
}

/** The throttle the login command consults. */
export interface LoginThrottle {
  /**
   * Milliseconds this attempt must wait (0: go ahead). `isKnownSource` is asked only when the
   * username's own slowdown is on, so the usual login costs no extra read.
   */
  wait(attempt: LoginAttempt, now: number, isKnownSource: () => Promise<boolean>): Promise<number>;
  failed(attempt: LoginAttempt, now: number): void;
  succeeded(attempt: LoginAttempt): void;
}

interface Entry {
  failures: number;
  lastFailure: number;
  blockedUntil: number;
}

/** One counter: failures per key with a doubling block. */
class Backoff {
  private readonly entries = new Map<string, Entry>();
  constructor(
    private readonly rule: BackoffRule,
    private readonly maxKeys: number,
  ) {}

  wait(key: string, now: number): number {
    const entry = this.live(key, now);
    return entry ? Math.max(0, entry.blockedUntil - now) : 0;
  }

  fail(key: string, now: number): void {
    const entry = this.live(key, now) ?? { failures: 0, lastFailure: now, blockedUntil: 0 };
    entry.failures += 1;
    entry.lastFailure = now;
    const over = entry.failures - this.rule.free;
    if (over > 0) {
      const delay = Math.min(this.rule.capMs, this.rule.baseMs * 2 ** Math.min(over - 1, 30));
      entry.blockedUntil = now + delay;
    }
    // Re-insert so that Map order is least recently failed first: eviction takes the oldest.
    this.entries.delete(key);
    this.entries.set(key, entry);
    while (this.entries.size > this.maxKeys) this.entries.delete(this.entries.keys().next().value as string);
  }

  clear(key: string): void {
    this.entries.delete(key);
  }

  private live(key: string, now: number): Entry | undefined {
    const entry = this.entries.get(key);
    if (entry && now - entry.lastFailure >= this.rule.forgetMs && now >= entry.blockedUntil) {
      this.entries.delete(key);
      return undefined;
    }
    return entry;
  }
}

/** A throttle with `rules` (default DEFAULT_THROTTLE_RULES), state in this process. */
export function createLoginThrottle(rules: ThrottleRules = DEFAULT_THROTTLE_RULES): LoginThrottle {
  const bySource = new Backoff(rules.source, rules.maxKeys);
  const byPair = new Backoff(rules.pair, rules.maxKeys);
  const byUsername = new Backoff(rules.username, rules.maxKeys);
  const pairKey = (a: LoginAttempt) => `${a.source}\u0000${a.username}`;
  return {
    async wait(attempt, now, isKnownSource) {
      const local = Math.max(bySource.wait(attempt.source, now), byPair.wait(pairKey(attempt), now));
      if (local > 0) return local;
      const global = byUsername.wait(attempt.username, now);
      if (global === 0) return 0;
      return (await isKnownSource()) ? 0 : global;
    },
    failed(attempt, now) {
      bySource.fail(attempt.source, now);
      byPair.fail(pairKey(attempt), now);
      byUsername.fail(attempt.username, now);
    },
    succeeded(attempt) {
      byPair.clear(pairKey(attempt));
    },
  };
}
