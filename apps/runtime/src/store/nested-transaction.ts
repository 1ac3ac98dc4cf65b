/** An open transaction (or savepoint) as an async context sees it. */
export interface TxScope {
  /** False once the transaction or savepoint has ended; calls then leave it. */
  open: boolean;
  /** Savepoint names handed out in the whole top-level transaction (shared by every level). */
  readonly names: { next: number };
  /** The last nested transaction started on this level; the next one waits for it. */
  queue: Promise<unknown>;
}

/** The dialect's savepoint statements. */
export interface SavepointCommands {
  savepoint(name: string): Promise<unknown> | unknown;
  release(name: string): Promise<unknown> | unknown;
  /** Undoes the savepoint's writes; the enclosing transaction stays usable. */
  rollbackTo(name: string): Promise<unknown> | unknown;
}

/** A scope for a new top-level transaction. */
export function topScope<S extends object>(fields: S): S & TxScope {
  return { ...fields, open: true, names: { next: 0 }, queue: Promise.resolve() };
}

/**
 * Runs `body` as a nested transaction of `outer`: a savepoint that commits with the outer
 * transaction, or rolls back alone when `body` throws.
 *
 * Nested transactions started side by side on one level (timers of several cases fired with
 * `Promise.all` inside a caller's transaction, say) run one after another: savepoints on one
 * connection are a stack, and interleaving them would release or roll back a sibling's work.
 * `body` gets a scope of its own, so that transactions nested inside it queue there and do not
 * wait for their parent.
 */
export function nestedTransaction<S extends TxScope, T>(
  outer: S,
  commands: SavepointCommands,
  body: (inner: S) => Promise<T>,
): Promise<T> {
  const turn = outer.queue.then(async () => {
    const name = `sp${++outer.names.next}`;
    await commands.savepoint(name);
    const inner: S = { ...outer, open: true, queue: Promise.resolve() };
    try {
      const result = await body(inner);
      await commands.release(name);
      return result;
    } catch (err) {
      await commands.rollbackTo(name);
      throw err;
    } finally {
      inner.open = false;
    }
  });
  outer.queue = turn.catch(() => undefined);
  return turn;
}
