import { AsyncLocalStorage } from 'node:async_hooks';
import type { Clock } from '../clock';
import { KeyedMutex } from '../concurrency/keyed-mutex';
import { type IncidentRow, type Store, StoreConflict } from '../store/store';
import { isTransientConflict, TRANSIENT_ATTEMPTS, transientBackoffMs } from '../store/transient-conflict';
import { CaseSession, StaleRevision } from './case-session';
import { fromEngineError } from './engine-errors';
import { conflict } from './errors';
import type { ExecutorContext } from './executor-context';
import { openIncident } from './incident-recorder';
import { type IncidentSource, type Origin, takeResolution } from './incident-source';

/** How often an event is retried when another writer changed its case meanwhile. */
const ATTEMPTS = 5;
/** How an event transaction describes itself when it fails for a reason the flow does not model. */
export interface EventOptions {
  /** What to re-run on retry; default: the facade command in context (asCommand), else `unknown`. */
  source?: IncidentSource;
  /** Decides the kind of a non-expression failure (default `command`, i.e. `internal`). */
  origin?: Origin;
  /**
   * Runs in the incident's transaction: parks what failed so that it is not picked up again
   * in a loop (a timer row deleted, an outbox row settled).
   */
  park?: (tx: Store, incident: IncidentRow) => Promise<void>;
  /** The incident this run retries: resolved in the same transaction when the run commits. */
  resolves?: { incidentId: string; by: string };
  /**
   * The case the event is for, when known before it runs: this process then runs the events of
   * one case one after another, each after the previous one committed. Met in the database
   * instead, the later one would wait on the earlier one's row locks inside its own group-commit
   * batch (PostgreSQL runs two at once), holding every other event of that batch back, or
   * deadlock with it; and it would read a stale revision and run again anyway.
   */
  caseId?: string;
}

export interface EventTransactions {
  /**
   * Runs `fn` with a fresh CaseSession in one store transaction and commits the session's
   * cases (revision-checked) before the transaction commits. On a stale revision (or a
   * unique-key race) the whole transaction is rolled back and run again from a fresh read, up
   * to 5 times (10, after a pause, for a PostgreSQL deadlock or serialization failure), then 409.
   * Engine refusals become AppErrors (engine-errors.ts). Any other failure (an expression
   * over its budget, a bug) rolls back as well, so the case stays at its node, and opens an
   * incident in a transaction of its own (DESIGN §8); it is answered as a 422 `incident`
   * AppError naming it. `fn` may call `session.commit()` itself to read back committed
   * rows before the transaction ends. What `fn` hands to `session.afterCommit` runs once,
   * after the commit of the run that committed (a nested run's, after the outermost commit).
   */
  run<T>(fn: (session: CaseSession) => Promise<T>, options?: EventOptions): Promise<T>;
}

/** A running event: its current attempt's session (null before the first attempt begins). */
interface EventScope {
  session: CaseSession | null;
}

/**
 * Marks the async context of a running event: a nested run leaves incidents to the outer one,
 * and hands its after-commit hooks to the session it runs inside.
 */
const insideEvent = new AsyncLocalStorage<EventScope>();

/**
 * Event transactions over `store`; `onOutbox` runs after a commit that queued outbox rows,
 * `onCommit` after every commit (the live streams' feed polls its change log then).
 */
export function eventTransactions(
  store: Store,
  clock: Clock,
  ctx: ExecutorContext,
  onOutbox: () => void,
  onCommit: () => void = () => undefined,
): EventTransactions {
  /** Runs the committed session's hooks; one that throws is logged, the event stays committed. */
  function afterCommit(session: CaseSession): void {
    for (const hook of session.committedHooks) {
      try {
        hook();
      } catch (error) {
        ctx.logger.warn({ err: (error as Error).message }, 'after-commit hook of an event failed');
      }
    }
  }

  /**
   * `parent`: the session of the enclosing event when this run is nested; its transaction is
   * the one that commits, so this run's hooks join the parent's.
   */
  async function attempt<T>(
    fn: (session: CaseSession) => Promise<T>,
    resolves: EventOptions['resolves'],
    seen: EventScope,
    parent: CaseSession | null,
  ): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      try {
        // Rerunnable: a rolled-back attempt is run again from a fresh read, as after a stale
        // revision (below), so group commit needs no savepoint for it.
        // The session comes back with the value: the run that committed (group commit may
        // have run `fn` more than once) is the one whose hooks count.
        const { value, session } = await store.transaction(
          async (tx) => {
            const session = new CaseSession(tx, ctx, clock.now());
            seen.session = session;
            const result = await fn(session);
            await session.commit();
            if (resolves)
              await tx.incidents.resolve(resolves.incidentId, resolves.by, 'retried', session.now);
            return { value: result, session };
          },
          { rerunnable: true },
        );
        if (session.outboxQueued) session.afterCommit(onOutbox);
        session.afterCommit(onCommit);
        // A nested run's rows commit with the enclosing event: its hooks, the outbox's and the
        // feed's wake-ups among them (now they would find nothing yet), run after that commit.
        if (parent) for (const hook of session.committedHooks) parent.afterCommit(hook);
        else afterCommit(session);
        return value;
      } catch (error) {
        // A unique-key clash under concurrency (two writers appending the same timeline seq
        // on PostgreSQL) is a lost race too: run the event again from a fresh read.
        const transient = isTransientConflict(error);
        if (error instanceof StaleRevision || error instanceof StoreConflict || transient) {
          if (attempt < (transient ? TRANSIENT_ATTEMPTS : ATTEMPTS)) {
            ctx.logger.debug(
              { attempt, err: (error as Error).message },
              'concurrent writer, retrying the event',
            );
            if (transient) await new Promise((r) => setTimeout(r, transientBackoffMs(attempt)));
            continue;
          }
          throw conflict(`${(error as Error).message}; try again`);
        }
        throw error;
      }
    }
  }

  const oneAtATime = new KeyedMutex();
  return {
    async run<T>(fn: (session: CaseSession) => Promise<T>, options: EventOptions = {}): Promise<T> {
      const enclosing = insideEvent.getStore();
      if (enclosing) {
        // Taken now: should the enclosing attempt be rolled back, these hooks go with it.
        const parent = enclosing.session;
        const scope: EventScope = { session: null };
        return insideEvent.run(scope, () => attempt(fn, options.resolves, scope, parent));
      }
      const resolves = options.resolves ?? (options.source ? undefined : takeResolution());
      const seen: EventScope = { session: null };
      const run = () => insideEvent.run(seen, () => attempt(fn, resolves, seen, null));
      try {
        return await (options.caseId === undefined ? run() : oneAtATime.run(options.caseId, run));
      } catch (error) {
        const mapped = fromEngineError(error);
        const incident = await openIncident({ store, clock, logger: ctx.logger }, mapped, {
          ...options,
          stepping: seen.session?.stepping ?? null,
        });
        throw incident ?? mapped;
      }
    },
  };
}
