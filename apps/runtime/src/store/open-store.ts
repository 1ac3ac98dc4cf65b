import type { Store } from './store';
import { explainSqliteOpenFailure } from './store-unavailable';

/** Where the store lives: the `db` field of the runtime Config has this shape. */
export type StoreTarget = { kind: 'sqlite'; file: string } | { kind: 'postgres'; url: string };

/**
 * Opens the store the configuration asks for and applies the drizzle migrations before
 * answering. Accepts the runtime Config (its `db` field) or the environment: PostgreSQL when
 * DATABASE_URL starts with postgres:// or postgresql://, otherwise SQLite at CASEFLOW_DB
 * (default ./data/caseflow.db, directory created; `:memory:` for a private database).
 */
export async function openStore(
  source: { db: StoreTarget } | Record<string, string | undefined> = process.env,
): Promise<Store> {
  const target =
    'db' in source && typeof source.db === 'object'
      ? source.db
      : targetFromEnv(source as Record<string, string | undefined>);
  if (target.kind === 'postgres') {
    const { openPgStore } = await import('./pg/pg-store');
    return openPgStore({ url: target.url });
  }
  const { openSqliteStore } = await import('./sqlite/sqlite-store');
  try {
    return await openSqliteStore({ file: target.file, checkpointInBackground: true });
  } catch (err) {
    // SQLite's own words ("unable to open database file") do not say what to fix.
    const explained = explainSqliteOpenFailure(target.file, err);
    throw explained ? new Error(explained, { cause: err }) : err;
  }
}

/** The store target named by DATABASE_URL / CASEFLOW_DB (blank values count as unset). */
export function targetFromEnv(env: Record<string, string | undefined>): StoreTarget {
  const url = env.DATABASE_URL?.trim() ?? '';
  if (/^postgres(ql)?:\/\//.test(url)) return { kind: 'postgres', url };
  const file = env.CASEFLOW_DB?.trim();
  return { kind: 'sqlite', file: file ? file : './data/caseflow.db' };
}
