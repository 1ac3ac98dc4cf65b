import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The load script (scripts/load.mjs, docs/load.md) in its 20-second `--quick` mode: it starts
 * its own runtime, runs a fixed rate of mixed calls, stops by itself and reports. This proves
 * the script works; it asserts what the report contains, never how fast the machine was.
 */

const SCRIPT = join(import.meta.dirname, '..', '..', 'scripts', 'load.mjs');

interface Summary {
  seconds: number;
  rate: number;
  sent: number;
  ok: number;
  c4xx: number;
  c5xx: number;
  network: number;
  skipped: number;
  p50Ms: number | null;
  p99Ms: number | null;
  byKind: Record<string, { sent: number; ok: number; errors: number }>;
  memory: { startMiB: number; endMiB: number; flat: boolean } | null;
  windows: number;
}

function runScript(args: string[]): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [SCRIPT, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d) => {
      out += d;
    });
    child.stderr.on('data', (d) => {
      out += d;
    });
    child.once('error', reject);
    child.once('exit', (code) => resolve({ code, out }));
  });
}

describe('load script', () => {
  it('refuses a target that is not on loopback', async () => {
    const { code, out } = await runScript(['--quick', '--url', 'http://example.com:3000']);
    expect(code).not.toBe(0);
    expect(out).toMatch(/loopback/);
  });

  it('--quick runs about 20 s against a runtime it starts, stops by itself and reports', async () => {
    const { code, out } = await runScript(['--quick', '--rate', '15']);
    expect(code, out).toBe(0);
    const line = out.split('\n').find((l) => l.startsWith('LOAD-SUMMARY '));
    expect(line, out).toBeDefined();
    const summary = JSON.parse(line!.slice('LOAD-SUMMARY '.length)) as Summary;
    // Open loop at a fixed rate: the schedule decides how many calls were sent (15/s × 20 s).
    expect(summary.rate).toBe(15);
    expect(summary.sent).toBe(300);
    expect(summary.seconds).toBeGreaterThanOrEqual(20);
    // Every call is accounted for exactly once.
    expect(summary.ok + summary.c4xx + summary.c5xx + summary.network + summary.skipped).toBe(summary.sent);
    expect(summary.ok).toBeGreaterThan(0);
    expect(Object.keys(summary.byKind).sort()).toEqual(
      ['get-case', 'list-tasks', 'message', 'open-case', 'signal', 'timeline'].sort(),
    );
    for (const kind of Object.values(summary.byKind)) expect(kind.sent).toBeGreaterThan(0);
    expect(summary.p50Ms).toBeGreaterThan(0);
    expect(summary.p99Ms).toBeGreaterThanOrEqual(summary.p50Ms!);
    // Windows of 5 s, each printed as a row with RSS read from /proc.
    expect(summary.windows).toBeGreaterThanOrEqual(4);
    expect(out).toMatch(/p50ms\s+p99ms\s+rss\(MiB\)/);
    expect(summary.memory?.startMiB).toBeGreaterThan(0);
    expect(typeof summary.memory?.flat).toBe('boolean');
  });
});
