import { AsyncLocalStorage } from 'node:async_hooks';
import { drizzle } from 'drizzle-orm/node-postgres';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import pg from 'pg';
import { GroupCommit, type GroupConnection } from '../group-commit';
import { migrationsFolder } from '../migrations';
import { nestedTransaction, type SavepointCommands, type TxScope, topScope } from '../nested-transaction';
import type { Store } from '../store';
import { pgActivations } from './pg-activation';
import { pgAnalytics } from './pg-analytics';
import { pgAudit } from './pg-audit';
import { pgCases } from './pg-cases';
import { pgChanges } from './pg-changes';
import { pgChannels } from './pg-channels';
import { pgChat } from './pg-chat';
import { pgChatVisitors } from './pg-chat-visitors';
import { pgConnections } from './pg-connections';
import { pgCustomerMerges } from './pg-customer-merges';
import type { PgDb } from './pg-db';
import { pgDelivery } from './pg-delivery';
import { pgDirectory } from './pg-directory';
import { pgFlows } from './pg-flows';
import { pgIncidents } from './pg-incidents';
import { pgKb } from './pg-kb';
import { pgMessaging } from './pg-messaging';
import { pgMigrations } from './pg-migrations';
import { type PgQueryable, WRITES_ONLY_WITH_ROWS } from './pg-raw';
import { pgResponses } from './pg-responses';
import { pgRollups } from './pg-rollups';
import { pgRouting } from './pg-routing';
import { pgSessions } from './pg-sessions';
import { pgSupervision } from './pg-supervision';

/** How to reach the PostgreSQL server. */
export interface PgStoreOptions {
  /** postgres:// connection URL. */
  url: string;
  /** Pool size (default 10). */
  max?: number;
  /**
   * Group-commit batches running at once, each on a pooled client (default 4: a batch waits on
   * the server between its statements, and with 2 lanes two or three processes on one database
   * got a third of one process's events/s in the cluster bench; with 4, close to it).
   */
  lanes?: number;
  /** Most transactions committed together by one COMMIT (default 32). */
  maxBatch?: number;
}

/** A pooled client as group commit drives it. */
interface PgConnection extends GroupConnection {
  client: pg.PoolClient;
  tx: PgDb;
}

/** The open transaction (or savepoint) of an async context. */
interface TxState extends TxScope {
  /** Drizzle on the transaction's client (queries composed per call). */
  tx: PgDb;
  /** The checked-out client itself (named prepared statements on hot paths). */
  client: pg.PoolClient;
}

/** Any fixed number: the advisory lock that lets one process at a time run the migrations. */
const MIGRATION_LOCK = 4_242_001;

/**
 * Connects a pool to PostgreSQL, applies the migrations (under an advisory lock, so that
 * runtimes starting together do not race) and answers the Store.
 *
 * Top-level transactions go through group commit (group-commit.ts): those that arrive together
 * run one after another on one pooled client, each in a savepoint, and one COMMIT answers them
 * all; up to `lanes` batches run side by side. Calls made inside a transaction, through `tx` or
 * through this store (an AsyncLocalStorage marks the context), use its client. Nested calls are
 * savepoints.
 */
export async function openPgStore(options: PgStoreOptions): Promise<Store> {
  const pool = new pg.Pool({ connectionString: options.url, max: options.max ?? 10 });
  // An idle client losing its connection emits 'error' on the pool; without a listener that
  // would crash the process. The pool drops the client, and the next query reports the problem.
  pool.on('error', () => undefined);
  // The same for a client that is checked out (inside a transaction) when the server goes
  // away: the query in flight rejects, and the client is released as broken.
  pool.on('connect', (client) => client.on('error', () => undefined));
  try {
    await migrateLocked(pool);
  } catch (err) {
    await pool.end();
    throw err;
  }
  const root: PgDb = drizzle({ client: pool });
  const context = new AsyncLocalStorage<TxState>();
  const current = (): TxState | undefined => {
    const state = context.getStore();
    return state?.open ? state : undefined;
  };
  const db = () => current()?.tx ?? root;
  const client = (): PgQueryable => current()?.client ?? pool;
  const group = new GroupCommit<PgConnection>({
    async withConnection(work) {
      // BEGIN/COMMIT on a client of our own (not drizzle's transaction): the same client then
      // serves drizzle-built queries and named prepared statements alike.
      const conn = pgConnection(await pool.connect());
      try {
        const result = await work(conn);
        conn.client.release();
        return result;
      } catch (err) {
        // The connection is gone or unusable: destroy it instead of pooling it again.
        conn.client.release(err instanceof Error ? err : true);
        throw err;
      }
    },
    begin: 'begin',
    lanes: options.lanes ?? 4,
    maxBatch: options.maxBatch ?? 32,
  });

  const store: Store = {
    dialect: 'postgres',
    ...pgDirectory(db, client),
    ...pgSessions(client),
    ...pgFlows(db, client),
    ...pgCases(db, client),
    ...pgAudit(db, client),
    ...pgDelivery(db, client),
    ...pgAnalytics(db),
    ...pgRollups(client),
    ...pgIncidents(db),
    ...pgConnections(db),
    ...pgMigrations(db),
    ...pgChanges(client),
    ...pgKb(db, client),
    ...pgResponses(db),
    ...pgSupervision(db),
    ...pgRouting(db, () => current() !== undefined),
    ...pgChannels(db),
    ...pgMessaging(db),
    ...pgChat(db),
    ...pgActivations(db),
    ...pgChatVisitors(db),
    ...pgCustomerMerges(db),

    async transaction(fn, options) {
      const outer = current();
      if (outer) {
        return nestedTransaction(outer, savepoints(outer.client), (inner) =>
          context.run(inner, () => fn(store)),
        );
      }
      return group.run((conn) => {
        const state: TxState = topScope({ tx: conn.tx, client: conn.client });
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
      await pool.end();
    },
  };
  return store;
}

/** Statements that change nothing a rollback would have to undo (locks aside). */
const READS = /^\s*(select|savepoint|release|rollback to)\b/i;
const writeMarks = new WeakMap<pg.PoolClient, { n: number }>();

/**
 * The group committer's write mark of `client`: counts every statement sent through it that may
 * write, and every one that failed (which aborts the transaction on PostgreSQL). Its `query` is
 * wrapped once, so drizzle's statements and the named ones are counted alike.
 */
function writeMarkOf(client: pg.PoolClient): { n: number } {
  const known = writeMarks.get(client);
  if (known) return known;
  const mark = { n: 0 };
  const query = client.query.bind(client) as (...args: unknown[]) => unknown;
  (client as { query: unknown }).query = (...args: unknown[]) => {
    const first = args[0] as string | { text?: unknown } | null | undefined;
    const text = typeof first === 'string' ? first : first?.text;
    const ifRows = typeof text === 'string' && text.startsWith(WRITES_ONLY_WITH_ROWS);
    if (!ifRows && (typeof text !== 'string' || !READS.test(text))) mark.n++;
    const result = query(...args);
    // Registered before the caller's own handler, so the mark has moved when the caller sees it.
    if (result instanceof Promise)
      result.then(
        (r: pg.QueryResult) => {
          if (ifRows && r.rowCount) mark.n++;
        },
        () => {
          mark.n++;
        },
      );
    return result;
  };
  writeMarks.set(client, mark);
  return mark;
}

/** `client` driven by group commit, which tracks whether a transaction is open on it. */
function pgConnection(client: pg.PoolClient): PgConnection {
  let open = false;
  const mark = writeMarkOf(client);
  return {
    client,
    tx: drizzle({ client }),
    async exec(sql) {
      const result = await client.query(sql);
      if (sql === 'begin') open = true;
      else if (sql === 'commit' || sql === 'rollback') {
        open = false;
        // COMMIT of a transaction that an error aborted (and a caller swallowed) rolls back
        // and says so: nothing of it committed.
        if (sql === 'commit' && result.command === 'ROLLBACK') {
          throw new Error('the transaction was aborted by an earlier error and rolled back');
        }
      }
    },
    inTransaction: () => open,
    writeMark: () => mark.n,
  };
}

/** Savepoints on a transaction's client. */
function savepoints(client: pg.PoolClient): SavepointCommands {
  return {
    savepoint: (name) => client.query(`savepoint ${name}`),
    release: (name) => client.query(`release savepoint ${name}`),
    rollbackTo: (name) => client.query(`rollback to savepoint ${name}`),
  };
}

async function migrateLocked(pool: pg.Pool): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('select pg_advisory_lock($1)', [MIGRATION_LOCK]);
    try {
      await migrate(drizzle({ client }), { migrationsFolder: migrationsFolder('pg') });
    } finally {
      await client.query('select pg_advisory_unlock($1)', [MIGRATION_LOCK]);
    }
  } finally {
    client.release();
  }
}
