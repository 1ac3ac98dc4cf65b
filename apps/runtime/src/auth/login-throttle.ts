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
 * count. An attempt being checked counts as in flight until it settles: checking a password
 * takes tens of milliseconds, and without this a burst of parallel guesses all passed the
 * check before the first failure was counted (48 of 100 got through where 5 should). A success clears only its own source-and-username counter: a valid account of the
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
  /**
   * Like `wait`, and when it answers 0 the attempt is in flight until `failed`, `succeeded` or
   * `release` settles it (exactly one of them must be called).
   */
  begin(attempt: LoginAttempt, now: number, isKnownSource: () => Promise<boolean>): Promise<number>;
  failed(attempt: LoginAttempt, now: number): void;
  succeeded(attempt: LoginAttempt): void;
  /** Settles an attempt begun that neither failed nor succeeded (an error, a deactivated account). */
  release(attempt: LoginAttempt): void;
}

interface Entry {
  failures: number;
  lastFailure: number;
  blockedUntil: number;
}

/** One counter: failures per key with a doubling block. */
class Backoff {
  private readonly entries = new Map<string, Entry>();
  /** Attempts begun and not settled, per key (removed at zero, so bounded by concurrency). */
  private readonly inFlight = new Map<string, number>();
  /**
   * `suspectFromStart`: attempts in flight are suspect before any failure. True for one
   * username (nobody signs in as the same user ten times at once); false for a source address,
   * where many people behind one office NAT sign in together and must not get 429.
   */
  constructor(
    private readonly rule: BackoffRule,
    private readonly maxKeys: number,
    private readonly suspectFromStart: boolean,
  ) {}

  /**
   * The wait before the next attempt. Attempts in flight count as failures to come: once they
   * could use up the free failures, only one attempt at a time is let through.
   */
  wait(key: string, now: number): number {
    const entry = this.live(key, now);
    const blocked = entry ? Math.max(0, entry.blockedUntil - now) : 0;
    if (blocked > 0) return blocked;
    const pending = this.inFlight.get(key) ?? 0;
    const failures = entry?.failures ?? 0;
    if (pending === 0 || (failures === 0 && !this.suspectFromStart)) return 0;
    return failures + pending >= this.rule.free ? this.rule.baseMs : 0;
  }

  begin(key: string): void {
    this.inFlight.set(key, (this.inFlight.get(key) ?? 0) + 1);
  }

  settle(key: string): void {
    const pending = (this.inFlight.get(key) ?? 0) - 1;
    if (pending > 0) this.inFlight.set(key, pending);
    else this.inFlight.delete(key);
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
  const bySource = new Backoff(rules.source, rules.maxKeys, false);
  const byPair = new Backoff(rules.pair, rules.maxKeys, true);
  const byUsername = new Backoff(rules.username, rules.maxKeys, true);
  const pairKey = (a: LoginAttempt) => `${a.source}\u0000${a.username}`;
  const localWait = (attempt: LoginAttempt, now: number) =>
    Math.max(bySource.wait(attempt.source, now), byPair.wait(pairKey(attempt), now));
  async function wait(attempt: LoginAttempt, now: number, isKnownSource: () => Promise<boolean>) {
    const local = localWait(attempt, now);
    if (local > 0) return local;
    const global = byUsername.wait(attempt.username, now);
    if (global === 0) return 0;
    return (await isKnownSource()) ? 0 : global;
  }
  function settle(attempt: LoginAttempt): void {
    bySource.settle(attempt.source);
    byPair.settle(pairKey(attempt));
    byUsername.settle(attempt.username);
  }
  return {
    wait,
    async begin(attempt, now, isKnownSource) {
      const ms = await wait(attempt, now, isKnownSource);
      if (ms > 0) return ms;
      // wait() may have awaited (known source): look again with nothing awaited between this
      // check and the reservation, so that parallel attempts see each other's.
      const again = localWait(attempt, now);
      if (again > 0) return again;
      bySource.begin(attempt.source);
      byPair.begin(pairKey(attempt));
      byUsername.begin(attempt.username);
      return 0;
    },
    failed(attempt, now) {
      settle(attempt);
      bySource.fail(attempt.source, now);
      byPair.fail(pairKey(attempt), now);
      byUsername.fail(attempt.username, now);
    },
    succeeded(attempt) {
      settle(attempt);
      byPair.clear(pairKey(attempt));
    },
    release: settle,
  };
}
