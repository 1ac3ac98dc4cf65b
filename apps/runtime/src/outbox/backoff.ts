/**
 * Delay before retry number `attempt` (1 = the first retry after the first failure):
 * `baseMs * 2^(attempt-1)`, capped at `capMs`, with ±`jitter` spread so that many rows failing
 * together (a webhook receiver that was down) do not come back in one burst. Pure given `random`.
 */
export function backoffDelay(
  attempt: number,
  options: { baseMs: number; capMs?: number; jitter?: number; random?: () => number },
): number {
  const cap = options.capMs ?? 60 * 60_000;
  const jitter = options.jitter ?? 0;
  const exponential = Math.min(cap, options.baseMs * 2 ** Math.max(0, attempt - 1));
  if (jitter <= 0) return Math.round(exponential);
  const spread = (options.random ?? Math.random)() * 2 - 1;
  return Math.max(0, Math.round(exponential * (1 + spread * jitter)));
}
