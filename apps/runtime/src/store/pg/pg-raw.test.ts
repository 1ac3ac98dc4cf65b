import { bigint, integer, json, pgTable, text } from 'drizzle-orm/pg-core';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PgRawTable, runNamed } from './pg-raw';

/*
 * PgRawTable against a real PostgreSQL, on a temporary table of one connection (no database
 * to create or drop). Skipped without a server, except under CI.
 */

const ADMIN_URL = process.env.CASEFLOW_PG_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

const things = pgTable('raw_things', {
  id: text('id').primaryKey(),
  at: bigint('at_ms', { mode: 'number' }).notNull(),
  count: integer('count').notNull(),
  data: json('data').$type<Record<string, unknown>>(),
  note: text('note'),
});
type Thing = typeof things.$inferSelect;

const client = new pg.Client({ connectionString: ADMIN_URL, connectionTimeoutMillis: 2000 });
const reachable = await client.connect().then(
  () => true,
  () => false,
);
if (!reachable && process.env.CI) throw new Error(`PostgreSQL is unreachable at ${ADMIN_URL}`);

describe.skipIf(!reachable)('PgRawTable', () => {
  const raw = new PgRawTable<Thing>(things);
  beforeAll(async () => {
    await client.query(
      'create temporary table raw_things (id text primary key, at_ms bigint not null, count integer not null, data json, note text)',
    );
  });
  afterAll(async () => {
    await client.end();
  });

  it('inserts and reads rows as drizzle does: property names, ms as numbers, JSON parsed in key order', async () => {
    const row: Thing = { id: 'a', at: 1_767_600_000_123, count: 2, data: { z: 1, a: [true] }, note: null };
    expect(await raw.insert(client, row)).toEqual(row);
    const back = await raw.get(client, 'id = $1', ['a']);
    expect(back).toEqual(row);
    expect(Object.keys(back!.data!)).toEqual(['z', 'a']);
    expect(await raw.get(client, 'id = $1', ['nope'])).toBeNull();
  });

  it('updates the given properties only, its where parameters numbered after the values', async () => {
    await raw.insert(client, { id: 'b', at: 1, count: 1, data: null, note: 'keep' });
    const updated = await raw.update(
      client,
      { count: 5, data: { k: 'v' }, at: undefined },
      'id = $1 and count = $2',
      ['b', 1],
    );
    expect(updated).toEqual({ id: 'b', at: 1, count: 5, data: { k: 'v' }, note: 'keep' });
    expect(await raw.update(client, { count: 6 }, 'id = $1 and count = $2', ['b', 1])).toBeNull();
    expect(await raw.update(client, {}, 'id = $1', ['b'])).toEqual(updated);
  });

  it('lists with order clauses, deletes, and aggregates rows as JSON objects', async () => {
    await raw.insert(client, { id: 'c', at: 3, count: 0, data: null, note: null });
    expect((await raw.all(client, 'count >= $1 order by at desc', [0])).map((t) => t.id)).toEqual([
      'a',
      'c',
      'b',
    ]);
    const agg = await client.query(
      `select json_agg(${raw.jsonObject('t')} order by t.id) as rows from raw_things t where t.id <> 'a'`,
    );
    expect(agg.rows[0].rows).toEqual(await raw.all(client, "id <> 'a' order by id", []));
    expect(await raw.delete(client, 'id = $1', ['c'])).toBe(1);
    expect(await raw.delete(client, 'id = $1', ['c'])).toBe(0);
  });

  it('gives one name per statement text, so a connection prepares each text once', async () => {
    const prepared = async () =>
      (await client.query<{ n: number }>('select count(*)::int as n from pg_prepared_statements')).rows[0]!.n;
    const before = await prepared();
    await runNamed(client, 'select $1::int + 1 as v', [1]);
    const once = await prepared();
    expect((await runNamed<{ v: number }>(client, 'select $1::int + 1 as v', [41])).rows[0]!.v).toBe(42);
    expect(await prepared()).toBe(once);
    await runNamed(client, 'select $1::int + 2 as v', [1]);
    expect(once - before).toBe(1);
    expect(await prepared()).toBe(once + 1);
  });
});
