import type { SSEStreamingApi } from 'hono/streaming';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { openSqliteStore } from '../store/sqlite/sqlite-store';
import type { ChangeRow, NewChange, Store } from '../store/store';
import type { ChangeFeed, FeedListener } from './change-feed';
import { serveLiveStream } from './live-stream';

const change = (caseId: string): NewChange => ({
  caseId,
  customerId: null,
  topLevel: true,
  kinds: ['case'],
  publicKinds: [],
  groups: [],
  users: [],
  at: 0,
});

/** What a client reads of a stream, and a way to hang up. */
function client() {
  const events: { event: string; data: string; id?: string }[] = [];
  let abort: () => void = () => undefined;
  const stream = {
    writeSSE: async (message: { event: string; data: string; id?: string }) => {
      events.push(message);
    },
    write: async () => stream,
    onAbort: (fn: () => void) => {
      abort = fn;
    },
  };
  return { stream: stream as unknown as SSEStreamingApi, events, hangUp: () => abort() };
}

/** A feed whose deliveries the test makes (the real one polls on a timer). */
function handFeed(): ChangeFeed & { deliver(rows: ChangeRow[]): void } {
  const listeners = new Set<FeedListener>();
  return {
    async listen(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    wake: () => undefined,
    get size() {
      return listeners.size;
    },
    async close() {},
    deliver(rows) {
      for (const l of listeners) l.deliver(rows);
    },
  };
}

describe('live stream', () => {
  let store: Store;
  beforeEach(async () => {
    store = await openSqliteStore({ file: ':memory:' });
  });
  afterEach(async () => {
    await store.close();
  });

  it('tells the client to reload when more changes came during its start than it could hold', async () => {
    const feed = handFeed();
    // While the stream reads where to start, three changes commit and reach the feed: more
    // than the stream buffers (2). The first of them must not be skipped without a word.
    const busy: Store = {
      ...store,
      changes: {
        ...store.changes,
        async head() {
          const head = await store.changes.head();
          for (const id of ['r1', 'r2', 'r3']) await store.changes.append(change(id));
          feed.deliver(await store.changes.after(head, 10));
          return head;
        },
      },
    };
    const { stream, events, hangUp } = client();
    const served = serveLiveStream(stream, {
      store: busy,
      feed,
      filter: (c) => c.kinds,
      lastEventId: null,
      stillAllowed: async () => true,
      backlogLimit: 2,
      iso: (ms) => new Date(ms).toISOString(),
    });
    await vi.waitFor(() => expect(events.map((e) => e.event)).toContain('ready'));
    hangUp();
    await served;
    const told = events.map((e) => (e.event === 'change' ? JSON.parse(e.data).caseId : e.event));
    expect(told.includes('r1') || told.includes('reset')).toBe(true);
  });

  it('passes on changes that reach the feed during its start once, in order', async () => {
    const feed = handFeed();
    const busy: Store = {
      ...store,
      changes: {
        ...store.changes,
        async head() {
          const head = await store.changes.head();
          await store.changes.append(change('r1'));
          feed.deliver(await store.changes.after(head, 10));
          return head;
        },
      },
    };
    const { stream, events, hangUp } = client();
    const served = serveLiveStream(stream, {
      store: busy,
      feed,
      filter: (c) => c.kinds,
      lastEventId: null,
      stillAllowed: async () => true,
      iso: (ms) => new Date(ms).toISOString(),
    });
    await vi.waitFor(() => expect(events.map((e) => e.event)).toContain('ready'));
    feed.deliver(await store.changes.after(null, 10));
    await store.changes.append(change('r2'));
    feed.deliver(await store.changes.after(null, 10));
    hangUp();
    await served;
    const told = events.map((e) => (e.event === 'change' ? JSON.parse(e.data).caseId : e.event));
    expect(told).toEqual(['r1', 'ready', 'r2']);
  });
});
