import type Database from 'better-sqlite3';

/** Distinct SQL texts kept prepared (lists with `in (?, ?, …)` make a text per length). */
const DEFAULT_MAX = 512;

/**
 * The SQLite connection as drizzle should see it: `prepare` answers the statement prepared
 * before for the same SQL text (the `max` most recently used texts), everything else is the
 * connection itself. drizzle prepares every query it runs afresh, and compiling the SQL cost
 * more than running it (a third of the demo seed's time went to drizzle, prepare included).
 *
 * Only drizzle's one-shot queries take statements from here: each runs synchronously right
 * after `prepare`, so one statement never serves two callers at once. drizzle switches a
 * statement to raw (array) rows for most queries; it is switched back on every handout, since
 * the queries without selected fields read rows as objects.
 */
export function withStatementCache(client: Database.Database, max = DEFAULT_MAX): Database.Database {
  const cache = new Map<string, Database.Statement>();
  const prepare = (source: string): Database.Statement => {
    let stmt = cache.get(source);
    if (stmt) {
      // Most recently used last: the first key is the one to evict.
      cache.delete(source);
      cache.set(source, stmt);
      if (stmt.reader) stmt.raw(false);
      return stmt;
    }
    stmt = client.prepare(source);
    cache.set(source, stmt);
    if (cache.size > max) cache.delete(cache.keys().next().value as string);
    return stmt;
  };
  return new Proxy(client, {
    get(target, property) {
      if (property === 'prepare') return prepare;
      const value = Reflect.get(target, property, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}
