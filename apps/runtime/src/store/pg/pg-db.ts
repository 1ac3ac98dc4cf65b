import type { NodePgQueryResultHKT } from 'drizzle-orm/node-postgres';
import type { PgDatabase } from 'drizzle-orm/pg-core';
import { StoreConflict } from '../store';

/** A drizzle handle on the pool or on the client of an open transaction. */
export type PgDb = PgDatabase<NodePgQueryResultHKT>;

/** Answers the handle of the caller's transaction when there is one, else the pool's. */
export type PgDbOf = () => PgDb;

/** True when `err` (or a cause of it: drizzle wraps driver errors) is a unique violation (23505). */
export function isPgUniqueViolation(err: unknown): boolean {
  for (let e: unknown = err; e instanceof Error; e = e.cause) {
    if ((e as { code?: unknown }).code === '23505') return true;
  }
  return false;
}

/** Awaits `query`, turning a unique violation into StoreConflict(`message`). */
export async function pgConflict<T>(message: string, query: PromiseLike<T>): Promise<T> {
  try {
    return await query;
  } catch (err) {
    if (isPgUniqueViolation(err)) throw new StoreConflict(message);
    throw err;
  }
}

/** The first row of a result, or null. */
export function first<T>(rows: T[]): T | null {
  return rows[0] ?? null;
}
