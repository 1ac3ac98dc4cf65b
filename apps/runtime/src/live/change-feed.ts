import type { Logger } from '../logger';
import type { ChangeRow, Store } from '../store/store';
import { compareCursors } from './cursor';

/** A stream listening to the feed: gets every committed change in cursor order. */
export interface FeedListener {
  deliver(changes: readonly ChangeRow[]): void;
}

export interface ChangeFeedOptions {
  store: Store;
  logger: Logger;
  /** The runtime's clock (change rows carry its time). */
  now: () => number;
  /** Polling interval while someone listens (catches other processes' commits). Default 250 ms. */
  pollMs?: number;
  /** How long changes are kept for resuming streams. Default 1 hour. */
  retentionMs?: number;
  /** Rows read per poll. Default 500. */
  batch?: number;
}

/** The one reader of the change log in a process, fanning out to its streams. */
export interface ChangeFeed {
  /** Adds a listener (starting the poller when it is the first); answers its removal. */
  listen(listener: FeedListener): Promise<() => void>;
  /** A commit happened in this process: poll now rather than at the next tick (and purge when due). */
  wake(): void;
  /** Listeners now. */
  readonly size: number;
  close(): Promise<void>;
}

/** How often old changes are purged: on a poll, or on a local commit while nobody listens. */
const PURGE_EVERY_MS = 600_000;

/**
 * Polls store.changes (a table every runtime process on the database writes in its case
 * transactions) while at least one stream listens, from the head at the time the first listener
 * came. Local commits wake it at once; other processes' commits are seen within `pollMs`.
 * Holds only its cursor and its listeners. Old changes are purged every ten minutes, also
 * while no stream listens (case writes append to the log regardless), on a local commit.
 */
export function createChangeFeed(options: ChangeFeedOptions): ChangeFeed {
  const { store, logger } = options;
  const pollMs = options.pollMs ?? 250;
  const retentionMs = options.retentionMs ?? 3_600_000;
  const batch = options.batch ?? 500;
  const listeners = new Set<FeedListener>();
  let cursor: string | null = null;
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<void> | null = null;
  let again = false;
  let lastPurge = 0;
  let closed = false;

  async function pollOnce(): Promise<void> {
    if (cursor !== null) await readNew();
    const now = options.now();
    if (now - lastPurge > PURGE_EVERY_MS) {
      lastPurge = now;
      await store.changes.purge(now - retentionMs);
    }
  }

  async function readNew(): Promise<void> {
    for (;;) {
      const from = cursor;
      const rows = await store.changes.after(from, batch);
      // The last listener left meanwhile (the cursor was dropped, or set again by a new first
      // listener): these rows are nobody's, and keeping their cursor would replay them later.
      if (cursor !== from || rows.length === 0) break;
      cursor = rows[rows.length - 1]!.cursor;
      for (const listener of listeners) {
        try {
          listener.deliver(rows);
        } catch (err) {
          logger.warn({ err: (err as Error).message }, 'a live stream failed to take changes');
        }
      }
      if (rows.length < batch) break;
    }
  }

  function poll(): void {
    if (closed) return;
    if (running) {
      again = true;
      return;
    }
    running = pollOnce()
      .catch((err: unknown) => logger.warn({ err: (err as Error).message }, 'change feed poll failed'))
      .finally(() => {
        running = null;
        if (again && listeners.size > 0 && !closed) {
          again = false;
          poll();
        }
      });
  }

  function schedule(): void {
    if (timer || closed) return;
    timer = setInterval(poll, pollMs);
    timer.unref();
  }

  return {
    async listen(listener) {
      listeners.add(listener);
      if (cursor === null) {
        const head = await store.changes.head();
        // Another listen may have set it meanwhile: keep the earlier of the two.
        if (cursor === null || compareCursors(head, cursor) < 0) cursor = head;
      }
      schedule();
      return () => {
        listeners.delete(listener);
        if (listeners.size === 0 && timer) {
          clearInterval(timer);
          timer = null;
          // The next first listener starts from the head then.
          cursor = null;
        }
      };
    },
    wake() {
      // Without listeners there is nothing to read, but the commit may be due a purge.
      poll();
    },
    get size() {
      return listeners.size;
    },
    async close() {
      closed = true;
      if (timer) clearInterval(timer);
      timer = null;
      listeners.clear();
      await running;
    },
  };
}
