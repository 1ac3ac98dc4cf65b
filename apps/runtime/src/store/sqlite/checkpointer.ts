import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

/** How often the background connection copies the WAL into the database file. */
const EVERY_MS = 250;
/** A WAL larger than this is checkpointed and truncated even if the writer must wait. */
const MAX_WAL_BYTES = 64 * 1024 * 1024;

/*
 * Runs in the worker thread: its own connection to the database, a PASSIVE checkpoint every
 * EVERY_MS (it never waits for or blocks a writer; one with nothing to copy costs a look at the
 * WAL index), a TRUNCATE one past MAX_WAL_BYTES, closed on 'stop'. CommonJS, because the
 * code is given to the Worker as text.
 */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.file, { fileMustExist: true });
db.pragma('busy_timeout = 1000');
const walSize = () => {
  try {
    return require('node:fs').statSync(workerData.file + '-wal').size;
  } catch {
    return 0;
  }
};
const timer = setInterval(() => {
  try {
    // Under writes that never pause, a PASSIVE checkpoint may never catch up with the last
    // frame, and the WAL only starts over once one has: past the mark, one that waits for
    // the writer (its busy timeout) and truncates the file.
    if (walSize() > workerData.maxWalBytes) db.pragma('wal_checkpoint(TRUNCATE)');
    else db.pragma('wal_checkpoint(PASSIVE)');
  } catch (error) {
    if (error && error.code === 'SQLITE_BUSY') return; // the writer held on: next time
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
 */
export class BackgroundCheckpointer {
  readonly #worker: Worker;
  #stopped = false;

  constructor(file: string, onFailure: (reason: string) => void) {
    const driver = createRequire(import.meta.url).resolve('better-sqlite3');
    this.#worker = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: { file, driver, everyMs: EVERY_MS, maxWalBytes: MAX_WAL_BYTES },
    });
    this.#worker.unref();
    this.#worker.on('message', (message: { failed?: string }) => {
      if (message.failed) onFailure(message.failed);
    });
    this.#worker.on('error', (error) => onFailure(error.message));
    this.#worker.on('exit', (code) => {
      if (!this.#stopped) onFailure(`checkpoint worker exited with ${code}`);
    });
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
