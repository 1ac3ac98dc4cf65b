import { pathToFileURL } from 'node:url';
import { type BenchTarget, median, printTable } from './run';
import {
  type InstanceResult,
  instanceRound,
  medianRound,
  openRound,
  type RoundResult,
  saveBenchItem,
} from './runtime/http-opens';
import { measureHttpEvents, measureOpenCaseMemory, publishOverHttp } from './runtime/http-path';
import type { TraceProfile } from './runtime/raw-replay';
import { startBenchProcess } from './runtime/runtime-process';
import { type EventKind, measureStorePath, type StorePathResult } from './runtime/store-path';
import { measureTimerClaim } from './runtime/timer-claim';

/**
 * The durable runtime against raw better-sqlite3, in one run (issue 3, item 9):
 * (a) events/s through the runtime's event transaction vs raw better-sqlite3 replaying the very
 *     same statements (target ≥ 0.3), for signals and for task completions;
 * (b) HTTP signal events/s with 50 connections against the built runtime process (SQLite
 *     group commit, each answer after the WAL holding it was synced: FULL's durability) vs raw better-sqlite3 rounds of the same signal events, one
 *     transaction per event with synchronous=NORMAL (traced in (a), replayed right after each
 *     HTTP round; issue 12: target ≥ 1.0), with p50/p99 (p99 ≤ issue 12's 201 ms) and non-2xx;
 *     case opens and catalog requests per second after each round (÷ signals, target ≥ 0.6);
 *     whole instances (open, then complete the task → decision → set → end) per second, info;
 * (c) claim of 1,000 due timers among 1,000,000 via store.timers.claimDue vs the raw statement
 *     (target ≤ 2×);
 * (d) resident memory added to the runtime process by 100,000 open cases (target < 200 MB):
 *     5,000 opened through the API, the rest copies of one written into its database, then
 *     signals to random copies (see measureOpenCaseMemory).
 * Sizes can be scaled down with BENCH_SCALE (e.g. 0.1) for a quick look; targets assume 1.
 */

const SCALE = Number(process.env.BENCH_SCALE ?? '1') || 1;
const scaled = (n: number, min = 1) => Math.max(min, Math.round(n * SCALE));
const MB = 1024 * 1024;
/** p99 of HTTP signals at 50 connections in issue 12's run, before group commit (ms). */
const P99_BEFORE_MS = 201;

const fmt = (n: number, digits = 0) =>
  n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });

function profileRows(result: StorePathResult): string[][] {
  const p: TraceProfile = result.profile;
  const total = result.tracedMicros;
  const pct = (us: number) => `${fmt((100 * us) / total, 1)}%`;
  const sqliteUs = [...p.sqliteMicrosByKind.values()].reduce((a, b) => a + b, 0);
  const rows = [
    [`${result.kind}: traced runtime, per event`, fmt(total), '100%'],
    ['  inside better-sqlite3 calls', fmt(sqliteUs), pct(sqliteUs)],
  ];
  const kinds = [...p.sqliteMicrosByKind].sort((a, b) => b[1] - a[1]).slice(0, 6);
  for (const [kind, us] of kinds) rows.push([`    ${kind}`, fmt(us, 1), pct(us)]);
  rows.push([
    '  outside SQLite (engine step, FEEL, JSON, executor, await)',
    fmt(total - sqliteUs),
    pct(total - sqliteUs),
  ]);
  rows.push([`${result.kind}: raw replay, per event`, fmt(1e6 / result.rawPerSec), '']);
  rows.push(['    commit', fmt(result.rawCommitMicros, 1), '']);
  return rows;
}

/** Runs (a)–(d), prints their tables and answers the four kinds of targets. */
export default async function runtimeBench(): Promise<BenchTarget[]> {
  const targets: BenchTarget[] = [];
  const started = performance.now();

  // (a) store path
  const store: Partial<Record<EventKind, StorePathResult>> = {};
  const httpRounds = 3;
  for (const kind of ['signal', 'task'] as const) {
    store[kind] = await measureStorePath(kind, {
      cases: scaled(200, 10),
      eventsPerRound: scaled(600, 20),
      warmup: 1,
      rounds: 5,
      // Raw rounds of signals kept for (b), one beside each HTTP round.
      spareRounds: kind === 'signal' ? httpRounds : 0,
    });
  }
  console.log('\n(a) event transaction: runtime vs raw better-sqlite3 (same statements, same values)');
  printTable([
    ['events', 'runtime ev/s', 'raw ev/s', 'ratio', 'stmts rt/raw', 'writes', 'chars written', 'snapshot'],
    ...Object.values(store).map((r) => [
      r.kind === 'signal' ? 'signal (wait loop)' : 'task completion (loop)',
      fmt(r.runtimePerSec),
      fmt(r.rawPerSec),
      fmt(r.runtimePerSec / r.rawPerSec, 2),
      `${fmt(r.profile.runtimeStatements, 1)}/${fmt(r.profile.rawStatements, 1)}`,
      [...r.profile.writesByKind].map(([k, n]) => `${fmt(n, 0)} ${k}`).join(', '),
      fmt(r.profile.writtenChars),
      fmt(r.snapshotChars),
    ]),
  ]);
  for (const r of Object.values(store)) {
    console.log(
      r.differences.length === 0
        ? `${r.kind}: the runtime's and the raw replay's databases end identical (every event table, row for row)`
        : `${r.kind}: WARNING the raw replay wrote different rows: ${r.differences.join('; ')}`,
    );
  }
  console.log(
    '\nwhere the time of one event goes (µs; the traced copy of the runtime, every statement timed)',
  );
  printTable([['', 'µs', 'share'], ...Object.values(store).flatMap(profileRows)]);
  for (const r of Object.values(store)) {
    const ratio = r.runtimePerSec / r.rawPerSec;
    targets.push({
      name: `runtime store path (${r.kind}) / raw better-sqlite3`,
      value: ratio,
      bound: '≥ 0.3',
      pass: ratio >= 0.3,
    });
  }

  // (c) timer claim
  const timers = await measureTimerClaim({
    pending: scaled(1_000_000, 10_000),
    batch: 1000,
    warmup: 2,
    rounds: 9,
  });
  console.log(
    `\n(c) claim 1,000 due timers among ${fmt(timers.pending)} (table filled in ${fmt(timers.fillSeconds, 1)} s)`,
  );
  printTable([
    ['claim', 'ms per 1,000'],
    ['store.timers.claimDue', fmt(timers.storeMs, 2)],
    ['raw UPDATE…RETURNING', fmt(timers.rawMs, 2)],
  ]);
  const claimRatio = timers.storeMs / timers.rawMs;
  targets.push({
    name: 'timer claim: store / raw SQL',
    value: claimRatio,
    bound: '≤ 2',
    pass: claimRatio <= 2,
  });

  // (b) HTTP and (d) memory, on one built runtime process
  const spare = store.signal?.spare;
  const proc = await startBenchProcess();
  try {
    await publishOverHttp(proc);
    await saveBenchItem(proc);
    const agent = await proc.login('lena');
    const openRounds: RoundResult[] = [];
    const catalogRounds: RoundResult[] = [];
    const roundSeconds = Math.max(2, Math.round(5 * SCALE));
    const http = await measureHttpEvents(
      proc,
      {
        cases: scaled(500, 50),
        connections: 50,
        warmupSeconds: 3,
        roundSeconds,
        rounds: httpRounds,
      },
      spare ? () => spare.replay() : undefined,
      // Opens and catalog requests right after each signal round (and its raw round).
      async () => {
        openRounds.push(
          await openRound(proc, agent, { connections: 50, seconds: roundSeconds, catalog: false }),
        );
        catalogRounds.push(
          await openRound(proc, agent, { connections: 50, seconds: roundSeconds, catalog: true }),
        );
      },
    );
    const instances: InstanceResult[] = [];
    await instanceRound(proc, agent, { connections: 50, seconds: 2 });
    for (let r = 0; r < httpRounds; r++) {
      instances.push(await instanceRound(proc, agent, { connections: 50, seconds: roundSeconds }));
    }
    const raw = http.rawPerSec.length > 0 ? median(http.rawPerSec) : store.signal!.rawPerSec;
    const httpRatio = http.ratio ?? http.eventsPerSec / raw;
    const opens = medianRound(openRounds);
    const catalog = medianRound(catalogRounds);
    const instance = medianRound(instances);
    console.log(
      '\n(b) HTTP, 50 connections, built runtime process (SQLite group commit, WAL synced before answers)',
    );
    printTable([
      ['', 'per s', 'vs raw', 'vs signals', 'p50 ms', 'p99 ms', 'non-2xx', 'errors'],
      [
        'signals: POST /api/cases/:id/signals',
        fmt(http.eventsPerSec),
        fmt(httpRatio, 2),
        '1.00',
        fmt(http.p50Ms, 1),
        fmt(http.p99Ms, 1),
        fmt(http.non2xx),
        fmt(http.errors),
      ],
      [
        http.rawPerSec.length > 0
          ? 'raw better-sqlite3, one transaction per event, synchronous=NORMAL (beside each round)'
          : 'raw better-sqlite3 (a, signal), synchronous=NORMAL',
        fmt(raw),
        '1.00',
        '',
        '',
        '',
        '',
        '',
      ],
      ...(
        [
          ['case opens: POST /api/cases', opens],
          ['catalog requests: POST /api/catalog/:key/requests', catalog],
        ] as const
      ).map(([name, r]) => [
        name,
        fmt(r.perSec),
        '',
        fmt(r.perSec / http.eventsPerSec, 2),
        fmt(r.p50Ms, 1),
        fmt(r.p99Ms, 1),
        fmt(r.non2xx),
        fmt(r.errors),
      ]),
      [
        'whole instances: open + complete task → decision → set → end',
        fmt(instance.perSec, 1),
        '',
        '',
        fmt(instance.p50Ms, 1),
        fmt(instance.p99Ms, 1),
        fmt(instances.reduce((n, r) => n + r.failed, 0)),
        '',
      ],
    ]);
    targets.push({
      name: 'HTTP signal events/s (group commit, synced) / raw better-sqlite3 per-event transactions (NORMAL)',
      value: httpRatio,
      bound: '≥ 1.0',
      pass: httpRatio >= 1 && http.non2xx === 0,
    });
    targets.push({
      name: `HTTP signal p99 at 50 connections, ms (issue 12 measured ${P99_BEFORE_MS} before group commit)`,
      value: http.p99Ms,
      bound: `≤ ${P99_BEFORE_MS}`,
      pass: http.p99Ms <= P99_BEFORE_MS,
    });
    for (const [name, r] of [
      ['HTTP case opens/s / HTTP signal events/s', opens],
      ['HTTP catalog requests/s / HTTP signal events/s', catalog],
    ] as const) {
      targets.push({
        name,
        value: r.perSec / http.eventsPerSec,
        bound: '≥ 0.6',
        pass: r.perSec / http.eventsPerSec >= 0.6 && r.non2xx === 0,
      });
    }
  } finally {
    await proc.stop();
    spare?.dispose();
  }

  // (d) on a fresh process, so that the HTTP run's garbage does not blur the reading
  const fresh = await startBenchProcess();
  try {
    await publishOverHttp(fresh);
    const total = scaled(100_000, 1000);
    const memory = await measureOpenCaseMemory(fresh, {
      total,
      warmup: scaled(200, 50),
      viaApi: scaled(3_000, 200),
      signals: scaled(2_000, 100),
      connections: 50,
    });
    const open = memory.warmup + memory.viaApi + memory.cloned;
    const grown = (memory.after.rss - memory.before.rss) / MB;
    console.log(
      `\n(d) memory of a fresh runtime process after GC: ${fmt(memory.warmup)} cases opened through ` +
        `POST /api/cases to warm up, ${fmt(memory.viaApi)} more (${fmt(memory.viaApi / memory.apiSeconds)}/s), ` +
        `${fmt(memory.cloned)} written into its database as copies of one of them ` +
        `(${fmt(memory.cloned / memory.cloneSeconds)}/s), then ${fmt(memory.signals)} signals to random copies ` +
        `(${fmt(memory.failed)} failed)`,
    );
    printTable([
      ['MB', 'before', `after ${fmt(memory.viaApi)} via API`, `after all ${fmt(open)}`, 'growth'],
      ...(['rss', 'heapUsed', 'heapTotal', 'external'] as const).map((k) => [
        k,
        fmt(memory.before[k] / MB, 1),
        fmt(memory.middle[k] / MB, 1),
        fmt(memory.after[k] / MB, 1),
        fmt((memory.after[k] - memory.before[k]) / MB, 1),
      ]),
    ]);
    targets.push({
      name: `rss growth with ${fmt(open)} open cases (MB)`,
      value: grown,
      bound: '< 200',
      pass: grown < 200 && open >= total,
    });
  } finally {
    await fresh.stop();
  }
  console.log(`\nruntime bench took ${fmt((performance.now() - started) / 1000)} s`);
  return targets;
}

// `npx tsx bench/runtime.bench.ts` runs this bench alone (bench/run.ts imports the default).
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  runtimeBench().then(
    (targets) => {
      console.log('\nTargets');
      for (const t of targets) {
        console.log(`${t.pass ? 'PASS' : 'FAIL'}  ${t.name}: ${t.value.toFixed(2)} (target ${t.bound})`);
      }
    },
    (error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    },
  );
}
