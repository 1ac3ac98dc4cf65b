import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type Database from 'better-sqlite3';

/** Tuning of the background checkpoints (tests make them small and frequent). */
export interface CheckpointOptions {
  /** Default MAX_WAL_BYTES. */
  maxWalBytes?: number;
  /** Milliseconds between the worker's checkpoints (default 250). */
  everyMs?: number;
}

/** A row of `pragma wal_checkpoint`: frames in the WAL and frames copied, -1 when not in WAL mode. */
interface CheckpointResult {
  busy: number;
  log: number;
  checkpointed: number;
}

/** How often the background connection copies the WAL into the database file. */
const EVERY_MS = 250;
/** Past this size the WAL is started over (from its first byte) as soon as it can be. */
export const MAX_WAL_BYTES = 64 * 1024 * 1024;
/**
 * Frames the worker may have left to copy for the writer to finish its checkpoint between two
 * transactions (4 MiB of 4 KiB pages: a few milliseconds on the event loop).
 */
const MAX_BEHIND_FRAMES = 1024;

/*
 * Runs in the worker thread: its own connection to the database, a PASSIVE checkpoint every
 * EVERY_MS (it never waits for or blocks a writer; one with nothing to copy costs a look at the
 * WAL index), closed on 'stop'. Past MAX_WAL_BYTES it tells the writer how far it got.
 * CommonJS, because the code is given to the Worker as text.
 */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.file, { fileMustExist: true });
const walSize = () => {
  try {
    return require('node:fs').statSync(workerData.file + '-wal').size;
  } catch {
    return 0;
  }
};
const timer = setInterval(() => {
  try {
    const [result] = db.pragma('wal_checkpoint(PASSIVE)');
    if (walSize() > workerData.maxWalBytes && result && result.log >= 0) {
      parentPort.postMessage({ behind: result.log - result.checkpointed });
    }
  } catch (error) {
    if (error && error.code === 'SQLITE_BUSY') return; // another checkpoint ran: next time
    parentPort.postMessage({ failed: String((error && error.message) || error) });
  }
}, workerData.everyMs);
parentPort.on('message', (message) => {
  if (message !== 'stop') return;
  clearInterval(timer);
  db.close();
  parentPort.close();
});
`;

/**
 * Checkpoints a WAL database from a worker thread. When the writing connection checkpoints
 * itself (SQLite's default, every 1,000 pages), the COMMIT that crosses the mark copies the WAL
 * into the database file and syncs both, synchronously, on the event loop: every request waits
 * for those writes and syncs (a quarter of the signal throughput over HTTP). With this the
 * writing connection runs `wal_autocheckpoint = 0` and a second connection in a worker copies
 * and syncs instead, concurrently with the writes. If the worker fails, `onFailure` runs (the
 * store turns auto-checkpoints back on).
 *
 * The WAL starts over from its first byte only when a write transaction begins with every frame
 * copied, which a checkpoint running beside writes that never pause does not achieve: the WAL
 * would grow without end. A TRUNCATE checkpoint from the worker stopped the writer instead, its
 * BEGIN sleeping on the event loop in SQLite's busy handler for up to 70 ms while the worker
 * copied and synced. Now, once the WAL is past MAX_WAL_BYTES and the worker is nearly done, the
 * writer copies the last frames itself between two transactions (`restartIfDue`), so its next
 * transaction starts the WAL over, and `journal_size_limit` cuts the file back.
 */
export class BackgroundCheckpointer {
  readonly #worker: Worker;
  readonly #onFailure: (reason: string) => void;
  #stopped = false;
  #restartDue = false;
  /** The WAL's size past which it starts over; the writer cuts its file back to it then. */
  readonly maxWalBytes: number;

  constructor(file: string, onFailure: (reason: string) => void, options: CheckpointOptions = {}) {
    this.#onFailure = onFailure;
    this.maxWalBytes = options.maxWalBytes ?? MAX_WAL_BYTES;
    const driver = createRequire(import.meta.url).resolve('better-sqlite3');
    this.#worker = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: { file, driver, everyMs: options.everyMs ?? EVERY_MS, maxWalBytes: this.maxWalBytes },
    });
    this.#worker.unref();
    this.#worker.on('message', (message: { failed?: string; behind?: number }) => {
      if (message.failed) onFailure(message.failed);
      if (message.behind !== undefined) this.#restartDue = message.behind <= MAX_BEHIND_FRAMES;
    });
    this.#worker.on('error', (error) => onFailure(error.message));
    this.#worker.on('exit', (code) => {
      if (!this.#stopped) onFailure(`checkpoint worker exited with ${code}`);
    });
  }

  /**
   * On the writing connection, outside any transaction: copies what the worker has not yet
   * copied when the WAL is due to start over (see the class), so that the next write
   * transaction starts it over.
   */
  restartIfDue(writer: Database.Database): void {
    if (!this.#restartDue || writer.inTransaction) return;
    try {
      const [result] = writer.pragma('wal_checkpoint(PASSIVE)') as CheckpointResult[];
      // Busy: the worker is checkpointing; the next transaction boundary tries again.
      if (result && result.busy === 0 && result.log === result.checkpointed) this.#restartDue = false;
    } catch (error) {
      this.#restartDue = false;
      this.#onFailure(error instanceof Error ? error.message : String(error));
    }
  }

  /** Stops the worker and closes its connection (before the writing connection closes). */
  async stop(): Promise<void> {
    if (this.#stopped) return;
    this.#stopped = true;
    const exited = new Promise<void>((resolve) => this.#worker.once('exit', () => resolve()));
    this.#worker.postMessage('stop');
    const timer = setTimeout(() => void this.#worker.terminate(), 5000);
    await exited;
    clearTimeout(timer);
  }
}
