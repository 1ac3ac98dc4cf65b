import { copyFileSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { instanceRound, openRound, saveBenchItem } from './http-opens';
import { measureHttpEvents, publishOverHttp } from './http-path';
import { tempDir } from './in-process';
import { startBenchProcess } from './runtime-process';

/**
 * Profiles the built runtime process under the HTTP signal load of bench (b) (or another of its
 * loads, PROFILE_LOAD=opens|catalog|instances) and prints where
 * its CPU went: self time grouped by where the code lives (our packages, hono, better-sqlite3,
 * xstate, feelin, node internals, GC, idle), then the hottest functions.
 *
 *   npx tsx bench/runtime/profile-http.ts   # PROFILE_SECONDS (10), PROFILE_CONNECTIONS (50),
 *                                           # PROFILE_KEEP=<file> keeps the .cpuprofile,
 *                                           # PROFILE_PRELOAD_SECONDS of opens before the instances
 */
const SECONDS = Number(process.env.PROFILE_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.PROFILE_CONNECTIONS ?? 50);
/**
 * `signals` (bench (b)'s signal load), `opens` or `catalog` (its case-open and catalog-request
 * rows) or `instances` (open + complete, the whole-instance row).
 */
const LOAD = process.env.PROFILE_LOAD ?? 'signals';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** The module of each line of the runtime bundle, from esbuild's `// path` comments. */
function bundleModules(): (line: number) => string {
  const lines = readFileSync(
    join(import.meta.dirname, '..', '..', 'apps', 'runtime', 'dist', 'main.js'),
    'utf8',
  ).split('\n');
  const starts: Array<[number, string]> = [];
  lines.forEach((text, i) => {
    const m = /^\/\/ ((?:\.\.\/)*(?:src|node_modules|packages)\/.*)$/.exec(text);
    if (m) starts.push([i, m[1]!]);
  });
  return (line) => {
    let lo = 0;
    let hi = starts.length - 1;
    let found = 'runtime bundle';
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (starts[mid]![0] <= line) {
        found = starts[mid]![1];
        lo = mid + 1;
      } else hi = mid - 1;
    }
    const pkg = /node_modules\/(?:\.pnpm\/[^/]+\/node_modules\/)?((?:@[^/]+\/)?[^/]+)/.exec(found);
    return pkg ? pkg[1]! : found.replace(/^(\.\.\/)+/, '');
  };
}
const moduleOf = bundleModules();

/** Where a frame's code lives, as one word. */
function area(url: string, name: string, line = 0): string {
  if (name === '(garbage collector)') return 'gc';
  if (name === '(idle)') return 'idle';
  if (name === '(program)') return 'program (native, outside JS)';
  if (!url) return `native: ${name}`;
  const m = /node_modules\/(?:\.pnpm\/[^/]+\/node_modules\/)?((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (m) return m[1]!;
  if (url.startsWith('node:')) return 'node internals';
  if (/dist\/main\.js/.test(url)) return moduleOf(line);
  return url;
}

const tmp = tempDir('caseflow-profile-http-');
const proc = await startBenchProcess({ nodeArgs: ['--cpu-prof', `--cpu-prof-dir=${tmp.dir}`] });
try {
  await publishOverHttp(proc);
  if (LOAD === 'opens' || LOAD === 'catalog') {
    const token = await proc.login('lena');
    if (LOAD === 'catalog') await saveBenchItem(proc);
    const result = await openRound(proc, token, {
      connections: CONNECTIONS,
      seconds: SECONDS,
      catalog: LOAD === 'catalog',
    });
    console.log(
      `${LOAD}: ${result.perSec.toFixed(0)}/s, p50 ${result.p50Ms.toFixed(0)} ms, p99 ${result.p99Ms.toFixed(0)} ms`,
    );
  } else if (LOAD === 'instances') {
    const token = await proc.login('lena');
    // Cases opened first, so that the instances run among as many as in bench (b).
    const preload = Number(process.env.PROFILE_PRELOAD_SECONDS ?? 0);
    if (preload > 0)
      await openRound(proc, token, { connections: CONNECTIONS, seconds: preload, catalog: false });
    const result = await instanceRound(proc, token, { connections: CONNECTIONS, seconds: SECONDS });
    console.log(
      `instances: ${result.perSec.toFixed(1)}/s, p50 ${result.p50Ms.toFixed(0)} ms, p99 ${result.p99Ms.toFixed(0)} ms, failed ${result.failed}`,
    );
  } else {
    const result = await measureHttpEvents(proc, {
      cases: 500,
      connections: CONNECTIONS,
      warmupSeconds: 2,
      roundSeconds: SECONDS,
      rounds: 1,
    });
    console.log(
      `signals: ${result.eventsPerSec.toFixed(0)}/s, p50 ${result.p50Ms} ms, p99 ${result.p99Ms} ms, non-2xx ${result.non2xx}`,
    );
  }
} finally {
  await proc.stop();
}
const file = readdirSync(tmp.dir).find((f) => f.endsWith('.cpuprofile'));
if (!file) throw new Error('no profile written');
const profile = JSON.parse(readFileSync(join(tmp.dir, file), 'utf8')) as Profile;
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const self = new Map<number, number>();
profile.samples.forEach((id, i) => {
  self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0));
});
const total = [...self.values()].reduce((a, b) => a + b, 0);
const areas = new Map<string, number>();
const fns = new Map<string, number>();
for (const [id, us] of self) {
  const n = byId.get(id)!;
  const a = area(n.callFrame.url, n.callFrame.functionName, n.callFrame.lineNumber);
  areas.set(a, (areas.get(a) ?? 0) + us);
  const key = `${n.callFrame.functionName || '(anonymous)'} ${a}:${n.callFrame.lineNumber + 1}`;
  fns.set(key, (fns.get(key) ?? 0) + us);
}
const pct = (us: number) => `${((100 * us) / total).toFixed(1).padStart(5)} %`;
console.log(`\nself time by area (${(total / 1e6).toFixed(1)} s sampled)`);
for (const [a, us] of [...areas].sort((x, y) => y[1] - x[1]).slice(0, 45)) console.log(`${pct(us)}  ${a}`);
console.log('\nhottest functions');
for (const [f, us] of [...fns].sort((x, y) => y[1] - x[1]).slice(0, 40)) console.log(`${pct(us)}  ${f}`);
if (process.env.PROFILE_KEEP) copyFileSync(join(tmp.dir, file), process.env.PROFILE_KEEP);
tmp.cleanup();
