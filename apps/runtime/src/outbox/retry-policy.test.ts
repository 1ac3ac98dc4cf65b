import { describe, expect, it } from 'vitest';
import { backoffDelay } from './backoff';
import { DEFAULT_RETRY_POLICY, type RetryPolicy } from './retry-policy';

/** Time from the first attempt to the last one without jitter and with instant failures. */
function retrySpanMs(policy: RetryPolicy): number {
  let span = 0;
  for (let retry = 1; retry < policy.maxAttempts; retry++) {
    span += backoffDelay(retry, { baseMs: policy.backoffMs, capMs: policy.backoffCapMs });
  }
  return span;
}

describe('retry policy', () => {
  it('spreads the default attempts over hours, like webhook providers do', () => {
    expect(DEFAULT_RETRY_POLICY.maxAttempts).toBeGreaterThanOrEqual(10);
    const hours = retrySpanMs(DEFAULT_RETRY_POLICY) / 3_600_000;
    expect(hours).toBeGreaterThan(3);
    expect(hours).toBeLessThan(6);
  });

  it('sums the capped exponential delays between the attempts', () => {
    // Retries after 100, 200, 400, then 500 (capped) twice.
    expect(retrySpanMs({ maxAttempts: 6, backoffMs: 100, backoffCapMs: 500 })).toBe(1700);
    expect(retrySpanMs({ maxAttempts: 1, backoffMs: 100, backoffCapMs: 500 })).toBe(0);
  });
});
