import { join } from 'node:path';
import { openBenchRuntime, publishBenchFlows, tempDir } from './in-process';

/**
 * Drives signal events through the in-process runtime (the store path of bench (a), without
 * the statement trace) so that a profiler sees only the runtime:
 *
 *   node --cpu-prof --import tsx bench/runtime/profile-signals.ts
 *   node --trace-gc --import tsx bench/runtime/profile-signals.ts
 *
 * PROFILE_EVENTS sets the events per round (default 4,000); three rounds are printed in
 * microseconds per event.
 */
const CASES = Number(process.env.PROFILE_CASES ?? 200);
const EVENTS = Number(process.env.PROFILE_EVENTS ?? 4000);

const { dir, cleanup } = tempDir('caseflow-profile-');
const bench = await openBenchRuntime(join(dir, 'profile.db'));
try {
  await publishBenchFlows(bench.runtime);
  const cases: string[] = [];
  for (let i = 0; i < CASES; i++) {
    const opened = await bench.runtime.openCase({
      flow: 'bench-signal',
      customerId: null,
      channel: 'api',
      subject: `profile case ${i}`,
      actor: 'bench',
    });
    cases.push(opened.id);
  }
  for (let round = 0; round < 3; round++) {
    const started = performance.now();
    for (let i = 0; i < EVENTS; i++) {
      await bench.runtime.signal(cases[i % CASES]!, 'ping', undefined, 'bench');
    }
    const micros = ((performance.now() - started) * 1000) / EVENTS;
    console.log(`round ${round}: ${micros.toFixed(0)} µs per signal event`);
  }
} finally {
  await bench.close();
  cleanup();
}
