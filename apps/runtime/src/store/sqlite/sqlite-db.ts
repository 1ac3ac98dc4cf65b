import type Database from 'better-sqlite3';
import type { BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { StoreConflict } from '../store';

/** The drizzle handle every SQLite repository works on (one connection per process). */
export type SqliteDb = BetterSQLite3Database & { $client: Database.Database };

/** True when `err` (or a cause of it: drizzle wraps driver errors) is a SQLite unique/PK violation. */
export function isSqliteUniqueViolation(err: unknown): boolean {
  for (let e: unknown = err; e instanceof Error; e = e.cause) {
    const code = (e as { code?: unknown }).code;
    if (code === 'SQLITE_CONSTRAINT_PRIMARYKEY' || code === 'SQLITE_CONSTRAINT_UNIQUE') return true;
  }
  return false;
}

/** Runs `fn`, turning a unique violation into StoreConflict(`message`). */
export function sqliteConflict<T>(message: string, fn: () => T): T {
  try {
    return fn();
  } catch (err) {
    if (isSqliteUniqueViolation(err)) throw new StoreConflict(message);
    throw err;
  }
}
