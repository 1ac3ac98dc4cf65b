import type { RollupKey, RollupRepo, RollupRow } from '../rollup-rows';
import type { Store } from '../store';
import { type PgClientOf, runNamed } from './pg-raw';

/** Columns of a batch of keys, for unnest(). */
function keyColumns(keys: RollupKey[]) {
  return [
    keys.map((k) => k.space),
    keys.map((k) => k.flow),
    keys.map((k) => k.bucket),
    keys.map((k) => k.dims),
  ];
}
const UNNEST_KEYS = 'unnest($1::text[], $2::text[], $3::int[], $4::text[]) as k(space, flow, bucket, dims)';
const SAME_KEY = 'r.space = k.space and r.flow = k.flow and r.bucket = k.bucket and r.dims = k.dims';

/** Store.rollups on PostgreSQL: one statement per call, batches passed as arrays. */
export function pgRollups(client: PgClientOf): Pick<Store, 'rollups'> {
  const run = async <R extends object>(text: string, values: unknown[] = []) =>
    (await runNamed<R & Record<string, unknown>>(client(), text, values)).rows as R[];
  const repo: RollupRepo = {
    async touch(caseIds) {
      if (caseIds.length === 0) return;
      // Sorted: two events touching the same cases lock their rows in the same order.
      await run(
        `insert into rollup_dirty (case_id, mark) select id, 1 from unnest($1::text[]) as u(id)
         on conflict (case_id) do update set mark = rollup_dirty.mark + 1`,
        [[...new Set(caseIds)].sort()],
      );
    },
    async touchAll() {
      await run(`insert into rollup_dirty (case_id, mark) select id, 1 from cases
        on conflict (case_id) do update set mark = rollup_dirty.mark + 1`);
    },
    async dirty(limit) {
      return run('select case_id as "caseId", mark from rollup_dirty order by case_id limit $1', [limit]);
    },
    async clean(marks) {
      if (marks.length === 0) return;
      // Rows an event transaction holds (it is marking the case again) are skipped, not
      // waited for: the case stays marked and folds again, and the fold never waits on an
      // event that may be waiting on it.
      await run(
        `delete from rollup_dirty where case_id in (
           select r.case_id from rollup_dirty r join unnest($1::text[], $2::int[]) as m(case_id, mark)
             on r.case_id = m.case_id and r.mark = m.mark
           for update of r skip locked)`,
        [marks.map((m) => m.caseId), marks.map((m) => m.mark)],
      );
    },
    async lock() {
      await run("select pg_advisory_xact_lock(hashtext('caseflow.rollups'))");
    },
    async entries(caseIds) {
      const rows = await run<{ caseId: string; entries: string }>(
        'select case_id as "caseId", entries from rollup_cases where case_id = any($1::text[])',
        [caseIds],
      );
      return new Map(rows.map((r) => [r.caseId, r.entries]));
    },
    async putEntries(rows) {
      const put = rows.filter((r) => r.entries !== null);
      const gone = rows.filter((r) => r.entries === null).map((r) => r.caseId);
      if (put.length > 0) {
        await run(
          `insert into rollup_cases (case_id, entries) select * from unnest($1::text[], $2::text[])
           on conflict (case_id) do update set entries = excluded.entries`,
          [put.map((r) => r.caseId), put.map((r) => r.entries)],
        );
      }
      if (gone.length > 0) await run('delete from rollup_cases where case_id = any($1::text[])', [gone]);
    },
    async rows(keys) {
      if (keys.length === 0) return [];
      return run<RollupRow>(
        `select r.space, r.flow, r.bucket, r.dims, r.tally, r.detail from rollups r join ${UNNEST_KEYS} on ${SAME_KEY}`,
        keyColumns(keys),
      );
    },
    async write(rows, gone) {
      if (rows.length > 0) {
        await run(
          `insert into rollups (space, flow, bucket, dims, tally, detail)
           select * from unnest($1::text[], $2::text[], $3::int[], $4::text[], $5::text[], $6::text[])
           on conflict (space, flow, bucket, dims) do update set tally = excluded.tally, detail = excluded.detail`,
          [...keyColumns(rows), rows.map((r) => r.tally), rows.map((r) => r.detail)],
        );
      }
      if (gone.length > 0)
        await run(`delete from rollups r using ${UNNEST_KEYS} where ${SAME_KEY}`, keyColumns(gone));
    },
    async query(q) {
      // One text per combination of filters (named statements are planned once each).
      const where = ['space = $1'];
      const args: unknown[] = [q.space];
      const add = (clause: string, value: unknown) => {
        args.push(value);
        where.push(clause.replace('?', `$${args.length}`));
      };
      if (q.flow !== undefined) add('flow = ?', q.flow);
      if (q.fromBucket !== undefined) add('bucket >= ?', q.fromBucket);
      if (q.toBucket !== undefined) add('bucket <= ?', q.toBucket);
      if (q.dims !== undefined) add('dims = any(?::text[])', q.dims);
      const detail = q.detail ? 'detail' : 'null as detail';
      return run<RollupRow>(
        `select space, flow, bucket, dims, tally, ${detail} from rollups where ${where.join(' and ')}`,
        args,
      );
    },
    async meta(key) {
      const [row] = await run<{ value: string }>('select value from rollup_meta where key = $1', [key]);
      return row?.value ?? null;
    },
    async setMeta(key, value) {
      await run(
        'insert into rollup_meta (key, value) values ($1, $2) on conflict (key) do update set value = excluded.value',
        [key, value],
      );
    },
    async clear() {
      await run('delete from rollups');
      await run('delete from rollup_cases');
      await run('delete from rollup_dirty');
    },
  };
  return { rollups: repo };
}
