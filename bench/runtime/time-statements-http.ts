import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { openRound, saveBenchItem } from './http-opens';
import { measureHttpEvents, publishOverHttp } from './http-path';
import { tempDir } from './in-process';
import { startBenchProcess } from './runtime-process';

/**
 * Times every better-sqlite3 call of the built runtime process under one of bench (b)'s HTTP
 * loads and prints the time per statement, BEGIN/COMMIT/SAVEPOINT bucketed by duration (the
 * hook: statement-timing-hook.cjs). The timing costs the process a little, so read the shares,
 * not the throughput.
 *
 *   npx tsx bench/runtime/time-statements-http.ts   # PROFILE_LOAD=signals|opens|catalog, PROFILE_SECONDS (10)
 */
const LOAD = process.env.PROFILE_LOAD ?? 'signals';
const SECONDS = Number(process.env.PROFILE_SECONDS ?? 10);
const tmp = tempDir('caseflow-statement-timing-');
const out = join(tmp.dir, 'statements.txt');
const proc = await startBenchProcess({
  nodeArgs: ['--require', join(import.meta.dirname, 'statement-timing-hook.cjs')],
  env: { STATEMENT_TIMING_OUT: out },
});
try {
  await publishOverHttp(proc);
  const token = await proc.login('lena');
  if (LOAD === 'catalog' || LOAD === 'opens') {
    if (LOAD === 'catalog') await saveBenchItem(proc);
    const r = await openRound(proc, token, {
      connections: 50,
      seconds: SECONDS,
      catalog: LOAD === 'catalog',
    });
    console.log(`${LOAD}: ${r.perSec.toFixed(0)}/s (timed)`);
  } else {
    const r = await measureHttpEvents(proc, {
      cases: 500,
      connections: 50,
      warmupSeconds: 2,
      roundSeconds: SECONDS,
      rounds: 1,
    });
    console.log(`signals: ${r.eventsPerSec.toFixed(0)}/s (timed)`);
  }
} finally {
  await proc.stop();
}
console.log(readFileSync(out, 'utf8'));
tmp.cleanup();
