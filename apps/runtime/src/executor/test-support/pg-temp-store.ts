import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openPgStore } from '../../store/pg/pg-store';
import type { Store } from '../../store/store';

/** Where the PostgreSQL tests connect (a server with trust auth, as .ci/run starts it). */
export const PG_ADMIN_URL =
  process.env.CASEFLOW_PG_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/** True when a PostgreSQL server answers at PG_ADMIN_URL. */
export async function pgReachable(): Promise<boolean> {
  const client = new pg.Client({ connectionString: PG_ADMIN_URL, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.end();
    return true;
  } catch {
    return false;
  }
}

/**
 * A fresh PostgreSQL database with the migrations applied, a store on it, a way to open more
 * stores (more "processes") on the same database, and a dispose that drops it.
 */
export async function pgTempStore(): Promise<{
  store: Store;
  openAnother: () => Promise<Store>;
  dispose: () => Promise<void>;
}> {
  const name = `caseflow_exec_${randomBytes(6).toString('hex')}`;
  await admin(`create database ${name}`);
  const url = new URL(PG_ADMIN_URL);
  url.pathname = `/${name}`;
  const opened: Store[] = [];
  const open = async () => {
    const store = await openPgStore({ url: url.toString() });
    opened.push(store);
    return store;
  };
  const store = await open();
  return {
    store,
    openAnother: open,
    async dispose() {
      for (const s of opened) await s.close().catch(() => undefined);
      await admin(`drop database if exists ${name} with (force)`);
    },
  };
}

async function admin(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: PG_ADMIN_URL });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
