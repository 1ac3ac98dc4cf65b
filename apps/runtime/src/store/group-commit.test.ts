import { AsyncLocalStorage } from 'node:async_hooks';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Mutex } from '../concurrency/mutex';
import { GroupCommit, type GroupConnection } from './group-commit';

/*
 * GroupCommit over a real in-memory SQLite connection; the connection records the commands the
 * committer sends, so that the tests can see how transactions were grouped.
 */

let db: Database.Database;
let sent: string[];
let group: GroupCommit<GroupConnection>;

function committer(
  withConnection?: GroupCommit<GroupConnection>['run'],
  durable?: () => Promise<void>,
  release = false,
  writeMark = false,
): GroupCommit<GroupConnection> {
  const mutex = new Mutex();
  const conn: GroupConnection = {
    exec(sql) {
      sent.push(sql);
      db.exec(sql);
    },
    inTransaction: () => db.inTransaction,
    // What the SQLite store uses: rows changed since the connection opened.
    ...(writeMark ? { writeMark: () => db.prepare('select total_changes()').pluck().get() as number } : {}),
  };
  return new GroupCommit<GroupConnection>({
    withConnection: withConnection
      ? (work) => withConnection(work as never) as never
      : (work) => mutex.run(() => work(conn)),
    begin: 'begin immediate',
    lanes: 1,
    maxBatch: 4,
    release,
    ...(durable ? { durable } : {}),
  });
}

const insert = (id: number) => () =>
  Promise.resolve(db.prepare('insert into item (id) values (?)').run(id).changes);
const ids = () => (db.prepare('select id from item order by id').all() as { id: number }[]).map((r) => r.id);

/** Inserts 1 to 4 at once, the third throwing after its insert; answers how each settled. */
async function fourWithTheThirdFailing(): Promise<string[]> {
  const results = await Promise.allSettled([
    group.run(insert(1)),
    group.run(insert(2)),
    group.run(async () => {
      insert(3)();
      throw new Error('third fails');
    }),
    group.run(insert(4)),
  ]);
  return results.map((r) => r.status);
}

beforeEach(() => {
  db = new Database(':memory:');
  db.pragma('foreign_keys = ON');
  db.exec(
    'create table parent (id integer primary key); create table item (id integer primary key, parent integer references parent(id))',
  );
  sent = [];
  group = committer();
});
afterEach(() => db.close());

describe('GroupCommit', () => {
  it('commits transactions started together with one COMMIT, a savepoint each after the first', async () => {
    expect(await Promise.all([1, 2, 3].map((id) => group.run(insert(id))))).toEqual([1, 1, 1]);
    expect(sent).toEqual(['begin immediate', 'savepoint gc2', 'savepoint gc3', 'commit']);
    expect(ids()).toEqual([1, 2, 3]);
  });

  it('rolls a failing later transaction back to its savepoint, keeping the ones before and after', async () => {
    expect(await fourWithTheThirdFailing()).toEqual(['fulfilled', 'fulfilled', 'rejected', 'fulfilled']);
    expect(sent).toEqual([
      'begin immediate',
      'savepoint gc2',
      'savepoint gc3',
      'rollback to savepoint gc3',
      'release savepoint gc3',
      'savepoint gc4',
      'commit',
    ]);
    expect(ids()).toEqual([1, 2, 4]);
  });

  it('with `release`, releases each savepoint that succeeded; a failing one still rolls back alone', async () => {
    group = committer(undefined, undefined, true);
    expect(await fourWithTheThirdFailing()).toEqual(['fulfilled', 'fulfilled', 'rejected', 'fulfilled']);
    expect(sent).toEqual([
      'begin immediate',
      'savepoint gc2',
      'release savepoint gc2',
      'savepoint gc3',
      'rollback to savepoint gc3',
      'release savepoint gc3',
      'savepoint gc4',
      'release savepoint gc4',
      'commit',
    ]);
    expect(ids()).toEqual([1, 2, 4]);
  });

  describe('with a write mark, for transactions that may run again', () => {
    const again = { rerunnable: true };
    beforeEach(() => {
      group = committer(undefined, undefined, true, true);
    });

    it('commits transactions started together with one BEGIN and one COMMIT, no savepoint', async () => {
      expect(await Promise.all([1, 2, 3].map((id) => group.run(insert(id), again)))).toEqual([1, 1, 1]);
      expect(sent).toEqual(['begin immediate', 'commit']);
      expect(ids()).toEqual([1, 2, 3]);
    });

    it('answers a transaction that fails before writing, undoing nothing of the others', async () => {
      const results = await Promise.allSettled([
        group.run(insert(1), again),
        group.run(async () => {
          db.prepare('select count(*) from item').get();
          throw new Error('refused after reading');
        }, again),
        group.run(insert(3), again),
      ]);
      expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
      expect(sent).toEqual(['begin immediate', 'commit']);
      expect(ids()).toEqual([1, 3]);
    });

    it('runs the batch again with savepoints when one fails after writing; only it is lost, with its error', async () => {
      const runs = new Map<number, number>();
      const counted =
        (id: number, fail = false) =>
        async () => {
          runs.set(id, (runs.get(id) ?? 0) + 1);
          const changed = insert(id)();
          if (fail) throw new Error(`${id} fails after its insert`);
          return changed;
        };
      const results = await Promise.allSettled([
        group.run(counted(1), again),
        group.run(counted(2), again),
        group.run(counted(3, true), again),
        group.run(counted(4), again),
      ]);
      expect(results.map((r) => r.status)).toEqual(['fulfilled', 'fulfilled', 'rejected', 'fulfilled']);
      // The failing one keeps its error; those before it run again, the rest come after.
      expect(sent).toEqual([
        'begin immediate',
        'rollback',
        'begin immediate',
        'savepoint gc3',
        'release savepoint gc3',
        'savepoint gc4',
        'release savepoint gc4',
        'commit',
      ]);
      expect(ids()).toEqual([1, 2, 4]);
      expect(Object.fromEntries(runs)).toEqual({ 1: 2, 2: 2, 3: 1, 4: 1 });
    });

    it('runs a transaction that may not run again in a savepoint, and every one after it', async () => {
      const results = await Promise.allSettled([
        group.run(insert(1), again),
        group.run(insert(2)),
        group.run(insert(3), again),
        group.run(async () => {
          insert(4)();
          throw new Error('fails after its insert');
        }, again),
      ]);
      expect(results.map((r) => r.status)).toEqual(['fulfilled', 'fulfilled', 'fulfilled', 'rejected']);
      expect(sent).toEqual([
        'begin immediate',
        'savepoint gc2',
        'release savepoint gc2',
        'savepoint gc3',
        'release savepoint gc3',
        'savepoint gc4',
        'rollback to savepoint gc4',
        'release savepoint gc4',
        'commit',
      ]);
      expect(ids()).toEqual([1, 2, 3]);
    });

    it('fails every transaction of a batch whose COMMIT fails', async () => {
      db.exec('pragma defer_foreign_keys = on');
      const results = await Promise.allSettled([
        group.run(insert(1), again),
        group.run(
          () => Promise.resolve(db.prepare('insert into item (id, parent) values (2, 99)').run()),
          again,
        ),
      ]);
      expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected']);
      expect(ids()).toEqual([]);
    });
  });

  it('splits more than maxBatch transactions over several commits, in order', async () => {
    await Promise.all([1, 2, 3, 4, 5, 6].map((id) => group.run(insert(id))));
    expect(sent.filter((s) => s === 'commit')).toHaveLength(2);
    expect(ids()).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('rolls a failing first transaction back and begins again for the rest', async () => {
    const results = await Promise.allSettled([
      group.run(async () => {
        insert(1)();
        throw new Error('first fails');
      }),
      group.run(insert(2)),
    ]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'fulfilled']);
    expect(sent).toEqual(['begin immediate', 'rollback', 'begin immediate', 'commit']);
    expect(ids()).toEqual([2]);
  });

  it('fails every transaction of a batch whose COMMIT fails, and answers none before it', async () => {
    const answered: number[] = [];
    const results = await Promise.allSettled([
      group.run(insert(1)).then((v) => answered.push(1) && v),
      group.run(async () => {
        // Checked at COMMIT only: the whole batch fails there.
        db.pragma('defer_foreign_keys = ON');
        return db.prepare('insert into item (id, parent) values (?, ?)').run(2, 99).changes;
      }),
    ]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected']);
    expect(String((results[0] as PromiseRejectedResult).reason)).toMatch(/FOREIGN KEY/);
    expect(answered).toEqual([]);
    expect(ids()).toEqual([]);
    expect(db.inTransaction).toBe(false);
    // The committer goes on with the next transactions.
    await group.run(insert(3));
    expect(ids()).toEqual([3]);
  });

  it('fails the waiting transactions when no connection can be had, instead of leaving them waiting', async () => {
    const down = committer(() => Promise.reject(new Error('connection refused')));
    const results = await Promise.allSettled([down.run(insert(1)), down.run(insert(2))]);
    expect(results.map((r) => (r.status === 'rejected' ? String(r.reason) : r.status))).toEqual([
      'Error: connection refused',
      'Error: connection refused',
    ]);
    expect(down.waiting).toBe(0);
  });

  it('answers a batch only once it is durable, running the next batch meanwhile', async () => {
    const syncs: Array<() => void> = [];
    const durable = () => new Promise<void>((resolve) => syncs.push(resolve));
    const synced = committer(undefined, durable);
    const answered: number[] = [];
    const first = Promise.all([1, 2].map((id) => synced.run(insert(id)).then(() => answered.push(id))));
    await vi.waitFor(() => expect(syncs).toHaveLength(1));
    expect(ids()).toEqual([1, 2]); // committed, not yet answered
    expect(answered).toEqual([]);
    // The connection is free while the disk syncs: the next batch commits in the meantime.
    const second = synced.run(insert(3)).then(() => answered.push(3));
    await vi.waitFor(() => expect(syncs).toHaveLength(2));
    expect(ids()).toEqual([1, 2, 3]);
    expect(answered).toEqual([]);
    syncs[0]!();
    await first;
    expect(answered).toEqual([1, 2]);
    syncs[1]!();
    await second;
    expect(sent).toEqual(['begin immediate', 'savepoint gc2', 'commit', 'begin immediate', 'commit']);
  });

  it('fails every transaction of a batch whose sync fails', async () => {
    const failing = committer(undefined, () => Promise.reject(new Error('EIO: i/o error, fdatasync')));
    const results = await Promise.allSettled([failing.run(insert(1)), failing.run(insert(2))]);
    expect(results.map((r) => (r.status === 'rejected' ? String(r.reason) : r.status))).toEqual([
      'Error: EIO: i/o error, fdatasync',
      'Error: EIO: i/o error, fdatasync',
    ]);
  });

  it("runs each transaction in its caller's async context, whoever scheduled the batch", async () => {
    const who = new AsyncLocalStorage<string>();
    const seen = await Promise.all(
      ['first', 'second', 'third'].map((name) => who.run(name, () => group.run(async () => who.getStore()))),
    );
    expect(seen).toEqual(['first', 'second', 'third']);
    expect(sent).toEqual(['begin immediate', 'savepoint gc2', 'savepoint gc3', 'commit']);
  });
});
