/**
 * A FIFO async mutex: `run(fn)` starts `fn` after every earlier `run` has settled and answers
 * its result. Used by the SQLite side, whose single connection must not interleave a
 * transaction with other calls while the transaction awaits.
 */
export class Mutex {
  private tail: Promise<unknown> = Promise.resolve();

  /** Runs `fn` exclusively; a rejection is passed to the caller and does not block the queue. */
  run<T>(fn: () => T | Promise<T>): Promise<T> {
    const result = this.tail.then(fn);
    this.tail = result.then(ignore, ignore);
    return result;
  }
}

function ignore(): void {}
