/**
 * How the outbox retries a notification or survey the receiver did not take: `maxAttempts`
 * attempts in all (a claim counts as one, also when its process died mid-attempt), the n-th
 * retry after `backoffMs * 2^(n-1)`, never longer than `backoffCapMs` (±10 % jitter).
 * HTTP actions take their number of attempts from the flow (`retries`), the delays from here.
 */
export interface RetryPolicy {
  maxAttempts: number;
  backoffMs: number;
  backoffCapMs: number;
}

/**
 * Like webhook providers: quick retries for a blip, then hourly ones, so a receiver that is
 * down for a few hours (a deploy gone wrong, an outage) still gets every message: 16
 * attempts over about 4 hours before a message is `dead`.
 */
export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  maxAttempts: 16,
  backoffMs: 1000,
  backoffCapMs: 60 * 60_000,
};
