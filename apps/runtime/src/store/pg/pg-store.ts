import { AsyncLocalStorage } from 'node:async_hooks';
import { drizzle } from 'drizzle-orm/node-postgres';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import pg from 'pg';
import { migrationsFolder } from '../migrations';
import type { Store } from '../store';
import { pgAnalytics } from './pg-analytics';
import { pgAudit } from './pg-audit';
import { pgCases } from './pg-cases';
import { pgConnections } from './pg-connections';
import type { PgDb } from './pg-db';
import { pgDelivery } from './pg-delivery';
import { pgDirectory } from './pg-directory';
import { pgFlows } from './pg-flows';
import { pgIncidents } from './pg-incidents';
import type { PgQueryable } from './pg-raw';
import { pgSessions } from './pg-sessions';

/** How to reach the PostgreSQL server. */
export interface PgStoreOptions {
  /** postgres:// connection URL. */
  url: string;
  /** Pool size (default 10). */
  max?: number;
}

/** The open transaction of an async context; `open` turns false at commit/rollback. */
interface TxState {
  /** Drizzle on the transaction's client (queries composed per call). */
  tx: PgDb;
  /** The checked-out client itself (named prepared statements on hot paths). */
  client: pg.PoolClient;
  open: boolean;
  /** Savepoints opened so far (nested transactions). */
  savepoints: number;
}

/** Any fixed number: the advisory lock that lets one process at a time run the migrations. */
const MIGRATION_LOCK = 4_242_001;

/**
 * Connects a pool to PostgreSQL, applies the migrations (under an advisory lock, so that
 * runtimes starting together do not race) and answers the Store.
 *
 * A transaction runs on one pooled client; calls made inside it, through `tx` or through this
 * store (an AsyncLocalStorage marks the context), use that client. Nested calls are savepoints.
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

  const store: Store = {
    dialect: 'postgres',
    ...pgDirectory(db, client),
    ...pgSessions(client),
    ...pgFlows(db),
    ...pgCases(db, client),
    ...pgAudit(db, client),
    ...pgDelivery(db, client),
    ...pgAnalytics(db),
    ...pgIncidents(db),
    ...pgConnections(db),

    async transaction(fn) {
      const outer = current();
      if (outer) return savepoint(outer, () => fn(store));
      // BEGIN/COMMIT on a client of our own (not drizzle's transaction): the same client then
      // serves drizzle-built queries and named prepared statements alike.
      const conn = await pool.connect();
      const state: TxState = { tx: drizzle({ client: conn }), client: conn, open: true, savepoints: 0 };
      let broken: unknown;
      try {
        await conn.query('begin');
        const result = await context.run(state, () => fn(store));
        await conn.query('commit');
        return result;
      } catch (err) {
        await conn.query('rollback').catch((rollbackError: unknown) => {
          // The connection is gone (or unusable): destroy it instead of pooling it again.
          broken = rollbackError;
        });
        throw err;
      } finally {
        state.open = false;
        conn.release(broken instanceof Error ? broken : broken === undefined ? undefined : true);
      }
    },

    async close() {
      await pool.end();
    },
  };
  return store;
}

/** A nested transaction: a savepoint on the outer transaction's client. */
async function savepoint<T>(outer: TxState, fn: () => Promise<T>): Promise<T> {
  const name = `sp${++outer.savepoints}`;
  await outer.client.query(`savepoint ${name}`);
  try {
    const result = await fn();
    await outer.client.query(`release savepoint ${name}`);
    return result;
  } catch (err) {
    await outer.client.query(`rollback to savepoint ${name}`);
    throw err;
  }
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
