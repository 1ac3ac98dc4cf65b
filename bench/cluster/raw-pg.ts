import { randomUUID } from 'node:crypto';
import pg from 'pg';

/*
 * The baseline: raw `pg` doing the writes the runtime does per event and per timer fire, on
 * tables shaped like the runtime's (a case row with a json snapshot, a revision and a timeline
 * counter; timeline rows keyed (case, seq); timer rows claimed with a lease), with nothing
 * else: no HTTP, no engine step, no JSON schema checks, no ORM.
 */

const SCHEMA = `
  create table bench_cases (id text primary key, status text not null, snapshot json not null,
    revision int not null, timeline_seq int not null default 0, updated_at bigint, closed_at bigint);
  create table bench_timeline (case_id text not null, seq int not null, at bigint not null,
    type text not null, actor text, node_id text, data json not null, primary key (case_id, seq));
  create table bench_timers (id text primary key, case_id text not null, fire_at bigint not null, claim text);
  create index bench_timers_due on bench_timers (fire_at, id);`;

const snapshotOf = (bytes: number, n: number) =>
  JSON.stringify({ n, pad: 'x'.repeat(Math.max(0, bytes - 20)) });

async function seed(client: pg.Pool, cases: number, snapshotBytes: number, timersDueAt: number | null) {
  await client.query(`drop table if exists bench_cases, bench_timeline, bench_timers; ${SCHEMA}`);
  await client.query(
    `insert into bench_cases (id, status, snapshot, revision)
       select 'c' || g, 'open', $2::json, 1 from generate_series(1, $1) g`,
    [cases, snapshotOf(snapshotBytes, 0)],
  );
  if (timersDueAt !== null) {
    await client.query(
      `insert into bench_timers (id, case_id, fire_at) select 'c' || g || ':tm1', 'c' || g, $2
         from generate_series(1, $1) g`,
      [cases, timersDueAt],
    );
  }
}

/**
 * One event: read the case, revision-checked update of its snapshot bumping the timeline
 * counter, insert `rows` timeline rows, commit. Answers false when another writer won (the
 * caller retries, as the runtime does).
 */
async function writeEvent(
  client: pg.PoolClient,
  caseId: string,
  rows: number,
  snapshotBytes: number,
  n: number,
) {
  await client.query('begin');
  try {
    const read = await client.query('select revision from bench_cases where id = $1', [caseId]);
    const revision = read.rows[0].revision as number;
    const updated = await client.query(
      `update bench_cases set snapshot = $3::json, revision = revision + 1, timeline_seq = timeline_seq + $4,
         updated_at = $5 where id = $1 and revision = $2 returning timeline_seq`,
      [caseId, revision, snapshotOf(snapshotBytes, n), rows, Date.now()],
    );
    if (updated.rowCount === 0) {
      await client.query('rollback');
      return false;
    }
    await client.query(
      `insert into bench_timeline (case_id, seq, at, type, actor, node_id, data)
         select $1, $2 - $3 + g, $4, 'node.entered', 'bench', 'ping', '{"type":"wait"}'::json
         from generate_series(1, $3) g`,
      [caseId, updated.rows[0].timeline_seq, rows, Date.now()],
    );
    await client.query('commit');
    return true;
  } catch (error) {
    await client.query('rollback');
    throw error;
  }
}

/** Raw events/s: `connections` clients writing events to random cases for `durationMs`. */
export async function rawEvents(
  url: string,
  options: {
    cases: number;
    durationMs: number;
    connections: number;
    rowsPerEvent: number;
    snapshotBytes: number;
  },
): Promise<number> {
  const pool = new pg.Pool({ connectionString: url, max: options.connections });
  try {
    await seed(pool, options.cases, options.snapshotBytes, null);
    const rows = Math.max(1, Math.round(options.rowsPerEvent));
    let ok = 0;
    const started = performance.now();
    const until = started + options.durationMs;
    await Promise.all(
      Array.from({ length: options.connections }, async () => {
        const client = await pool.connect();
        try {
          while (performance.now() < until) {
            const caseId = `c${1 + Math.floor(Math.random() * options.cases)}`;
            if (await writeEvent(client, caseId, rows, options.snapshotBytes, ok)) ok++;
          }
        } finally {
          client.release();
        }
      }),
    );
    return ok / ((performance.now() - started) / 1000);
  } finally {
    await pool.end();
  }
}

/**
 * Raw timer firings/s: `workers` loops, each claiming due timers 100 at a time with
 * FOR UPDATE SKIP LOCKED and a lease (the runtime's statement), then firing each in its own
 * transaction: delete the timer (proving the claim), close the case with a revision check,
 * insert `rowsPerFire` timeline rows.
 */
export async function rawTimers(
  url: string,
  options: { timers: number; workers: number; rowsPerFire: number; snapshotBytes: number },
): Promise<number> {
  const pool = new pg.Pool({ connectionString: url, max: options.workers });
  try {
    const now = Date.now();
    await seed(pool, options.timers, options.snapshotBytes, now);
    const rows = Math.max(1, Math.round(options.rowsPerFire));
    const started = performance.now();
    await Promise.all(
      Array.from({ length: options.workers }, async () => {
        const client = await pool.connect();
        try {
          for (;;) {
            const claim = randomUUID();
            const claimed = await client.query(
              `update bench_timers set fire_at = $1 + 60000, claim = $2 where id in (
                 select id from bench_timers where fire_at <= $1 order by fire_at, id limit 100
                 for update skip locked) returning id, case_id`,
              [now, claim],
            );
            if (claimed.rowCount === 0) break;
            for (const t of claimed.rows) {
              await client.query('begin');
              await client.query('delete from bench_timers where id = $1 and claim = $2', [t.id, claim]);
              const read = await client.query('select revision from bench_cases where id = $1', [t.case_id]);
              const updated = await client.query(
                `update bench_cases set status = 'resolved', snapshot = $3::json, revision = revision + 1,
                   timeline_seq = timeline_seq + $4, closed_at = $5 where id = $1 and revision = $2
                   returning timeline_seq`,
                [t.case_id, read.rows[0].revision, snapshotOf(options.snapshotBytes, 1), rows, Date.now()],
              );
              await client.query(
                `insert into bench_timeline (case_id, seq, at, type, actor, node_id, data)
                   select $1, $2 - $3 + g, $4, 'node.left', 'timer', 'wait', '{}'::json
                   from generate_series(1, $3) g`,
                [t.case_id, updated.rows[0].timeline_seq, rows, Date.now()],
              );
              await client.query('commit');
            }
          }
        } finally {
          client.release();
        }
      }),
    );
    return options.timers / ((performance.now() - started) / 1000);
  } finally {
    await pool.end();
  }
}
