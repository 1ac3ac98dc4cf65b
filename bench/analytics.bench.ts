import { join } from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { metricsReport } from '../apps/runtime/src/analytics/metrics-report';
import { openPgStore } from '../apps/runtime/src/store/pg/pg-store';
import { openSqliteStore } from '../apps/runtime/src/store/sqlite/sqlite-store';
import type { Store } from '../apps/runtime/src/store/store';
import { createTestDatabase, postgresReachable } from '../tests/support/test-database';
import { BENCH_FLOW, type BenchDialect, fillBenchCases } from './analytics/bench-data';
import { referenceMetrics } from './analytics/reference-sql';
import { type BenchTarget, median, printTable } from './run';
import { tempDir } from './runtime/in-process';

/**
 * GET /api/metrics over 100,000 closed cases (issue 6): the analytics module (here the
 * round-the-clock path: Store.analytics.summary aggregates in SQL, JS only shapes the answer;
 * it also computes what the reference leaves out: AHT percentiles and agent occupancy) against
 * the hand-written SQL aggregate of the same figures on the same database; target ≤ 2×. Runs on
 * SQLite, and on PostgreSQL when a server answers. Rounds alternate which side goes first;
 * the verdict is the ratio of medians. BENCH_SCALE scales the case count for a quick look.
 */

const SCALE = Number(process.env.BENCH_SCALE ?? '1') || 1;
const CASES = Math.max(1000, Math.round(100_000 * SCALE));
const ROUNDS = 5;

async function timeAsync(fn: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await fn();
  return performance.now() - started;
}

async function measure(name: string, store: Store, d: BenchDialect): Promise<BenchTarget> {
  const fill = await timeAsync(() => fillBenchCases(d, CASES));
  const ours = () => metricsReport(store, {}, { flow: BENCH_FLOW, by: [] }, Date.now());
  const raw = () => referenceMetrics(d, BENCH_FLOW);
  // Same answers first: the comparison is only fair between equal results.
  const [a, b] = [await ours(), await raw()];
  if (a.total.cases !== b.cases || a.total.resolved !== b.resolved || a.total.fcrCases !== b.fcrCases) {
    throw new Error(`analytics and reference disagree: ${JSON.stringify([a.total, b])}`);
  }
  if (
    a.total.resolutionMs.p90 !== b.resolutionMs.p90 ||
    a.total.firstResponseMs.p50 !== b.firstResponseMs.p50
  ) {
    throw new Error('analytics and reference percentiles disagree');
  }
  await ours();
  await raw();
  const samples = { ours: [] as number[], raw: [] as number[] };
  for (let round = 0; round < ROUNDS; round++) {
    if (round % 2 === 0) {
      samples.ours.push(await timeAsync(ours));
      samples.raw.push(await timeAsync(raw));
    } else {
      samples.raw.push(await timeAsync(raw));
      samples.ours.push(await timeAsync(ours));
    }
  }
  const o = median(samples.ours);
  const r = median(samples.raw);
  printTable([
    [
      `${name}: ${CASES.toLocaleString('en-US')} closed cases (filled in ${Math.round(fill)} ms)`,
      'median ms',
    ],
    ['GET /api/metrics: analytics module (store summary + JS)', o.toFixed(1)],
    ['hand-written SQL aggregate', r.toFixed(1)],
    ['ratio', (o / r).toFixed(2)],
  ]);
  return {
    name: `metrics over ${CASES} cases vs SQL aggregate (${name})`,
    value: o / r,
    bound: '≤ 2',
    pass: o / r <= 2,
  };
}

async function sqliteSide(): Promise<BenchTarget> {
  const tmp = tempDir('caseflow-bench-analytics-');
  const file = join(tmp.dir, 'bench.db');
  const store = await openSqliteStore({ file });
  const raw = new Database(file);
  try {
    const d: BenchDialect = {
      name: 'sqlite',
      exec: async (sql, params = []) => void raw.prepare(sql).run(...params),
      all: async <T>(sql: string, params: unknown[] = []) => raw.prepare(sql).all(...params) as T[],
      series: (n) => `with recursive s(i) as (select 0 union all select i + 1 from s where i < ${n - 1})
        insert into bench_series select i from s`,
      json: (expr) => expr,
      jsonText: (column, field) => `json_extract(${column}, '$.${field}')`,
      bool: (v) => (v ? '1' : '0'),
      param: () => '?',
    };
    return await measure('SQLite', store, d);
  } finally {
    raw.close();
    await store.close();
    tmp.cleanup();
  }
}

async function postgresSide(): Promise<BenchTarget> {
  const db = await createTestDatabase('postgres');
  const url = db.env.DATABASE_URL!;
  const store = await openPgStore({ url });
  const pool = new pg.Pool({ connectionString: url, max: 2 });
  try {
    const d: BenchDialect = {
      name: 'postgres',
      exec: async (sql, params = []) => void (await pool.query(sql, params)),
      all: async <T>(sql: string, params: unknown[] = []) => (await pool.query(sql, params)).rows as T[],
      series: (n) => `insert into bench_series select generate_series(0, ${n - 1})`,
      json: (expr) => `(${expr})::json`,
      jsonText: (column, field) => `(${column}->>'${field}')`,
      bool: (v) => (v ? 'true' : 'false'),
      param: (n) => `$${n}`,
    };
    return await measure('PostgreSQL', store, d);
  } finally {
    await pool.end();
    await store.close();
    await db.drop();
  }
}

/** Runs the SQLite side, and the PostgreSQL side when a server answers; answers their targets. */
export default async function analyticsBench(): Promise<BenchTarget[]> {
  const targets = [await sqliteSide()];
  if (postgresReachable()) targets.push(await postgresSide());
  else console.log('PostgreSQL side skipped: no server');
  return targets;
}
