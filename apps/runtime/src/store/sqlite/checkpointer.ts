import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

/** How often the background connection copies the WAL into the database file. */
const EVERY_MS = 250;

/*
 * Runs in the worker thread: its own connection to the database, a PASSIVE checkpoint every
 * EVERY_MS (it never waits for or blocks a writer; one with nothing to copy costs a look at the
 * WAL index), closed on 'stop'. CommonJS, because the code is given to the Worker as text.
 */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.file, { fileMustExist: true });
db.pragma('busy_timeout = 1000');
const timer = setInterval(() => {
  try {
    db.pragma('wal_checkpoint(PASSIVE)');
  } catch (error) {
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
    this.#worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { file, driver, everyMs: EVERY_MS } });
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
