import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createLogger } from '../logger';
import { openSqliteStore } from '../store/sqlite/sqlite-store';
import type { ChangeRow, NewChange, Store } from '../store/store';
import { type ChangeFeed, createChangeFeed } from './change-feed';

const HOUR = 3_600_000;
const change = (caseId: string, at: number): NewChange => ({
  caseId,
  customerId: null,
  topLevel: true,
  kinds: ['case'],
  publicKinds: [],
  groups: [],
  users: [],
  at,
});

describe('change feed', () => {
  let store: Store;
  let feed: ChangeFeed | null = null;
  beforeEach(async () => {
    store = await openSqliteStore({ file: ':memory:' });
  });
  afterEach(async () => {
    await feed?.close();
    feed = null;
    await store.close();
  });
  const open = (over: Partial<Parameters<typeof createChangeFeed>[0]> = {}) => {
    feed = createChangeFeed({ store, logger: createLogger('silent'), now: () => 10 * HOUR, ...over });
    return feed;
  };

  it('purges changes past retention on a commit even while no stream listens', async () => {
    // Case writes append to the log whether or not anyone listens: it must not grow without bound.
    await store.changes.append(change('old', 0));
    await store.changes.append(change('recent', 10 * HOUR - 1));
    const f = open({ retentionMs: HOUR });
    f.wake();
    await f.close();
    const left = await store.changes.after(null, 10);
    expect(left.map((c) => c.caseId)).toEqual(['recent']);
  });

  it('delivers committed changes in order to its listeners, from the head when the first came', async () => {
    await store.changes.append(change('before', 10 * HOUR));
    const f = open();
    const got: ChangeRow[] = [];
    const stop = await f.listen({ deliver: (rows) => got.push(...rows) });
    await store.changes.append(change('a', 10 * HOUR));
    await store.changes.append(change('b', 10 * HOUR));
    f.wake();
    await vi.waitFor(() => expect(got.map((c) => c.caseId)).toEqual(['a', 'b']));
    stop();
  });

  it('starts a new first listener from the head even when the last one left during a poll', async () => {
    let release: () => void = () => undefined;
    let gate: Promise<void> | null = null;
    const slow: Store = {
      ...store,
      changes: {
        ...store.changes,
        async after(cursor, limit) {
          const rows = await store.changes.after(cursor, limit);
          if (gate) await gate;
          return rows;
        },
      },
    };
    const f = open({ store: slow });
    const leave = await f.listen({ deliver: () => undefined });
    await store.changes.append(change('seen-by-the-first', 10 * HOUR));
    gate = new Promise((resolve) => {
      release = resolve;
    });
    f.wake();
    // The poll holds its rows while the only listener goes.
    leave();
    release();
    gate = null;
    await new Promise((resolve) => setTimeout(resolve, 20));
    await store.changes.append(change('before-the-second', 10 * HOUR));
    const got: string[] = [];
    await f.listen({ deliver: (rows) => got.push(...rows.map((c) => c.caseId)) });
    await store.changes.append(change('after-the-second', 10 * HOUR));
    f.wake();
    await vi.waitFor(() => expect(got).toContain('after-the-second'));
    expect(got).toEqual(['after-the-second']);
  });
});
