import type Database from 'better-sqlite3';
import type { RollupKey, RollupRepo, RollupRow } from '../rollup-rows';
import type { Store } from '../store';
import type { SqliteDb } from './sqlite-db';

/** Store.rollups on SQLite: cached prepared statements, one call per row (no round trips here). */
export function sqliteRollups(db: SqliteDb): Pick<Store, 'rollups'> {
  const client = db.$client;
  const cache = new Map<string, Database.Statement>();
  const st = (text: string) => {
    let s = cache.get(text);
    if (!s) {
      s = client.prepare(text);
      cache.set(text, s);
    }
    return s;
  };
  const keyArgs = (k: RollupKey) => [k.space, k.flow, k.bucket, k.dims];
  const repo: RollupRepo = {
    async touch(caseIds) {
      const up = st(
        'insert into rollup_dirty (case_id, mark) values (?, 1) on conflict (case_id) do update set mark = mark + 1',
      );
      for (const id of caseIds) up.run(id);
    },
    async touchAll() {
      st(
        'insert into rollup_dirty (case_id, mark) select id, 1 from cases where true on conflict (case_id) do update set mark = mark + 1',
      ).run();
    },
    async dirty(limit) {
      return st('select case_id as caseId, mark from rollup_dirty limit ?').all(limit) as Awaited<
        ReturnType<RollupRepo['dirty']>
      >;
    },
    async clean(marks) {
      const del = st('delete from rollup_dirty where case_id = ? and mark = ?');
      for (const m of marks) del.run(m.caseId, m.mark);
    },
    // SQLite transactions are exclusive already.
    async lock() {},
    async entries(caseIds) {
      const get = st('select entries from rollup_cases where case_id = ?').pluck();
      const out = new Map<string, string>();
      for (const id of caseIds) {
        const e = get.get(id) as string | undefined;
        if (e !== undefined) out.set(id, e);
      }
      return out;
    },
    async putEntries(rows) {
      const put = st(
        'insert into rollup_cases (case_id, entries) values (?, ?) on conflict (case_id) do update set entries = excluded.entries',
      );
      const del = st('delete from rollup_cases where case_id = ?');
      for (const r of rows) {
        if (r.entries === null) del.run(r.caseId);
        else put.run(r.caseId, r.entries);
      }
    },
    async rows(keys) {
      const get = st(
        'select space, flow, bucket, dims, tally, detail from rollups where space = ? and flow = ? and bucket = ? and dims = ?',
      );
      const out: RollupRow[] = [];
      for (const k of keys) {
        const r = get.get(...keyArgs(k)) as RollupRow | undefined;
        if (r) out.push(r);
      }
      return out;
    },
    async write(rows, gone) {
      const put = st(`insert into rollups (space, flow, bucket, dims, tally, detail) values (?, ?, ?, ?, ?, ?)
        on conflict (space, flow, bucket, dims) do update set tally = excluded.tally, detail = excluded.detail`);
      const del = st('delete from rollups where space = ? and flow = ? and bucket = ? and dims = ?');
      for (const r of rows) put.run(...keyArgs(r), r.tally, r.detail);
      for (const k of gone) del.run(...keyArgs(k));
    },
    async query(q) {
      const where = ['space = ?'];
      const args: unknown[] = [q.space];
      if (q.flow !== undefined) {
        where.push('flow = ?');
        args.push(q.flow);
      }
      if (q.fromBucket !== undefined) {
        where.push('bucket >= ?');
        args.push(q.fromBucket);
      }
      if (q.toBucket !== undefined) {
        where.push('bucket <= ?');
        args.push(q.toBucket);
      }
      if (q.dims !== undefined) {
        where.push('dims in (select value from json_each(?))');
        args.push(JSON.stringify(q.dims));
      }
      const detail = q.detail ? 'detail' : 'null as detail';
      return st(
        `select space, flow, bucket, dims, tally, ${detail} from rollups where ${where.join(' and ')}`,
      ).all(...args) as RollupRow[];
    },
    async meta(key) {
      return (
        (st('select value from rollup_meta where key = ?').pluck().get(key) as string | undefined) ?? null
      );
    },
    async setMeta(key, value) {
      st(
        'insert into rollup_meta (key, value) values (?, ?) on conflict (key) do update set value = excluded.value',
      ).run(key, value);
    },
    async clear() {
      client.exec('delete from rollups; delete from rollup_cases; delete from rollup_dirty;');
    },
  };
  return { rollups: repo };
}
