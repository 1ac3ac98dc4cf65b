import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { manualClock } from '../../apps/runtime/src/clock';
import { createRuntime } from '../../apps/runtime/src/executor/runtime';
import type { Logger, Runtime } from '../../apps/runtime/src/executor/types';
import { openSqliteStore } from '../../apps/runtime/src/store/sqlite/sqlite-store';
import { tuneV8ForCaseSteps } from '../../apps/runtime/src/v8-tuning';
import { exampleCalendars } from '../../examples/index';
import { benchFlows } from './bench-flows';

/** Monday 2026-01-05 09:00 in Berlin, as in the HTTP scenario tests. */
export const BENCH_CLOCK_START = '2026-01-05T08:00:00.000Z';

/** Drops everything below warn: the bench measures the executor, not log formatting. */
export const quietLogger: Logger = {
  info() {},
  debug() {},
  warn(obj, msg) {
    console.warn(msg ?? '', obj);
  },
  error(obj, msg) {
    console.error(msg ?? '', obj);
  },
};

/** A runtime over a SQLite file, built exactly as main.ts builds it (minus HTTP and loops). */
export interface BenchRuntime {
  runtime: Runtime;
  file: string;
  close(): Promise<void>;
}

/** A fresh temp directory; `cleanup` removes it. */
export function tempDir(prefix: string): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Opens the store (migrations applied) on `file` and a runtime with a manual clock on it. */
export async function openBenchRuntime(file: string): Promise<BenchRuntime> {
  // As main.ts does for the runtime process.
  tuneV8ForCaseSteps();
  const store = await openSqliteStore({ file });
  const runtime = createRuntime({
    store,
    clock: manualClock(BENCH_CLOCK_START),
    logger: quietLogger,
    calendars: exampleCalendars,
  });
  return {
    runtime,
    file,
    async close() {
      await runtime.close();
      await store.close();
    },
  };
}

/**
 * Creates the service-desk group, the admin `bench` (member of it: task commands check who
 * acts inside their transaction) and publishes the bench flows (first version = active).
 */
export async function publishBenchFlows(runtime: Runtime): Promise<void> {
  if (!(await runtime.store.groups.get('service-desk'))) {
    await runtime.store.groups.create({
      name: 'service-desk',
      description: 'bench',
      createdAt: runtime.clock.now(),
    });
  }
  if (!(await runtime.store.users.get('bench'))) {
    await runtime.store.users.create({
      username: 'bench',
      // Never signs in: no password hashes to this value.
      passwordHash: 'bench-no-login',
      roles: ['admin', 'agent'],
      groups: ['service-desk'],
      createdAt: runtime.clock.now(),
    });
  }
  for (const flow of benchFlows) {
    if ((await runtime.store.flows.get(flow.key))?.activeVersion) continue;
    const { problems } = await runtime.saveDraft(flow.key, flow, 'bench');
    const errors = problems.filter((p) => p.severity === 'error');
    if (errors.length > 0) throw new Error(`bench flow ${flow.key} is invalid: ${JSON.stringify(errors)}`);
    await runtime.publish(flow.key, { actor: 'bench', note: 'bench' });
  }
}

/** Copies the committed state of the SQLite database `from` into a new file `to`. */
export function copyDatabase(from: string, to: string): void {
  const db = new Database(from);
  try {
    db.prepare('vacuum into ?').run(to);
  } finally {
    db.close();
  }
}
