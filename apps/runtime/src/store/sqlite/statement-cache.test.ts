import Database from 'better-sqlite3';
import { eq } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { withStatementCache } from './statement-cache';

const things = sqliteTable('things', { id: integer('id').primaryKey(), name: text('name').notNull() });

describe('withStatementCache', () => {
  let client: Database.Database;
  beforeEach(() => {
    client = new Database(':memory:');
    client.exec('create table things (id integer primary key, name text not null)');
  });
  afterEach(() => client.close());

  it('prepares a SQL text once for every drizzle query that runs it', () => {
    const prepare = vi.spyOn(client, 'prepare');
    const db = drizzle({ client: withStatementCache(client) });
    for (let i = 1; i <= 5; i++)
      db.insert(things)
        .values({ id: i, name: `n${i}` })
        .run();
    for (let i = 1; i <= 5; i++) {
      expect(db.select().from(things).where(eq(things.id, i)).get()).toEqual({ id: i, name: `n${i}` });
    }
    expect(prepare).toHaveBeenCalledTimes(2);
  });

  it('answers rows as objects again after drizzle read the same statement as arrays', () => {
    const cached = withStatementCache(client);
    const db = drizzle({ client: cached });
    db.insert(things).values({ id: 1, name: 'one' }).run();
    const sql = 'select "id", "name" from "things"';
    expect(cached.prepare(sql).raw(true).all()).toEqual([[1, 'one']]);
    expect(cached.prepare(sql).all()).toEqual([{ id: 1, name: 'one' }]);
  });

  it('keeps the most recently used texts only', () => {
    const cached = withStatementCache(client, 2);
    const prepare = vi.spyOn(client, 'prepare');
    const a = cached.prepare('select 1');
    cached.prepare('select 2');
    expect(cached.prepare('select 1')).toBe(a);
    cached.prepare('select 3'); // evicts `select 2`, used least recently
    expect(cached.prepare('select 1')).toBe(a);
    cached.prepare('select 2');
    expect(prepare.mock.calls.map(([s]) => s)).toEqual(['select 1', 'select 2', 'select 3', 'select 2']);
  });

  it('is the connection for everything else', () => {
    const cached = withStatementCache(client);
    cached.exec("insert into things values (1, 'one')");
    expect(cached.inTransaction).toBe(false);
    expect(cached.open).toBe(true);
    cached.transaction(() => cached.exec("insert into things values (2, 'two')"))();
    expect(client.prepare('select count(*) as n from things').get()).toEqual({ n: 2 });
  });
});
