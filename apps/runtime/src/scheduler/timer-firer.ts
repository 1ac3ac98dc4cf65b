import type { Logger } from '../executor/types';
import type { ClaimedTimer, Store } from '../store/store';

/**
 * Fires one claimed timer: steps `{type:'timer.fire'}` into its case and, in the SAME
 * transaction, calls `complete(tx)` to delete the timer row. Must throw (rolling back) when
 * `complete` answers false: the claim was lost, so another process fires it.
 */
export type TimerHandler = (timer: ClaimedTimer, complete: (tx: Store) => Promise<boolean>) => Promise<void>;

export interface TimerFirerOptions {
  store: Store;
  logger: Logger;
  fire: TimerHandler;
  /** Timers claimed per batch (default 100). */
  batchSize?: number;
  /** How long a claim keeps other processes off a timer (default 60 s). */
  leaseMs?: number;
}

/**
 * Fires every timer due at `now`, in batches claimed with a lease (so several processes on one
 * database fire each timer once), each fire in its own transaction that also deletes the row;
 * the timers of one case fire in due order, those of different cases concurrently (their
 * transactions then share commits, store/group-commit.ts).
 * A fire that fails for a reason the flow does not model opens an incident that removes the
 * row (the handler parks it); any other crash (the database away) leaves the row claimed, and
 * it becomes due again when the lease ends. One failing timer never stops the others.
 * Answers how many timers fired. Timers that became due while the runtime was down are simply
 * due: the first call after a start catches up on them.
 */
export function createTimerFirer(options: TimerFirerOptions): (now: number) => Promise<number> {
  const batchSize = options.batchSize ?? 100;
  const leaseMs = options.leaseMs ?? 60_000;
  /** Fires one timer; false when it failed (parked by an incident, or retried after its lease). */
  async function fireOne(timer: ClaimedTimer): Promise<boolean> {
    try {
      await options.fire(timer, (tx) => tx.timers.complete(timer.id, timer.claim));
      return true;
    } catch (error) {
      // An incident parked the timer already (its row is gone): nothing fires it again.
      if ((error as { code?: unknown } | null)?.code === 'incident') {
        options.logger.warn(
          { timer: timer.id, caseId: timer.caseId, err: (error as Error).message },
          'timer parked with an incident',
        );
        return false;
      }
      options.logger.error(
        { timer: timer.id, caseId: timer.caseId, err: error },
        'timer fire failed; retried after its lease',
      );
      return false;
    }
  }

  return async function fireDue(now: number): Promise<number> {
    let fired = 0;
    // Bounded so that a flood of due timers cannot starve the rest of the loop forever.
    for (let batch = 0; batch < 50; batch++) {
      const claimed = await options.store.timers.claimDue(now, batchSize, leaseMs);
      // One case's timers fire in claim (due) order; different cases fire side by side, so
      // that the store's group commit commits their transactions together.
      const byCase = new Map<string, ClaimedTimer[]>();
      for (const timer of claimed) {
        const list = byCase.get(timer.caseId);
        if (list) list.push(timer);
        else byCase.set(timer.caseId, [timer]);
      }
      const counts = await Promise.all(
        [...byCase.values()].map(async (timers) => {
          let n = 0;
          for (const timer of timers) if (await fireOne(timer)) n++;
          return n;
        }),
      );
      for (const n of counts) fired += n;
      if (claimed.length < batchSize) break;
    }
    return fired;
  };
}
