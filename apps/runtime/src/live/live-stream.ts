import type { SSEStreamingApi } from 'hono/streaming';
import type { ChangeRow, Store } from '../store/store';
import type { ChangeFeed } from './change-feed';
import { compareCursors, parseCursor } from './cursor';
import type { StreamFilter } from './stream-filter';

export interface LiveStreamOptions {
  store: Store;
  feed: ChangeFeed;
  filter: StreamFilter;
  /** The client's Last-Event-ID (a change cursor), when it resumes. */
  lastEventId: string | null;
  /**
   * Still allowed to listen? Checked on every heartbeat: false when the session ended (revoked,
   * user deactivated), `access-changed` when the stream must be opened again for a new filter.
   */
  stillAllowed: () => Promise<boolean | 'access-changed'>;
  heartbeatMs?: number;
  /** Changes a resume may replay; further behind, the client is told to reload (`reset`). */
  backlogLimit?: number;
  /** Events written but not yet taken by a slow client before the stream is dropped. */
  maxPending?: number;
  /** The time of an event's `at`, as ISO. */
  iso: (ms: number) => string;
}

/**
 * Serves one server-sent-events stream until the client goes or its access ends. Events:
 * `change` with `id: <cursor>` and `{caseId, kinds, at}` (the client reads what changed through
 * the access-checked routes, so an event carries no case data); `reset` when changes since the
 * client's Last-Event-ID are no longer all known (read everything again); `end` when access
 * ended. A `: ping` comment every heartbeat keeps proxies from closing an idle stream.
 *
 * Order and completeness: the stream listens to the feed first (buffering), then replays the
 * log after Last-Event-ID (or starts at the head), then passes on buffered and live changes
 * after the last one sent, so nothing is lost or repeated between the replay and the feed.
 * When more changes reach the feed during the start than it buffers, the stream says `reset`.
 */
export async function serveLiveStream(stream: SSEStreamingApi, options: LiveStreamOptions): Promise<void> {
  const { store, feed, filter } = options;
  const backlogLimit = options.backlogLimit ?? 1000;
  const maxPending = options.maxPending ?? 500;
  let sent: string | null = null;
  let buffered: ChangeRow[] | null = [];
  /** The cursor of the last change the start buffer let go (it holds `backlogLimit`). */
  let dropped: string | null = null;
  let pending = 0;
  let finish: () => void = () => undefined;
  const finished = new Promise<void>((resolve) => {
    finish = resolve;
  });
  stream.onAbort(() => finish());

  const write = (message: { event: string; data: string; id?: string }) => {
    if (pending >= maxPending) {
      // The client does not read: drop it; it resumes from its Last-Event-ID.
      finish();
      return;
    }
    pending++;
    stream
      .writeSSE(message)
      .catch(() => finish())
      .finally(() => {
        pending--;
      });
  };
  const send = (rows: readonly ChangeRow[]) => {
    for (const row of rows) {
      if (sent !== null && compareCursors(row.cursor, sent) <= 0) continue;
      sent = row.cursor;
      const kinds = filter(row);
      if (!kinds) continue;
      write({
        event: 'change',
        id: row.cursor,
        data: JSON.stringify({ caseId: row.caseId, kinds, at: options.iso(row.at) }),
      });
    }
  };

  const unlisten = await feed.listen({
    deliver(rows) {
      if (buffered) {
        buffered.push(...rows);
        const over = buffered.length - backlogLimit;
        if (over > 0) {
          dropped = buffered[over - 1]!.cursor;
          buffered = buffered.slice(over);
        }
      } else send(rows);
    },
  });
  const heartbeat = setInterval(() => {
    options
      .stillAllowed()
      .then((ok) => {
        if (ok === true) void stream.write(': ping\n\n').catch(() => finish());
        else {
          write({ event: 'end', data: JSON.stringify({ reason: ok ? 'access changed' : 'signed out' }) });
          finish();
        }
      })
      .catch(() => undefined);
  }, options.heartbeatMs ?? 15_000);
  try {
    await stream.write('retry: 1000\n\n');
    const resumeFrom = parseCursor(options.lastEventId) ? options.lastEventId : null;
    if (resumeFrom) {
      const oldest = await store.changes.oldest();
      const backlog = await store.changes.after(resumeFrom, backlogLimit + 1);
      if (backlog.length > backlogLimit || (oldest !== null && compareCursors(oldest, resumeFrom) > 0)) {
        write({ event: 'reset', data: '{"reason":"too far behind"}' });
        sent = await store.changes.head();
      } else {
        sent = resumeFrom;
        send(backlog);
      }
    } else {
      if (options.lastEventId) write({ event: 'reset', data: '{"reason":"unknown Last-Event-ID"}' });
      sent = await store.changes.head();
    }
    const held = buffered ?? [];
    buffered = null;
    if (dropped !== null && sent !== null && compareCursors(dropped, sent) > 0) {
      // More changes came during the start than the buffer holds: some after `sent` are gone.
      write({ event: 'reset', data: '{"reason":"too far behind"}' });
      sent = dropped;
    }
    send(held);
    write({ event: 'ready', data: JSON.stringify({ cursor: sent }) });
    await finished;
  } finally {
    clearInterval(heartbeat);
    unlisten();
  }
}
