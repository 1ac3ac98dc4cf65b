import { join } from 'node:path';
import type { Runtime } from '../../apps/runtime/src/executor/types';
import { median } from '../run';
import { copyDatabase, openBenchRuntime, publishBenchFlows, tempDir } from './in-process';
import {
  averageProfiles,
  compareEventTables,
  type RawEvent,
  RawReplayer,
  rawEventsFromTrace,
  type TraceProfile,
} from './raw-replay';
import { StatementTrace } from './statement-trace';

/** Which loop the events drive: `signal` (bench-signal) or `task` completions (bench-task). */
export type EventKind = 'signal' | 'task';

/** Sizes of the store-path run: cases, events per round, rounds. */
export interface StorePathOptions {
  cases: number;
  eventsPerRound: number;
  warmup: number;
  rounds: number;
  /**
   * Extra rounds traced on B after the measured ones and kept for `spare.replay()`, so that a
   * later measurement (the HTTP run) can take a raw figure right next to each of its rounds.
   */
  spareRounds?: number;
}

/** Raw rounds kept for later: each `replay()` runs the next one and answers its events/s. */
export interface SpareRawRounds {
  replay(): number;
  /** Closes the connection and removes the temp files. */
  dispose(): void;
}

/** Medians of the store-path run, its statement profile and the row-for-row check. */
export interface StorePathResult {
  kind: EventKind;
  /** Median events/s of the runtime (sendEvent path: signal / completeTask). */
  runtimePerSec: number;
  /** Median events/s of raw better-sqlite3 replaying the same writes. */
  rawPerSec: number;
  /** Statement profile of the traced runtime (B), per event, averaged over measured rounds. */
  profile: TraceProfile;
  /** Wall microseconds per event of the traced runtime (B): the profile's whole. */
  tracedMicros: number;
  /** Microseconds per event the raw replay spent in COMMIT. */
  rawCommitMicros: number;
  /** Tables whose rows differ between the runtime's database and the raw replay's (none expected). */
  differences: string[];
  /** Present when `spareRounds` was asked for; call dispose() when done. */
  spare?: SpareRawRounds;
  /** Mean JSON/text characters of the case snapshot column. */
  snapshotChars: number;
}

let trace: StatementTrace | null = null;

/** Answers a function that sends the next event of a fixed, repeatable sequence. */
type Driver = () => Promise<void>;

function driver(runtime: Runtime, kind: EventKind, cases: string[], openTasks: Map<string, string>): Driver {
  const tasks = new Map(openTasks);
  let i = 0;
  if (kind === 'signal') {
    return async () => {
      const caseId = cases[i++ % cases.length]!;
      await runtime.signal(caseId, 'ping', undefined, 'bench');
    };
  }
  return async () => {
    const caseId = cases[i++ % cases.length]!;
    const record = await runtime.completeTask(tasks.get(caseId)!, { outcome: 'again' }, 'bench');
    const next = record.tasks.find((t) => t.status === 'open');
    if (!next) throw new Error(`case ${caseId} has no open task after "again"`);
    tasks.set(caseId, next.id);
  };
}

/**
 * (a) Events/s through the runtime's event transaction (load case → engine.step → snapshot,
 * timeline, task, SLA and timer rows, one transaction per event; the same call the HTTP route
 * makes) against raw better-sqlite3 writing the same rows.
 *
 * The raw side is exact, not an imitation: the database is copied before the first event
 * (A = measured runtime, B = traced runtime, C = raw); each round of the event sequence runs
 * first on B with every better-sqlite3 call recorded, then on A, then C replays B's
 * transactions statement by statement with the very parameters the runtime bound
 * (rawEventsFromTrace says what is kept). The first `warmup` rounds are not counted.
 */
export async function measureStorePath(kind: EventKind, options: StorePathOptions): Promise<StorePathResult> {
  const tmp = tempDir(`caseflow-bench-${kind}-`);
  let kept = false;
  try {
    const files = { a: join(tmp.dir, 'a.db'), b: join(tmp.dir, 'b.db'), c: join(tmp.dir, 'c.db') };
    const a = await openBenchRuntime(files.a);
    await publishBenchFlows(a.runtime);
    const cases: string[] = [];
    const openTasks = new Map<string, string>();
    for (let i = 0; i < options.cases; i++) {
      const opened = await a.runtime.openCase({
        flow: kind === 'signal' ? 'bench-signal' : 'bench-task',
        customerId: null,
        channel: 'api',
        subject: `bench case ${i}`,
        actor: 'bench',
      });
      cases.push(opened.id);
      const task = opened.tasks.find((t) => t.status === 'open');
      if (task) openTasks.set(opened.id, task.id);
    }
    copyDatabase(files.a, files.b);
    copyDatabase(files.a, files.c);

    // Per round: B runs it with every statement recorded, then A (the runtime as it runs in
    // production, nothing recorded) and C (raw better-sqlite3 replaying B's transactions) take
    // turns, so that a busy machine slows both; only one round's trace is alive at a time.
    trace ??= new StatementTrace();
    const b = await openBenchRuntime(files.b);
    const raw = new RawReplayer(files.c);
    const nextA = driver(a.runtime, kind, cases, openTasks);
    const nextB = driver(b.runtime, kind, cases, openTasks);
    const runtimePerSec: number[] = [];
    const rawPerSec: number[] = [];
    const profiles: TraceProfile[] = [];
    const tracedMicros: number[] = [];
    const rawCommitMicros: number[] = [];
    for (let r = 0; r < options.warmup + options.rounds; r++) {
      const tracedStarted = performance.now();
      trace.start();
      for (let e = 0; e < options.eventsPerRound; e++) await nextB();
      const { events, profile } = rawEventsFromTrace(trace.stop());
      const tracedMs = performance.now() - tracedStarted;
      if (events.length !== options.eventsPerRound) {
        throw new Error(
          `round ${r}: traced ${events.length} transactions, expected ${options.eventsPerRound}`,
        );
      }
      let started = performance.now();
      for (let e = 0; e < options.eventsPerRound; e++) await nextA();
      const runtimeMs = performance.now() - started;
      raw.takeCommitMicros();
      started = performance.now();
      for (const event of events) raw.replay(event);
      const rawMs = performance.now() - started;
      const commitUs = raw.takeCommitMicros();
      if (r >= options.warmup) {
        runtimePerSec.push((options.eventsPerRound * 1000) / runtimeMs);
        rawPerSec.push((events.length * 1000) / rawMs);
        profiles.push(profile);
        tracedMicros.push((tracedMs * 1000) / options.eventsPerRound);
        rawCommitMicros.push(commitUs / events.length);
      }
    }
    const sample = await a.runtime.store.cases.get(cases[0]!);
    const snapshotChars = JSON.stringify(sample?.snapshot ?? null).length;
    await a.close();
    // The runtime and the raw replay started from the same copy and ran the same events.
    const differences = compareEventTables(files.a, files.c);
    const spareEvents: RawEvent[][] = [];
    for (let r = 0; r < (options.spareRounds ?? 0); r++) {
      trace.start();
      for (let e = 0; e < options.eventsPerRound; e++) await nextB();
      spareEvents.push(rawEventsFromTrace(trace.stop()).events);
    }
    await b.close();
    let spare: SpareRawRounds | undefined;
    raw.close();
    if (spareEvents.length > 0) {
      kept = true;
      // The HTTP rows compare with the naive baseline: one transaction per event, NORMAL.
      const naive = new RawReplayer(files.c, 'NORMAL');
      spare = {
        replay() {
          const events = spareEvents.shift();
          if (!events) throw new Error('no spare raw round left');
          const started = performance.now();
          for (const event of events) naive.replay(event);
          return (events.length * 1000) / (performance.now() - started);
        },
        dispose() {
          naive.close();
          tmp.cleanup();
        },
      };
    }
    return {
      kind,
      runtimePerSec: median(runtimePerSec),
      rawPerSec: median(rawPerSec),
      profile: averageProfiles(profiles),
      tracedMicros: median(tracedMicros),
      rawCommitMicros: median(rawCommitMicros),
      differences,
      snapshotChars,
      ...(spare ? { spare } : {}),
    };
  } finally {
    if (!kept) tmp.cleanup();
  }
}
