import type { Clock } from '../clock';
import { type Store, StoreConflict } from '../store/store';
import { CaseSession, StaleRevision } from './case-session';
import { fromEngineError } from './engine-errors';
import { conflict } from './errors';
import type { ExecutorContext } from './executor-context';

/** How often an event is retried when another writer changed its case meanwhile. */
const ATTEMPTS = 5;

/**
 * True when the database aborted the transaction only because of concurrent writers:
 * PostgreSQL's deadlock_detected (40P01) — two processes taking the same case and timer rows
 * in opposite orders, e.g. a first response cancelling the SLA timer another process is firing
 * — or serialization_failure (40001). Retrying from a fresh read is the remedy PostgreSQL
 * documents. Drizzle wraps driver errors, so the cause chain is searched.
 */
export function isTransientConflict(error: unknown): boolean {
  for (let e: unknown = error; e instanceof Error; e = e.cause) {
    const code = (e as { code?: unknown }).code;
    if (code === '40P01' || code === '40001') return true;
  }
  return false;
}

export interface EventTransactions {
  /**
   * Runs `fn` with a fresh CaseSession in one store transaction and commits the session's
   * cases (revision-checked) before the transaction commits. On a stale revision (or a
   * unique-key race) the whole transaction is rolled back and run again from a fresh read, up
   * to 5 times, then 409.
   * Engine refusals become RuntimeErrors (engine-errors.ts). `fn` may call `session.commit()`
   * itself to read back committed rows before the transaction ends.
   */
  run<T>(fn: (session: CaseSession) => Promise<T>): Promise<T>;
}

/** Event transactions over `store`; `onOutbox` runs after a commit that queued outbox rows. */
export function eventTransactions(
  store: Store,
  clock: Clock,
  ctx: ExecutorContext,
  onOutbox: () => void,
): EventTransactions {
  return {
    async run<T>(fn: (session: CaseSession) => Promise<T>): Promise<T> {
      for (let attempt = 1; ; attempt++) {
        let queued = false;
        try {
          const value = await store.transaction(async (tx) => {
            const session = new CaseSession(tx, ctx, clock.now());
            const result = await fn(session);
            await session.commit();
            queued = session.outboxQueued;
            return result;
          });
          if (queued) onOutbox();
          return value;
        } catch (error) {
          // A unique-key clash under concurrency (two writers appending the same timeline seq
          // on PostgreSQL) is a lost race too: run the event again from a fresh read.
          if (
            error instanceof StaleRevision ||
            error instanceof StoreConflict ||
            isTransientConflict(error)
          ) {
            if (attempt < ATTEMPTS) {
              ctx.logger.debug(
                { attempt, err: (error as Error).message },
                'concurrent writer, retrying the event',
              );
              continue;
            }
            throw conflict(`${(error as Error).message}; try again`);
          }
          throw fromEngineError(error);
        }
      }
    },
  };
}
