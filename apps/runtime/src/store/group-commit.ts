import { AsyncResource } from 'node:async_hooks';

/** A connection as the group committer drives it: plain SQL commands without results. */
export interface GroupConnection {
  /** Runs one command (begin, commit, savepoint …); rejects or throws when the database refuses it. */
  exec(sql: string): Promise<void> | void;
  /**
   * False when the database ended the transaction on its own after an error (SQLite does on
   * SQLITE_FULL, I/O errors and the like); the batch is then lost as a whole.
   */
  inTransaction(): boolean;
  /**
   * A number that moves whenever the open transaction may have changed something or can no
   * longer go on (SQLite: rows changed; PostgreSQL: a statement other than a read ran, or one
   * failed and so aborted the transaction). With it, rerunnable transactions run without
   * savepoints: one that fails without moving it leaves nothing to undo; one that moves it has
   * the batch rolled back, and those that had succeeded before it run again with savepoints.
   */
  writeMark?(): number;
}

/** How the group committer reaches the database. */
export interface GroupCommitOptions<C extends GroupConnection> {
  /**
   * Runs `work` with exclusive use of one connection (SQLite: under the store's mutex;
   * PostgreSQL: a pooled client, destroyed when `work` rejects).
   */
  withConnection<T>(work: (conn: C) => Promise<T>): Promise<T>;
  /** The statement that opens a write transaction (`begin immediate` on SQLite). */
  begin: string;
  /** Batches that may run at once, each on its own connection (1 on SQLite's one connection). */
  lanes: number;
  /** Most transactions committed together (PostgreSQL slows down past 64 subtransactions). */
  maxBatch: number;
  /**
   * Makes what the batch's COMMIT wrote durable, after the connection is given back (SQLite:
   * the WAL's fdatasync on libuv's thread pool, so the next batch runs during the disk's
   * wait). Nobody of the batch is answered before it resolves; when it rejects, all fail.
   */
  durable?: () => Promise<void>;
  /**
   * Releases each transaction's savepoint once it succeeded (SQLite: the sub-journal holding the
   * pages' prior contents is emptied when no savepoint is open, instead of growing with every
   * member of the batch). Off on PostgreSQL, where a RELEASE is one more round trip.
   */
  release?: boolean;
}

interface Member<C> {
  fn: (conn: C) => Promise<unknown>;
  /** `fn` may run again from the start after its first run was rolled back (see run). */
  rerunnable: boolean;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

type Outcome<C> =
  | { member: Member<C>; ok: true; value: unknown }
  | { member: Member<C>; ok: false; error: unknown };

/**
 * Group commit: transactions that arrive together run one after another in ONE database
 * transaction and are committed by one COMMIT (one fsync), each inside a savepoint of its own,
 * so a transaction that fails rolls back alone while the others of its batch commit.
 *
 * Every caller is answered only after the COMMIT that holds its transaction has returned and
 * what it wrote is durable (a failed one too: it may have read what the batch wrote before it);
 * if the COMMIT fails, every transaction of the batch fails with that error. Order is first
 * come, first served: a transaction sees everything committed or batched before it. A batch
 * starts on the next `setImmediate`, so that every request whose bytes arrived in the same turn
 * of the event loop joins it; it also takes transactions queued while it runs, up to `maxBatch`.
 * The first transaction of a batch runs without a savepoint (when it fails, the transaction is
 * rolled back and a new one begun); each later one costs one SAVEPOINT — unless
 * the connection has a `writeMark` and the transaction is `rerunnable`: those run bare while
 * every transaction before them in the batch did too. One that fails without moving the mark (a
 * refusal or a lost race is found by the reads, before any write) is simply answered; one that
 * fails after writing keeps its error, the batch is rolled back and those that had succeeded
 * before it run again, in savepoints from then on. (A savepoint costs a round trip on
 * PostgreSQL and copies every page it changes on SQLite.)
 */
export class GroupCommit<C extends GroupConnection> {
  readonly #queue: Member<C>[] = [];
  #running = 0;
  #scheduled = false;

  constructor(private readonly options: GroupCommitOptions<C>) {}

  /**
   * Runs `fn` in a batch's transaction; answers its value after the batch committed. With
   * `rerunnable` (an event transaction, which is retried from a fresh read anyway) `fn` may be
   * run a second time after its first run was rolled back with its batch, and so needs no
   * savepoint of its own.
   */
  run<T>(fn: (conn: C) => Promise<T>, options: { rerunnable?: boolean } = {}): Promise<T> {
    // Run in the caller's async context (its AsyncLocalStorage values: an event marks its
    // nested calls), not in that of whichever caller happened to schedule the batch. (An
    // AsyncResource run directly: on Node 20 `AsyncLocalStorage.bind` and `.snapshot` go
    // through `AsyncResource.bind`, which makes two deprecated accessors per call.)
    const callerContext = new AsyncResource('caseflow.transaction');
    const bound = (conn: C) => callerContext.runInAsyncScope(fn, undefined, conn);
    return new Promise<T>((resolve, reject) => {
      this.#queue.push({
        fn: bound,
        rerunnable: options.rerunnable === true,
        resolve: resolve as (value: unknown) => void,
        reject,
      });
      this.#schedule();
    });
  }

  /** Transactions waiting for a batch (for tests and diagnostics). */
  get waiting(): number {
    return this.#queue.length;
  }

  #schedule(): void {
    if (this.#scheduled || this.#running >= this.options.lanes || this.#queue.length === 0) return;
    this.#scheduled = true;
    setImmediate(() => {
      this.#scheduled = false;
      while (this.#running < this.options.lanes && this.#queue.length > 0) {
        this.#running++;
        let started = false;
        const committed = this.options.withConnection((conn) => {
          started = true;
          return this.#batch(conn);
        });
        committed
          .catch((error: unknown) => {
            // No connection (the server is down): the transactions waiting fail as each
            // would have failed on its own, instead of waiting for one.
            if (!started) for (const m of this.#queue.splice(0, this.options.maxBatch)) m.reject(error);
          })
          .finally(() => {
            this.#running--;
            this.#schedule();
          });
        committed.then(
          (outcomes) => this.#answer(outcomes),
          () => {}, // #batch failed its members itself
        );
      }
    });
  }

  /** Answers a committed batch, once what it wrote is durable. */
  #answer(outcomes: Outcome<C>[]): void {
    if (!this.options.durable) {
      settle(outcomes);
      return;
    }
    this.options.durable().then(
      () => settle(outcomes),
      (error: unknown) => {
        for (const o of outcomes) o.member.reject(o.ok ? error : o.error);
      },
    );
  }

  /** Runs one batch on `conn`: transactions from the queue until it is empty or the batch is full. */
  async #batch(conn: C): Promise<Outcome<C>[]> {
    // Answered with the batch: refused a BEGIN, failed, or succeeded in the open transaction.
    let outcomes: Outcome<C>[] = [];
    // Members of a rolled-back bare run that succeeded: they run again first.
    const replay: Member<C>[] = [];
    const next = () => replay.shift() ?? this.#queue.shift()!;
    // Bare runs are possible at all (once a bare run had to be rolled back, the rest of the
    // batch goes with savepoints), and every member of the open transaction so far ran bare.
    let bareAllowed = conn.writeMark !== undefined;
    let bare = false;
    let open = false;
    let taken = 0;
    // Taken, not yet among the outcomes (settled by the catch below if need be).
    let current: Member<C> | null = null;
    try {
      while ((replay.length > 0 || this.#queue.length > 0) && taken < this.options.maxBatch) {
        const member = next();
        current = member;
        taken++;
        if (!open) {
          try {
            await conn.exec(this.options.begin);
          } catch (error) {
            // Not begun (another process held the write lock past the busy timeout…): only
            // this transaction is refused, as it was when each had its own.
            outcomes.push({ member, ok: false, error });
            current = null;
            continue;
          }
          open = true;
          bare = bareAllowed;
        }
        if (bare && member.rerunnable) {
          const mark = conn.writeMark!();
          try {
            outcomes.push({ member, ok: true, value: await member.fn(conn) });
            current = null;
            continue;
          } catch (error) {
            outcomes.push({ member, ok: false, error });
            current = null;
            if (conn.inTransaction() && conn.writeMark!() === mark) continue;
            // Its writes are to be undone, and only a rollback can: the members that succeeded
            // before it in this transaction (all rerunnable) run again in a new one.
            if (conn.inTransaction()) await conn.exec('rollback');
            open = false;
            bareAllowed = false;
            replay.unshift(...takeSucceeded(outcomes));
            taken -= replay.length;
            continue;
          }
        }
        bare = false;
        // Nothing succeeded in this transaction yet: a failure may roll all of it back.
        if (!outcomes.some((o) => o.ok)) {
          outcomes.push(await this.#first(conn, member));
          current = null;
          if (!conn.inTransaction()) open = false;
          continue;
        }
        // Unless `release`, never released: COMMIT keeps what every savepoint holds, and
        // rolling back to one leaves the earlier ones alone.
        const name = `gc${taken}`;
        await conn.exec(`savepoint ${name}`);
        try {
          const value = await member.fn(conn);
          if (this.options.release) await conn.exec(`release savepoint ${name}`);
          outcomes.push({ member, ok: true, value });
          current = null;
        } catch (error) {
          if (!conn.inTransaction()) {
            // The database dropped the whole transaction: nothing of this batch commits.
            outcomes = outcomes.map((o) => (o.ok ? { member: o.member, ok: false, error } : o));
            outcomes.push({ member, ok: false, error });
            current = null;
            open = false;
            continue;
          }
          await conn.exec(`rollback to savepoint ${name}`);
          await conn.exec(`release savepoint ${name}`);
          outcomes.push({ member, ok: false, error });
          current = null;
        }
      }
      if (open) await conn.exec('commit');
      open = false;
      return outcomes;
    } catch (error) {
      // A savepoint, ROLLBACK or COMMIT failed, or the connection broke: nothing of the batch
      // committed.
      for (const o of outcomes) o.member.reject(o.ok ? error : o.error);
      current?.reject(error);
      for (const m of replay) m.reject(error);
      if (open && conn.inTransaction()) await conn.exec('rollback');
      throw error;
    }
  }

  /** The first transaction of a batch: no savepoint; on failure the whole transaction rolls back. */
  async #first(conn: C, member: Member<C>): Promise<Outcome<C>> {
    try {
      return { member, ok: true, value: await member.fn(conn) };
    } catch (error) {
      if (conn.inTransaction()) await conn.exec('rollback');
      return { member, ok: false, error };
    }
  }
}

/** Removes the succeeded members (of a transaction just rolled back) from `outcomes`. */
function takeSucceeded<C>(outcomes: Outcome<C>[]): Member<C>[] {
  const succeeded = outcomes.filter((o) => o.ok).map((o) => o.member);
  outcomes.splice(0, outcomes.length, ...outcomes.filter((o) => !o.ok));
  return succeeded;
}

function settle<C>(outcomes: Outcome<C>[]): void {
  for (const o of outcomes) {
    if (o.ok) o.member.resolve(o.value);
    else o.member.reject(o.error);
  }
}
