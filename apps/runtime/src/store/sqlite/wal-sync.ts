import { type FileHandle, open } from 'node:fs/promises';

/**
 * The durability of SQLite's `synchronous=FULL`, off the event loop. In WAL mode FULL means one
 * thing more than NORMAL: the WAL is synced at every COMMIT, inside better-sqlite3's synchronous
 * call, so the event loop waits for the disk. The store runs NORMAL instead and, before
 * answering anyone of a committed batch, waits for `flush()`: an fdatasync of the WAL file on
 * libuv's thread pool that began after that COMMIT returned. A 2xx therefore survives power
 * loss exactly as under FULL, while the next batch runs during the disk's wait. (Checkpoints
 * sync the WAL and the database file themselves under NORMAL too.)
 *
 * Flushes are coalesced: at most one runs; callers arriving meanwhile share the next one, which
 * starts when it ends, so a flush always covers every commit made before it was asked for.
 */
export class WalSync {
  #current: Promise<void> | null = null;
  #next: Promise<void> | null = null;

  // Kept open: the WAL file lives as long as a connection to the database is open.
  #handle: FileHandle | null = null;
  readonly #sync: () => Promise<void>;

  /** `sync` replaces the fdatasync of `walFile` (tests). */
  constructor(walFile: string, sync?: () => Promise<void>) {
    this.#sync = sync ?? (() => this.#datasync(walFile));
  }

  /** Resolves once everything written to the WAL before this call is on the disk. */
  flush(): Promise<void> {
    if (this.#next) return this.#next;
    if (!this.#current) return this.#start();
    // The flush running may have begun before the caller's write: wait for the one after it.
    const after = this.#current;
    this.#next = after
      .catch(() => {})
      .then(() => {
        this.#next = null;
        return this.#start();
      });
    return this.#next;
  }

  /** Waits for the flushes under way and lets go of the file (before the database closes). */
  async close(): Promise<void> {
    while (this.#next || this.#current) await (this.#next ?? this.#current)?.catch(() => {});
    await this.#handle?.close();
    this.#handle = null;
  }

  async #datasync(file: string): Promise<void> {
    if (!this.#handle) {
      try {
        this.#handle = await open(file, 'r');
      } catch (error) {
        // No WAL yet: nothing was written to sync.
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
        throw error;
      }
    }
    await this.#handle.datasync();
  }

  #start(): Promise<void> {
    const run: Promise<void> = this.#sync().finally(() => {
      if (this.#current === run) this.#current = null;
    });
    this.#current = run;
    return run;
  }
}
