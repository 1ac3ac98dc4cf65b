/**
 * How often a transaction is retried after PostgreSQL aborted it for a deadlock or a serialization
 * failure. Those writers are still there: an immediate retry meets them again (several
 * processes routing to the same agents deadlocked five times in a row), so each retry waits a
 * random, growing pause first.
 */
export const TRANSIENT_ATTEMPTS = 10;

/** Full-jitter backoff before retry `attempt` (1-based): up to 10 ms, 20 ms, … capped at 250 ms. */
export function transientBackoffMs(attempt: number, random: () => number = Math.random): number {
  return Math.floor(random() * Math.min(250, 10 * 2 ** (attempt - 1)));
}

/**
 * True when the database aborted the transaction only because of concurrent writers:
 * PostgreSQL's deadlock_detected (40P01) — two processes taking the same case and timer rows
 * in opposite orders, e.g. a first response cancelling the SLA timer another process is firing
 * — or serialization_failure (40001), or lock_not_available (55P03: a lock taken out of order
 * without waiting, store.routing.lockProfileInOrder). Retrying from a fresh read is the remedy
 * PostgreSQL documents. Drizzle wraps driver errors, so the cause chain is searched.
 */
export function isTransientConflict(error: unknown): boolean {
  for (let e: unknown = error; e instanceof Error; e = e.cause) {
    const code = (e as { code?: unknown }).code;
    if (code === '40P01' || code === '40001' || code === '55P03') return true;
  }
  return false;
}

/**
 * Runs `transaction` again, after a random growing pause, while PostgreSQL aborts it for
 * concurrent writers (up to TRANSIENT_ATTEMPTS runs): for plain store transactions that lock
 * rows others lock too — agent profiles at sign-in, sign-out and a user's edit, which a
 * group-commit batch beside them may hold in another order. Event transactions retry on their own.
 */
export async function retryTransient<T>(transaction: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await transaction();
    } catch (error) {
      if (attempt >= TRANSIENT_ATTEMPTS || !isTransientConflict(error)) throw error;
      await new Promise((r) => setTimeout(r, transientBackoffMs(attempt)));
    }
  }
}
