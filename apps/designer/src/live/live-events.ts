/**
 * A live stream of the runtime (DESIGN §10) that survives network drops: asks for a short-lived
 * stream ticket (the session token never goes in a URL), opens an EventSource, and when the
 * connection fails for good (EventSource gives up on a 401 once the ticket expired, or the
 * server went away) opens a new one with a fresh ticket after a growing delay, passing the last
 * event id so the server replays what was missed. Plain TypeScript; useLiveEvents wraps it.
 */
export interface LiveEventsOptions {
  /** `/api/cases/<id>/events` or `/api/events`. */
  path: string;
  ticket: () => Promise<string>;
  /** Something changed (or may have: `reset`, a reconnect): read again. */
  onChange: (kinds: string[]) => void;
  /** For tests: the EventSource constructor. */
  EventSourceImpl?: typeof EventSource;
  /** Delays before reconnecting, ms (the last one repeats). */
  backoff?: number[];
}

export interface LiveEvents {
  close(): void;
}

export function openLiveEvents(options: LiveEventsOptions): LiveEvents {
  const Impl = options.EventSourceImpl ?? globalThis.EventSource;
  const backoff = options.backoff ?? [500, 1000, 2000, 5000, 10000];
  let source: EventSource | null = null;
  let lastId: string | null = null;
  let attempt = 0;
  let closed = false;
  let timer: ReturnType<typeof setTimeout> | null = null;

  const connect = async () => {
    if (closed || !Impl) return;
    let ticket: string;
    try {
      ticket = await options.ticket();
    } catch {
      return retry();
    }
    if (closed) return;
    const query = new URLSearchParams({ ticket });
    if (lastId) query.set('lastEventId', lastId);
    const es = new Impl(`${options.path}?${query}`);
    source = es;
    es.addEventListener('change', (e) => {
      const event = e as MessageEvent<string>;
      if (event.lastEventId) lastId = event.lastEventId;
      let kinds: string[] = [];
      try {
        kinds = (JSON.parse(event.data) as { kinds?: string[] }).kinds ?? [];
      } catch {
        // a change without a readable body still means "read again"
      }
      options.onChange(kinds);
    });
    es.addEventListener('reset', () => options.onChange([]));
    es.addEventListener('ready', () => {
      // After a reconnect something may have changed while the page was cut off.
      if (attempt > 0) options.onChange([]);
      attempt = 0;
    });
    es.addEventListener('end', (e) => {
      es.close();
      source = null;
      // The user's groups or roles changed: a new ticket opens the stream with their new filter.
      if ((e as MessageEvent<string>).data?.includes('access changed')) retry();
    });
    es.onerror = () => {
      // CONNECTING: the browser retries by itself (within the ticket's minute). CLOSED: it gave up.
      if (es.readyState === 2) {
        es.close();
        source = null;
        retry();
      }
    };
  };
  const retry = () => {
    if (closed) return;
    const delay = backoff[Math.min(attempt, backoff.length - 1)]!;
    attempt++;
    timer = setTimeout(() => void connect(), delay);
  };
  void connect();
  return {
    close() {
      closed = true;
      if (timer) clearTimeout(timer);
      source?.close();
      source = null;
    },
  };
}
