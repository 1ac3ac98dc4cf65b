import { type Cluster, startCluster } from '../tests/cluster/support/cluster';
import { createTestDatabase, postgresReachable } from '../tests/support/test-database';
import { measureEvents, measureTimers, openPingCases, publishBenchFlows } from './cluster/cluster-load';
import { rawEvents, rawTimers } from './cluster/raw-pg';
import { type BenchTarget, median, printTable } from './run';

/**
 * Scale-out on PostgreSQL (issue 5, item 5): events/s and timer firings/s with 1, 2 and 3
 * runtime processes on one database, each as a ratio to 1 process and to raw `pg` doing the
 * same writes (bench/cluster/raw-pg.ts: the per-event and per-fire transactions with the
 * runtime's row counts and snapshot size, without HTTP, engine or ORM).
 *
 * - events: HTTP `ping` signals from CONNECTIONS clients, round-robin over the processes (a
 *   load balancer), to random cases of a looping flow; raw: as many pg connections.
 * - timers: a burst of timers falling due at once; each process's loop claims them with
 *   FOR UPDATE SKIP LOCKED and fires each in its own transaction; raw: as many claim loops as
 *   processes.
 *
 * Target (issue 12): one runtime's events/s ≥ 0.6 × raw pg with 16 connections, each event its
 * own transaction (the runtime commits them in groups, group-commit.ts).
 * BENCH_SCALE (e.g. 0.2) shortens the run. Nothing here fails the process: the table and the
 * notes are the result (on a 2-core machine, more processes cannot add cores).
 */
const SCALE = Number(process.env.BENCH_SCALE ?? '1') || 1;
const EVENT_CASES = Math.max(20, Math.round(200 * SCALE));
const EVENT_MS = Math.max(1500, Math.round(4000 * SCALE));
const TIMER_CASES = Math.max(100, Math.round(500 * SCALE));
const ROUNDS = 3;
const CONNECTIONS = 16;
const SIZES = [1, 2, 3] as const;

const fmt = (n: number, digits = 0) =>
  n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });

interface Row {
  processes: number;
  events: number;
  eventErrors: number;
  timers: number;
  rawTimers: number;
}

/**
 * The three clusters (1, 2 and 3 processes, each on its own database) run side by side and
 * are measured in interleaved rounds — events on 1, 2, 3, raw; then timers on 1, 2, 3, raw —
 * keeping the median of each: on a shared 2-core machine a load spike from elsewhere then
 * hits every contender alike instead of skewing one. Idle clusters only poll once a second.
 */
export default async function clusterBench(): Promise<BenchTarget[]> {
  if (!postgresReachable()) {
    console.log('PostgreSQL is not reachable on 127.0.0.1:5432: cluster bench skipped');
    return [];
  }
  const env = { CORE_BANKING_URL: 'http://127.0.0.1:9/core' };
  const clusters: Cluster[] = [];
  const scratch = await createTestDatabase('postgres');
  try {
    for (const size of SIZES) clusters.push(await startCluster({ size, env }));
    const tokens: string[] = [];
    const pingCases: string[][] = [];
    for (const cluster of clusters) {
      const login = await cluster.nodes[0]!.api('POST', '/api/auth/login', {
        body: { username: 'admin', password: 'demo1234' },
      });
      tokens.push(login.body.token as string);
      await publishBenchFlows(cluster, tokens.at(-1)!);
      pingCases.push(await openPingCases(cluster, tokens.at(-1)!, EVENT_CASES));
    }
    const url = scratch.env.DATABASE_URL!;
    const events = SIZES.map(() => [] as number[]);
    const eventErrors = SIZES.map(() => 0);
    const timers = SIZES.map(() => [] as number[]);
    const rawTimerRuns = SIZES.map(() => [] as number[]);
    const rawEventRuns: number[] = [];
    let rowsPerEvent = 6;
    let snapshotBytes = 700;
    let rowsPerFire = 3;
    for (let round = 0; round < ROUNDS; round++) {
      for (let i = 0; i < SIZES.length; i++) {
        const r = await measureEvents(clusters[i]!, tokens[i]!, pingCases[i]!, {
          durationMs: EVENT_MS,
          connections: CONNECTIONS,
        });
        events[i]!.push(r.perSec);
        eventErrors[i]! += r.errors;
        rowsPerEvent = r.rowsPerEvent;
        snapshotBytes = r.snapshotBytes;
      }
      rawEventRuns.push(
        await rawEvents(url, {
          cases: EVENT_CASES,
          durationMs: EVENT_MS,
          connections: CONNECTIONS,
          rowsPerEvent,
          snapshotBytes,
        }),
      );
      for (let i = 0; i < SIZES.length; i++) {
        const t = await measureTimers(clusters[i]!, tokens[i]!, { cases: TIMER_CASES });
        timers[i]!.push(t.perSec);
        rowsPerFire = t.rowsPerFire;
        rawTimerRuns[i]!.push(
          await rawTimers(url, { timers: TIMER_CASES, workers: SIZES[i]!, rowsPerFire, snapshotBytes }),
        );
      }
      console.log(
        `  round ${round + 1}: events/s ${events.map((e) => fmt(e.at(-1)!)).join(' / ')} (raw ${fmt(rawEventRuns.at(-1)!)}), ` +
          `timer fires/s ${timers.map((t) => fmt(t.at(-1)!)).join(' / ')}`,
      );
    }
    const rows: Row[] = SIZES.map((processes, i) => ({
      processes,
      events: median(events[i]!),
      eventErrors: eventErrors[i]!,
      timers: median(timers[i]!),
      rawTimers: median(rawTimerRuns[i]!),
    }));
    const raw = median(rawEventRuns);
    return report(rows, raw, { rowsPerEvent, snapshotBytes, rowsPerFire });
  } finally {
    for (const cluster of clusters) await cluster.stop();
    await scratch.drop();
  }
}

function report(
  rows: Row[],
  raw: number,
  shape: { rowsPerEvent: number; snapshotBytes: number; rowsPerFire: number },
): BenchTarget[] {
  const { rowsPerEvent, snapshotBytes, rowsPerFire } = shape;
  const one = rows[0]!;
  printTable([
    ['processes', 'events/s', '× 1 proc', '× raw pg', 'timer fires/s', '× 1 proc', '× raw pg'],
    ...rows.map((r) => [
      String(r.processes),
      fmt(r.events),
      fmt(r.events / one.events, 2),
      fmt(r.events / raw, 2),
      fmt(r.timers),
      fmt(r.timers / one.timers, 2),
      fmt(r.timers / r.rawTimers, 2),
    ]),
    ['raw pg', fmt(raw), '', '1.00', rows.map((r) => fmt(r.rawTimers)).join(' / '), '', '1.00'],
  ]);
  console.log(
    `  raw pg: ${CONNECTIONS} connections for events (${fmt(rowsPerEvent, 1)} timeline rows, ` +
      `${fmt(snapshotBytes)} B snapshot per event); timers with 1 / 2 / 3 claim loops ` +
      `(${fmt(rowsPerFire, 1)} timeline rows per fire).`,
  );
  console.log(
    '  On 2 cores the processes, PostgreSQL and the load generator share the same two CPUs: a\n' +
      '  second process adds an event loop but no core, so events/s stays flat or drops while\n' +
      '  the CPU is saturated (JSON, engine step, HTTP parsing per event are CPU-bound in Node),\n' +
      '  and timer fires/s grows only while one process leaves a core idle waiting on PostgreSQL\n' +
      '  round trips (each fire is a sequential transaction of ~6 statements). Scaling out pays\n' +
      '  on machines with more cores than one process uses; here it buys availability.',
  );
  const three = rows[2]!;
  return [
    {
      name: `PostgreSQL: 1 runtime events/s / raw pg per-event transactions (${CONNECTIONS} connections)`,
      value: one.events / raw,
      bound: '≥ 0.6',
      pass: one.events / raw >= 0.6 && one.eventErrors === 0,
    },
    {
      name: 'cluster: events/s with 3 processes vs 1 process (informational)',
      value: three.events / one.events,
      bound: '≥ 0.8',
      pass: three.events / one.events >= 0.8,
    },
    {
      name: 'cluster: timer fires/s with 3 processes vs 1 process (informational)',
      value: three.timers / one.timers,
      bound: '≥ 0.8',
      pass: three.timers / one.timers >= 0.8,
    },
  ];
}
