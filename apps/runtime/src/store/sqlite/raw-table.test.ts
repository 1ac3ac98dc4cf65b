import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { beforeEach, describe, expect, it } from 'vitest';
import { RawTable } from './raw-table';

const things = sqliteTable('things', {
  id: text('id').primaryKey(),
  label: text('label_text').notNull(),
  data: text('data', { mode: 'json' }).$type<{ n: number }>(),
  done: integer('done', { mode: 'boolean' }).notNull(),
  count: integer('count').notNull(),
});
interface Thing {
  id: string;
  label: string;
  data: { n: number } | null;
  done: boolean;
  count: number;
}

describe('RawTable', () => {
  let client: Database.Database;
  let raw: RawTable<Thing>;
  beforeEach(() => {
    client = new Database(':memory:');
    client.exec(
      'create table things (id text primary key, label_text text not null, data text, done integer not null, count integer not null)',
    );
    raw = new RawTable<Thing>(client, things);
  });

  it('maps property names to columns and encodes JSON and booleans like drizzle', () => {
    const row: Thing = { id: 'a', label: 'A', data: { n: 1 }, done: true, count: 2 };
    expect(raw.insert(row)).toEqual(row);
    expect(client.prepare('select * from things').get()).toEqual({
      id: 'a',
      label_text: 'A',
      data: '{"n":1}',
      done: 1,
      count: 2,
    });
    // drizzle reads what RawTable wrote, and the other way round.
    const db = drizzle({ client });
    expect(db.select().from(things).all()).toEqual([row]);
    db.insert(things).values({ id: 'b', label: 'B', data: null, done: false, count: 0 }).run();
    expect(raw.get('id = ?', 'b')).toEqual({ id: 'b', label: 'B', data: null, done: false, count: 0 });
  });

  it('updates only the given properties and answers null when nothing matched', () => {
    raw.insert({ id: 'a', label: 'A', data: null, done: false, count: 1 });
    expect(raw.update({ count: 5, label: undefined }, 'id = ? and count = ?', 'a', 1)).toMatchObject({
      label: 'A',
      count: 5,
    });
    expect(raw.update({ count: 6 }, 'id = ? and count = ?', 'a', 1)).toBeNull();
    expect(raw.update({ done: true, data: { n: 2 } }, 'id = ?', 'a')).toMatchObject({
      done: true,
      data: { n: 2 },
    });
    expect(() => raw.update({ nope: 1 }, 'id = ?', 'a')).toThrow(/unknown column nope/);
  });

  it('answers a JSON column it has just written as the given object, stored as JSON text', () => {
    raw.insert({ id: 'a', label: 'A', data: null, done: false, count: 1 });
    const data = { n: 3 };
    const updated = raw.update({ data, count: 2 }, 'id = ?', 'a');
    expect(updated?.data).toBe(data);
    expect(updated).toEqual({ id: 'a', label: 'A', data, done: false, count: 2 });
    expect(client.prepare('select data from things').get()).toEqual({ data: '{"n":3}' });
    expect(raw.get('id = ?', 'a')?.data).toEqual(data);
  });

  it('ignores an insert that hits the conflict target', () => {
    const row: Thing = { id: 'a', label: 'A', data: null, done: false, count: 1 };
    expect(raw.insertOrIgnore(row, '(id)')).toEqual(row);
    expect(raw.insertOrIgnore({ ...row, label: 'other' }, '(id)')).toBeNull();
    expect(raw.all('1 = 1 order by id')).toEqual([row]);
    expect(raw.delete('id = ?', 'a')).toBe(1);
  });

  it('upserts: inserts a new row, overwrites every other column of an existing one', () => {
    const row: Thing = { id: 'a', label: 'A', data: { n: 1 }, done: false, count: 1 };
    expect(raw.upsert(row, ['id'])).toEqual(row);
    const replaced: Thing = { id: 'a', label: 'B', data: null, done: true, count: 2 };
    expect(raw.upsert(replaced, ['id'])).toEqual(replaced);
    expect(raw.all('1 = 1')).toEqual([replaced]);
  });
});
