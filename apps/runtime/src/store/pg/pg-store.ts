import { AsyncLocalStorage } from 'node:async_hooks';
import { drizzle } from 'drizzle-orm/node-postgres';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import pg from 'pg';
import { migrationsFolder } from '../migrations';
import type { Store } from '../store';
import { pgAnalytics } from './pg-analytics';
import { pgAudit } from './pg-audit';
import { pgCases } from './pg-cases';
import type { PgDb } from './pg-db';
import { pgDelivery } from './pg-delivery';
import { pgDirectory } from './pg-directory';
import { pgFlows } from './pg-flows';

/** How to reach the PostgreSQL server. */
export interface PgStoreOptions {
  /** postgres:// connection URL. */
  url: string;
  /** Pool size (default 10). */
  max?: number;
}

/** The open transaction of an async context; `open` turns false at commit/rollback. */
interface TxState {
  tx: PgDb;
  open: boolean;
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

  const store: Store = {
    dialect: 'postgres',
    ...pgDirectory(db),
    ...pgFlows(db),
    ...pgCases(db),
    ...pgAudit(db),
    ...pgDelivery(db),
    ...pgAnalytics(db),

    transaction(fn) {
      return db().transaction(async (tx) => {
        const state: TxState = { tx, open: true };
        try {
          return await context.run(state, () => fn(store));
        } finally {
          state.open = false;
        }
      });
    },

    async close() {
      await pool.end();
    },
  };
  return store;
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
