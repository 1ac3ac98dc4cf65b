import { AsyncLocalStorage } from 'node:async_hooks';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { Mutex } from '../../concurrency/mutex';
import { composedCaseCommit } from '../case-commit';
import { GroupCommit, type GroupConnection } from '../group-commit';
import { migrationsFolder } from '../migrations';
import { nestedTransaction, type SavepointCommands, type TxScope, topScope } from '../nested-transaction';
import type { Store } from '../store';
import { BackgroundCheckpointer, type CheckpointOptions } from './checkpointer';
import { sqliteActivations } from './sqlite-activation';
import { sqliteAnalytics } from './sqlite-analytics';
import { sqliteAudit } from './sqlite-audit';
import { sqliteCases } from './sqlite-cases';
import { sqliteChanges } from './sqlite-changes';
import { sqliteChannels } from './sqlite-channels';
import { sqliteChat } from './sqlite-chat';
import { sqliteChatVisitors } from './sqlite-chat-visitors';
import { sqliteConnections } from './sqlite-connections';
import { sqliteCustomerMerges } from './sqlite-customer-merges';
import { sqliteDelivery } from './sqlite-delivery';
import { sqliteDirectory } from './sqlite-directory';
import { sqliteFlows } from './sqlite-flows';
import { sqliteIncidents } from './sqlite-incidents';
import { sqliteKb } from './sqlite-kb';
import { sqliteMessaging } from './sqlite-messaging';
import { sqliteMigrations } from './sqlite-migrations';
import { sqliteResponses } from './sqlite-responses';
import { sqliteRollups } from './sqlite-rollups';
import { sqliteRouting } from './sqlite-routing';
import { sqliteSessions } from './sqlite-sessions';
import { sqliteSupervision } from './sqlite-supervision';
import { withStatementCache } from './statement-cache';
import { WalSync } from './wal-sync';

/** Where the SQLite database lives. */
export interface SqliteStoreOptions {
  /** Database file, created with its directory when missing; `:memory:` for a private database. */
  file: string;
  /** Milliseconds to wait for another process's write lock (default 5000). */
  busyTimeoutMs?: number;
  /** Most transactions committed together by one COMMIT (default 256). */
  maxBatch?: number;
  /**
   * Checkpoint the WAL from a worker thread instead of inside the COMMITs that cross SQLite's
   * mark (checkpointer.ts). A database file of its own only; the runtime's store turns it on.
   */
  checkpointInBackground?: boolean | CheckpointOptions;
}

type Repos = Omit<Store, 'dialect' | 'transaction' | 'close'>;

/**
 * Opens (creating if needed) a SQLite database with WAL, a busy timeout and foreign keys,
 * applies the migrations and answers the Store. A committed transaction survives power loss,
 * not only a crash: its caller is answered after the WAL holding it was synced to the disk —
 * by an fdatasync on libuv's thread pool (wal-sync.ts; synchronous=NORMAL, so COMMIT does not
 * wait for the disk on the event loop), or by COMMIT itself (synchronous=FULL) for an
 * in-memory database or a `file:` URI.
 *
 * One connection serves the process, so every store call is serialised by a mutex. Top-level
 * transactions go through group commit (group-commit.ts): those that arrive together run one
 * after another, each in a savepoint, inside one BEGIN IMMEDIATE … COMMIT that holds the mutex,
 * and each caller is answered after that COMMIT and the WAL's sync, paid once per batch. Calls
 * made inside a transaction (through `tx` or this store: an AsyncLocalStorage marks the
 * context) join it instead of waiting. Nested `transaction` calls become savepoints.
 */
export async function openSqliteStore(options: SqliteStoreOptions): Promise<Store> {
  if (plainFile(options.file)) mkdirSync(dirname(options.file), { recursive: true });
  const client = new Database(options.file);
  client.pragma('journal_mode = WAL');
  // A database file of its own: the WAL is synced off the event loop before answers (wal-sync.ts).
  const wal = plainFile(options.file) ? new WalSync(`${client.name}-wal`) : null;
  const synchronous = wal ? 'NORMAL' : 'FULL';
  client.pragma(`synchronous = ${synchronous}`);
  client.pragma(`busy_timeout = ${options.busyTimeoutMs ?? 5000}`);
  client.pragma('foreign_keys = ON');
  // Savepoints (one per transaction of a group-commit batch) copy every page they change into
  // a sub-journal, which past 64 KiB became a temporary file written page by page: a fifth of
  // the throughput over HTTP. Kept in memory, and emptied after each transaction (`release`).
  client.pragma('temp_store = MEMORY');
  // drizzle's queries reuse their prepared statements; the repositories' own raw statements
  // are prepared once on the connection itself (db.$client).
  const db = Object.assign(drizzle({ client: withStatementCache(client) }), { $client: client });
  await migrateWithRetry(db);
  const checkpointer =
    wal && options.checkpointInBackground
      ? new BackgroundCheckpointer(
          options.file,
          () => {
            // Checkpoints go back into the COMMITs rather than the WAL growing without end.
            if (client.open) client.pragma('wal_autocheckpoint = 1000');
          },
          options.checkpointInBackground === true ? {} : options.checkpointInBackground,
        )
      : null;
  if (checkpointer) {
    client.pragma('wal_autocheckpoint = 0');
    // When the WAL starts over, its file is cut back to this size (it is reused, not regrown).
    client.pragma(`journal_size_limit = ${checkpointer.maxWalBytes}`);
  }

  const mutex = new Mutex();
  const context = new AsyncLocalStorage<TxScope>();
  const savepoints: SavepointCommands = {
    savepoint: (name) => client.exec(`savepoint ${name}`),
    release: (name) => client.exec(`release ${name}`),
    // SQLite keeps a savepoint on the stack after ROLLBACK TO; pop it as well.
    rollbackTo: (name) => client.exec(`rollback to ${name}; release ${name}`),
  };
  const inTransaction = () => context.getStore()?.open === true;
  const totalChanges = client.prepare('select total_changes()').pluck();
  const exclusive = <T>(fn: () => Promise<T>): Promise<T> => {
    if (inTransaction()) return fn();
    if (!wal) return mutex.run(fn);
    // A write outside a transaction commits on its own: answered, like a batch, once synced.
    return mutex
      .run(async () => {
        const before = totalChanges.get();
        const value = await fn();
        return { value, wrote: totalChanges.get() !== before };
      })
      .then(async ({ value, wrote }) => {
        if (wrote) await wal.flush();
        return value;
      });
  };
  const connection: GroupConnection = {
    exec: (sql) => {
      client.exec(sql);
    },
    inTransaction: () => client.inTransaction,
    writeMark: () => totalChanges.get() as number,
  };
  const group = new GroupCommit({
    withConnection: (work) =>
      mutex.run(() => {
        checkpointer?.restartIfDue(client);
        return work(connection);
      }),
    begin: 'begin immediate',
    lanes: 1,
    maxBatch: options.maxBatch ?? 256,
    release: true,
    ...(wal ? { durable: () => wal.flush() } : {}),
  });

  const casesAndTasks = sqliteCases(db);
  const audit = sqliteAudit(db);
  const changes = sqliteChanges(db);
  const rollups = sqliteRollups(db);
  const delivery = sqliteDelivery(db);
  const repos: Repos = {
    ...sqliteDirectory(db),
    ...sqliteSessions(db),
    ...sqliteFlows(db),
    ...casesAndTasks,
    ...audit,
    cases: {
      ...casesAndTasks.cases,
      // Every statement is a cached one run synchronously: composing costs no round trip.
      ...composedCaseCommit({ ...casesAndTasks, ...audit, ...changes, ...rollups, ...delivery }),
    },
    ...delivery,
    ...sqliteAnalytics(db),
    ...rollups,
    ...sqliteIncidents(db),
    ...sqliteConnections(db),
    ...sqliteMigrations(db),
    ...changes,
    ...sqliteKb(db),
    ...sqliteResponses(db),
    ...sqliteSupervision(db),
    ...sqliteRouting(db),
    ...sqliteChannels(db),
    ...sqliteMessaging(db),
    ...sqliteChat(db),
    ...sqliteActivations(db),
    ...sqliteChatVisitors(db),
    ...sqliteCustomerMerges(db),
  };

  const store: Store = {
    dialect: 'sqlite',
    ...serialise(repos, exclusive),

    async transaction(fn, options) {
      const outer = context.getStore();
      if (outer?.open) {
        return nestedTransaction(outer, savepoints, (inner) => context.run(inner, () => fn(store)));
      }
      return group.run(() => {
        const state = topScope({});
        return context.run(state, async () => {
          try {
            return await fn(store);
          } finally {
            state.open = false;
          }
        });
      }, options);
    },

    async close() {
      await checkpointer?.stop();
      await wal?.close();
      await mutex.run(() => {
        if (client.open) client.close();
      });
    },

    async bulkLoad(fn) {
      // The pragma is ignored inside a transaction: change it between them.
      await mutex.run(async () => client.pragma('synchronous = OFF'));
      try {
        return await fn();
      } finally {
        await mutex.run(async () => {
          if (!client.open) return;
          client.pragma(`synchronous = ${synchronous}`);
          // Copies the load into the database file and syncs it: durable from here on.
          client.pragma('wal_checkpoint(TRUNCATE)');
        });
      }
    },
  };
  return store;
}

/** A path of the file system (not `:memory:` nor a `file:` URI, whose WAL may live elsewhere). */
function plainFile(file: string): boolean {
  return file !== ':memory:' && file !== '' && !file.startsWith('file:');
}

/** Wraps every method of every repository so that it runs under `exclusive`. */
function serialise(repos: Repos, exclusive: <T>(fn: () => Promise<T>) => Promise<T>): Repos {
  const out: Record<string, Record<string, unknown>> = {};
  for (const [name, repo] of Object.entries(repos) as [string, Record<string, unknown>][]) {
    const wrapped: Record<string, unknown> = {};
    for (const [method, impl] of Object.entries(repo)) {
      const fn = impl as (...args: unknown[]) => Promise<unknown>;
      wrapped[method] = (...args: unknown[]) => exclusive(() => fn.apply(repo, args));
    }
    out[name] = wrapped;
  }
  return out as unknown as Repos;
}

/**
 * Applies the migrations. Processes starting together on a fresh file race for the write
 * lock; in WAL mode the loser's read snapshot goes stale (SQLITE_BUSY_SNAPSHOT, which the busy
 * timeout does not cover), or it decided what to apply before the winner committed and then
 * meets tables that exist already. Its own transaction rolled back either way, so it retries
 * and then finds the migrations applied.
 */
async function migrateWithRetry(db: ReturnType<typeof drizzle>): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      migrate(db, { migrationsFolder: migrationsFolder('sqlite') });
      return;
    } catch (err) {
      if (attempt >= 10 || !(isBusy(err) || isAlreadyApplied(err))) throw err;
      await new Promise((resolve) => setTimeout(resolve, 20 * attempt));
    }
  }
}

function isBusy(err: unknown): boolean {
  for (let e: unknown = err; e instanceof Error; e = e.cause) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && code.startsWith('SQLITE_BUSY')) return true;
  }
  return false;
}

function isAlreadyApplied(err: unknown): boolean {
  for (let e: unknown = err; e instanceof Error; e = e.cause) {
    if (/already exists/.test(e.message)) return true;
  }
  return false;
}
