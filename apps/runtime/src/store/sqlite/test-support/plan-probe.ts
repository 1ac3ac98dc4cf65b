import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { vi } from 'vitest';
import { migrationsFolder } from '../../migrations';
import type { SqliteDb } from '../sqlite-db';

/**
 * For query-plan tests: an in-memory database with every migration applied, whose `prepare`
 * calls are recorded from here on, so that a test can find the statement a repository
 * prepared and ask SQLite how it runs it.
 */
export function planProbe() {
  const client = new Database(':memory:');
  const db = drizzle({ client }) as unknown as SqliteDb;
  migrate(db, { migrationsFolder: migrationsFolder('sqlite') });
  const prepared = vi.spyOn(client, 'prepare');
  return {
    client,
    db,
    prepared,
    /** The first statement prepared so far whose SQL matches `re`. */
    sqlOf: (re: RegExp) => prepared.mock.calls.map(([sql]) => sql).find((sql) => re.test(sql)),
    /** The plan SQLite picks for `sql` with `params` (every `?` bound to 0 when not given). */
    planOf(sql: string, params?: unknown[]): string[] {
      const values = params ?? (sql.match(/\?/g) ?? []).map(() => 0);
      return (client.prepare(`explain query plan ${sql}`).all(...values) as Array<{ detail: string }>).map(
        (r) => r.detail,
      );
    },
  };
}
