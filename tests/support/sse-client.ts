/** One server-sent event as a client reads it. */
export interface SseEvent {
  event: string;
  id: string | null;
  data: string;
}

export interface SseStream {
  readonly status: number;
  /** Every event read so far, in order. */
  readonly events: SseEvent[];
  /** The id of the last event that carried one (what EventSource sends as Last-Event-ID). */
  readonly lastEventId: string | null;
  /** Resolves with the first event (already read or coming) that `match` accepts; throws after `timeoutMs`. */
  next(match: (e: SseEvent) => boolean, what: string, timeoutMs?: number): Promise<SseEvent>;
  /** The answer's JSON body when the stream was refused (status ≠ 200). */
  readonly body: unknown;
  close(): void;
}

/**
 * Opens `url` as an event stream with fetch and parses it as EventSource does (event, id, data
 * lines; comments ignored), so tests see exactly what a browser would get.
 */
export async function openSse(url: string, headers: Record<string, string> = {}): Promise<SseStream> {
  const abort = new AbortController();
  const res = await fetch(url, {
    headers: { accept: 'text/event-stream', ...headers },
    signal: abort.signal,
  });
  const events: SseEvent[] = [];
  let lastEventId: string | null = null;
  const waiters = new Set<() => void>();
  let body: unknown = null;
  if (res.status !== 200) {
    const text = await res.text();
    try {
      body = JSON.parse(text);
    } catch {
      body = text;
    }
  } else {
    void (async () => {
      const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader();
      let buffer = '';
      try {
        for (;;) {
          const { value, done } = await reader.read();
          if (done) break;
          buffer += value;
          let end = buffer.indexOf('\n\n');
          while (end >= 0) {
            const block = buffer.slice(0, end);
            buffer = buffer.slice(end + 2);
            const e: SseEvent = { event: 'message', id: null, data: '' };
            const data: string[] = [];
            let any = false;
            for (const line of block.split('\n')) {
              if (line.startsWith(':') || line === '') continue;
              const colon = line.indexOf(':');
              const field = colon < 0 ? line : line.slice(0, colon);
              const val = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
              if (field === 'event') e.event = val;
              else if (field === 'data') data.push(val);
              else if (field === 'id') e.id = val;
              else continue;
              any = true;
            }
            if (any && (data.length > 0 || e.id !== null)) {
              e.data = data.join('\n');
              if (e.id !== null) lastEventId = e.id;
              events.push(e);
              for (const w of waiters) w();
            }
            end = buffer.indexOf('\n\n');
          }
        }
      } catch {
        // aborted
      }
    })();
  }
  return {
    status: res.status,
    events,
    body,
    get lastEventId() {
      return lastEventId;
    },
    next(match, what, timeoutMs = 5000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const found = events.find(match);
          if (found) {
            waiters.delete(check);
            clearTimeout(timer);
            resolve(found);
          }
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`timed out waiting for ${what}; events: ${JSON.stringify(events)}`));
        }, timeoutMs);
        waiters.add(check);
        check();
      });
    },
    close() {
      abort.abort();
    },
  };
}
