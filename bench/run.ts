import { readdirSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/**
 * Runs the benchmarks: every `bench/*.bench.ts` in name order, or only those named on the
 * command line (`tsx bench/run.ts engine`). A bench module default-exports an async function
 * that prints its own table and answers its targets; this runner prints one PASS/FAIL line per
 * target at the end. Benchmarks measure ratios against baselines taken in the same run on the
 * same machine, so the verdicts hold on a slower or busier machine; they never fail the process.
 */

/** One target of a benchmark: a measured ratio against its bound. */
export interface BenchTarget {
  name: string;
  value: number;
  /** Human-readable bound, e.g. "≥ 0.5". */
  bound: string;
  pass: boolean;
}

export type BenchModule = { default: () => Promise<BenchTarget[]> };

/** Median of a non-empty list. */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export interface TimingOptions {
  /** Rounds discarded first, so the JIT and caches are warm. */
  warmup?: number;
  rounds?: number;
  /** Each round repeats `fn` until at least this long has passed. */
  minMs?: number;
}

function timeRound(fn: () => void, minMs: number): number {
  let calls = 0;
  const started = performance.now();
  let elapsed = 0;
  do {
    fn();
    calls += 1;
    elapsed = performance.now() - started;
  } while (elapsed < minMs);
  return elapsed / calls;
}

/**
 * Median milliseconds per call of each function. Rounds are interleaved (a, b, c, then b, c,
 * a...) after warm-up rounds, so a load spike from other processes on the machine hits every
 * contender alike instead of skewing one of them; each round repeats a function for at
 * least `minMs`, so short operations are timed in bulk.
 */
export function timePerCall<K extends string>(
  fns: Record<K, () => void>,
  options: TimingOptions = {},
): Record<K, number> {
  const { warmup = 2, rounds = 7, minMs = 250 } = options;
  const names = Object.keys(fns) as K[];
  const samples = Object.fromEntries(names.map((n) => [n, [] as number[]])) as Record<K, number[]>;
  for (let round = 0; round < warmup + rounds; round++) {
    for (let i = 0; i < names.length; i++) {
      const name = names[(i + round) % names.length]!;
      const ms = timeRound(fns[name], minMs);
      if (round >= warmup) samples[name].push(ms);
    }
  }
  return Object.fromEntries(names.map((n) => [n, median(samples[n])])) as Record<K, number>;
}

/** Prints rows as an aligned table (first row is the header). */
export function printTable(rows: ReadonlyArray<ReadonlyArray<string>>): void {
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => (r[c] ?? '').length)));
  const line = (r: ReadonlyArray<string>) =>
    r.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join('  ');
  console.log(line(rows[0]!));
  console.log(widths.map((w) => '─'.repeat(w)).join('  '));
  for (const r of rows.slice(1)) console.log(line(r));
}

async function main(): Promise<void> {
  const dir = dirname(fileURLToPath(import.meta.url));
  const wanted = process.argv.slice(2).map((a) => a.replace(/\.bench\.ts$/, ''));
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.bench.ts'))
    .sort()
    .filter((f) => wanted.length === 0 || wanted.includes(basename(f, '.bench.ts')));
  if (files.length === 0) {
    console.error(`no benchmark matches ${wanted.join(', ')}`);
    process.exitCode = 1;
    return;
  }
  console.log(`node ${process.version} · ${process.platform}/${process.arch} · ${new Date().toISOString()}`);
  const targets: BenchTarget[] = [];
  for (const file of files) {
    console.log(`\n▶ ${file}`);
    const module = (await import(pathToFileURL(join(dir, file)).href)) as BenchModule;
    targets.push(...(await module.default()));
  }
  console.log('\nTargets');
  for (const t of targets) {
    console.log(`${t.pass ? 'PASS' : 'FAIL'}  ${t.name}: ${t.value.toFixed(2)} (target ${t.bound})`);
  }
}

// No top-level await: bench modules import the helpers above from this very module, which
// must finish evaluating before they can.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
