import { join } from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { SKETCH_RELATIVE_ERROR } from '../apps/runtime/src/analytics/ddsketch';
import { metricsReport } from '../apps/runtime/src/analytics/metrics-report';
import { BUILD_BATCH, foldPending } from '../apps/runtime/src/analytics/rollup-fold';
import { rollupHeatmap } from '../apps/runtime/src/analytics/rollup-heatmap';
import { openPgStore } from '../apps/runtime/src/store/pg/pg-store';
import { openSqliteStore } from '../apps/runtime/src/store/sqlite/sqlite-store';
import type { Store } from '../apps/runtime/src/store/store';
import { createTestDatabase, postgresReachable } from '../tests/support/test-database';
import { BENCH_FLOW, type BenchDialect, fillBenchCases } from './analytics/bench-data';
import { referenceHeatmap, referenceMetrics } from './analytics/reference-sql';
import { type BenchTarget, median, printTable } from './run';
import { tempDir } from './runtime/in-process';

/**
 * GET /api/metrics over 100,000 and 1,000,000 closed cases, and the heat map of a flow version
 * with 100,000 cases (issue 12): answered from the rollups (analytics/rollup-*.ts: rows per day
 * folded from the cases, sketches for percentiles) against the hand-written SQL scan of the
 * same figures on the same database; target ≤ 0.05 (20× faster than scanning). The cases are
 * written by SQL, then the rollups are built the way an existing database gets them at
 * start-up (every case marked, then folded); that build is timed and printed apart. Runs on
 * SQLite, and on PostgreSQL when a server answers. Rounds alternate which side goes first;
 * the verdict is the ratio of medians. BENCH_SCALE scales the case counts for a quick look.
 */

const SCALE = Number(process.env.BENCH_SCALE ?? '1') || 1;
const SIZES = [100_000, 1_000_000].map((n) => Math.max(1000, Math.round(n * SCALE)));
const TARGET = 0.05;

async function timeAsync(fn: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await fn();
  return performance.now() - started;
}

/** Medians of `rounds` alternating rounds of the two sides (after one warm-up each). */
async function race(ours: () => Promise<unknown>, raw: () => Promise<unknown>, rounds: number) {
  await ours();
  await raw();
  const samples = { ours: [] as number[], raw: [] as number[] };
  for (let round = 0; round < rounds; round++) {
    if (round % 2 === 0) {
      samples.ours.push(await timeAsync(ours));
      samples.raw.push(await timeAsync(raw));
    } else {
      samples.raw.push(await timeAsync(raw));
      samples.ours.push(await timeAsync(ours));
    }
  }
  return { ours: median(samples.ours), raw: median(samples.raw) };
}

const close = (a: number | null, b: number | null) =>
  a !== null && b !== null && Math.abs(a - b) <= SKETCH_RELATIVE_ERROR * Math.abs(b);

/** Same answers first: the comparison is only fair between equal results. */
function checkMetrics(
  a: Awaited<ReturnType<typeof metricsReport>>,
  b: Awaited<ReturnType<typeof referenceMetrics>>,
) {
  if (a.total.cases !== b.cases || a.total.resolved !== b.resolved || a.total.fcrCases !== b.fcrCases) {
    throw new Error(`rollups and reference disagree: ${JSON.stringify([a.total, b])}`);
  }
  if (
    a.total.messages !== b.messages ||
    a.total.responses !== b.responses ||
    a.total.tasksHandled !== b.tasksHandled
  ) {
    throw new Error('rollups and reference disagree on messages or tasks');
  }
  if (
    !close(a.total.resolutionMs.p90, b.resolutionMs.p90) ||
    !close(a.total.resolutionMs.p50, b.resolutionMs.p50) ||
    !close(a.total.firstResponseMs.p50, b.firstResponseMs.p50) ||
    !close(a.total.firstResponseMs.p90, b.firstResponseMs.p90) ||
    a.total.resolutionMs.avg !== Math.round(b.resolutionMs.avg ?? Number.NaN)
  ) {
    throw new Error(
      `rollups and reference percentiles disagree: ${JSON.stringify([a.total.resolutionMs, b.resolutionMs])}`,
    );
  }
}

type Heat = Awaited<ReturnType<typeof referenceHeatmap>>;
function checkHeat(a: Heat, b: Heat) {
  const byId = (xs: Heat) => [...xs].sort((x, y) => x.nodeId.localeCompare(y.nodeId));
  const [x, y] = [byId(a), byId(b)];
  const same =
    x.length === y.length &&
    x.every((n, i) => {
      const r = y[i]!;
      return (
        n.nodeId === r.nodeId &&
        n.entered === r.entered &&
        n.completed === r.completed &&
        n.breaches === r.breaches &&
        n.avgMs === r.avgMs &&
        close(n.p90Ms, r.p90Ms)
      );
    });
  if (!same) throw new Error(`heat maps disagree: ${JSON.stringify([x, y])}`);
}

interface Side {
  name: string;
  /** A fresh empty store and its raw dialect; `done` closes and drops them. */
  open(): Promise<{ store: Store; d: BenchDialect; done(): Promise<void> }>;
}

async function measure(side: Side, cases: number, heat: boolean): Promise<BenchTarget[]> {
  const { store, d, done } = await side.open();
  try {
    const fill = await timeAsync(() => fillBenchCases(d, cases));
    const build = await timeAsync(() => foldPending(store, {}, BUILD_BATCH));
    const ours = () => metricsReport(store, {}, { flow: BENCH_FLOW, by: [] }, Date.now());
    const raw = () => referenceMetrics(d, BENCH_FLOW);
    checkMetrics(await ours(), await raw());
    const rounds = cases > 200_000 ? 3 : 5;
    const m = await race(ours, raw, rounds);
    const label = `${side.name}: ${cases.toLocaleString('en-US')} closed cases`;
    const rows: string[][] = [
      [`${label} (filled in ${Math.round(fill)} ms, rollups built in ${Math.round(build)} ms)`, 'median ms'],
      ['GET /api/metrics from the rollups', m.ours.toFixed(1)],
      ['hand-written SQL scan', m.raw.toFixed(1)],
      ['ratio', (m.ours / m.raw).toFixed(4)],
    ];
    const targets: BenchTarget[] = [
      {
        name: `metrics over ${cases} cases vs SQL scan (${side.name})`,
        value: m.ours / m.raw,
        bound: `≤ ${TARGET}`,
        pass: m.ours / m.raw <= TARGET,
      },
    ];
    if (heat) {
      const oursHeat = () => rollupHeatmap(store, {}, BENCH_FLOW, 1);
      const rawHeat = () => referenceHeatmap(d, BENCH_FLOW, 1);
      checkHeat(await oursHeat(), await rawHeat());
      const h = await race(oursHeat, rawHeat, rounds);
      rows.push(
        ['heat map of version 1 (half of the cases) from the rollups', h.ours.toFixed(1)],
        ['hand-written SQL scan of the timeline', h.raw.toFixed(1)],
        ['ratio', (h.ours / h.raw).toFixed(4)],
      );
      targets.push({
        name: `heat map of a version (${Math.ceil(cases / 2)} cases) vs SQL scan (${side.name})`,
        value: h.ours / h.raw,
        bound: `≤ ${TARGET}`,
        pass: h.ours / h.raw <= TARGET,
      });
    }
    printTable(rows);
    return targets;
  } finally {
    await done();
  }
}

const sqliteSide: Side = {
  name: 'SQLite',
  async open() {
    const tmp = tempDir('caseflow-bench-analytics-');
    const file = join(tmp.dir, 'bench.db');
    const store = await openSqliteStore({ file });
    const raw = new Database(file);
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
    return {
      store,
      d,
      async done() {
        raw.close();
        await store.close();
        tmp.cleanup();
      },
    };
  },
};

const postgresSide: Side = {
  name: 'PostgreSQL',
  async open() {
    const db = await createTestDatabase('postgres');
    const url = db.env.DATABASE_URL!;
    const store = await openPgStore({ url });
    const pool = new pg.Pool({ connectionString: url, max: 2 });
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
    return {
      store,
      d,
      async done() {
        await pool.end();
        await store.close();
        await db.drop();
      },
    };
  },
};

/** Runs the SQLite side, and the PostgreSQL side when a server answers; answers their targets. */
export default async function analyticsBench(): Promise<BenchTarget[]> {
  const sides = postgresReachable() ? [sqliteSide, postgresSide] : [sqliteSide];
  if (sides.length === 1) console.log('PostgreSQL side skipped: no server');
  const targets: BenchTarget[] = [];
  for (const side of sides) {
    for (const [i, cases] of SIZES.entries()) targets.push(...(await measure(side, cases, i === 0)));
  }
  return targets;
}
