#!/usr/bin/env node
// Bounded load and soak run against a Caseflow runtime on loopback (docs/load.md).
//
//   node scripts/load.mjs [--minutes 10] [--rate 30] [--quick] [--url http://127.0.0.1:3000]
//                         [--report-every 60] [--json]
//
// Without --url it starts the built runtime (apps/runtime/dist/main.js) itself on a fresh
// SQLite file in a temp directory (or on DATABASE_URL when --pg <url> is given), with the demo
// seed and the real clock, and removes everything when done. It publishes one looping flow,
// opens a pool of cases, then sends a FIXED RATE of mixed API calls (open-loop: a request is
// started on schedule whether or not earlier ones answered, so a slow server shows up as
// latency, not as a lower rate). Every window it prints latency p50/p99, status counts and the
// runtime's RSS; at the end a summary and one `LOAD-SUMMARY {json}` line for scripts.
// It always stops by itself: after --minutes (default 10), or 20 s with --quick.

import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const RUNTIME_MAIN = join(ROOT, 'apps', 'runtime', 'dist', 'main.js');
const CUSTOMERS = ['c-1001', 'c-1002', 'c-1003', 'c-1004', 'c-1005', 'c-1006'];
/** In-flight requests above this are not started (counted as `skipped`): the run stays bounded. */
const MAX_IN_FLIGHT = 256;
const REQUEST_TIMEOUT_MS = 30_000;

/** The flow the load drives: a wait that loops on `ping` forever (cases never close by load). */
const LOAD_FLOW = {
  key: 'load-signal',
  name: 'Load: signal loop',
  kind: 'case',
  calendar: '24x7',
  slas: [{ id: 'resolution', target: 'P5D', start: { event: 'case.opened' }, stop: { atNodes: ['done'] } }],
  nodes: [
    { id: 'start', type: 'start' },
    { id: 'listen', type: 'wait', signal: 'ping', timeout: 'P1D' },
    {
      id: 'count',
      type: 'action',
      action: { kind: 'set', values: { pings: 'if pings = null then 1 else pings + 1' } },
    },
    { id: 'done', type: 'end', outcome: 'resolved' },
  ],
  edges: [
    { from: 'start', to: 'listen' },
    { from: 'listen', to: 'count', on: 'ping' },
    { from: 'count', to: 'listen' },
    { from: 'listen', to: 'done', on: 'timeout' },
  ],
};

/** Weighted mix of calls; each picks its target from the case pool. */
const MIX = [
  { name: 'signal', weight: 45 },
  { name: 'get-case', weight: 20 },
  { name: 'open-case', weight: 10 },
  { name: 'timeline', weight: 10 },
  { name: 'list-tasks', weight: 10 },
  { name: 'message', weight: 5 },
];

function parseArgs(argv) {
  const opts = { minutes: 10, rate: 30, quick: false, url: null, pg: null, reportEvery: null, json: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${a} needs a value`);
      return v;
    };
    if (a === '--minutes') opts.minutes = Number(value());
    else if (a === '--rate') opts.rate = Number(value());
    else if (a === '--quick') opts.quick = true;
    else if (a === '--url') opts.url = value();
    else if (a === '--pg') opts.pg = value();
    else if (a === '--report-every') opts.reportEvery = Number(value());
    else if (a === '--json') opts.json = true;
    else if (a === '--help' || a === '-h') {
      console.log(
        readFileSync(fileURLToPath(import.meta.url), 'utf8')
          .split('\n')
          .slice(1, 15)
          .join('\n'),
      );
      process.exit(0);
    } else throw new Error(`unknown argument ${a}`);
  }
  if (!(opts.minutes > 0 && opts.minutes <= 24 * 60)) throw new Error('--minutes must be in (0, 1440]');
  if (!(opts.rate > 0 && opts.rate <= 2000)) throw new Error('--rate must be in (0, 2000]');
  const seconds = opts.quick ? 20 : opts.minutes * 60;
  opts.durationMs = seconds * 1000;
  opts.reportEveryMs =
    (opts.reportEvery ?? (opts.quick ? 5 : Math.min(60, Math.max(5, seconds / 10)))) * 1000;
  if (opts.url) {
    const host = new URL(opts.url).hostname;
    if (!['127.0.0.1', 'localhost', '[::1]', '::1'].includes(host)) {
      throw new Error(`--url must be a loopback address (127.0.0.1, localhost, ::1), not ${host}`);
    }
  }
  return opts;
}

async function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** Starts the built runtime on loopback; answers { url, pid, stop(), output() }. */
async function startRuntime(pgUrl) {
  if (!existsSync(RUNTIME_MAIN)) {
    throw new Error(`${RUNTIME_MAIN} is missing: run pnpm --filter @caseflow/runtime run build`);
  }
  const dir = mkdtempSync(join(tmpdir(), 'caseflow-load-'));
  const port = await freePort();
  let log = '';
  const child = spawn(process.execPath, [RUNTIME_MAIN], {
    cwd: dir,
    env: {
      PATH: process.env.PATH,
      PORT: String(port),
      HOST: '127.0.0.1',
      CASEFLOW_DEMO: '1',
      // Presence stays as the test sets it: no agent is put online at start or on sign-in.
      CASEFLOW_DEMO_PRESENCE: '0',
      CASEFLOW_DEMO_HISTORY: '0',
      CASEFLOW_SECRET: 'load-secret-0123456789abcdef',
      LOG_LEVEL: 'warn',
      ...(pgUrl ? { DATABASE_URL: pgUrl } : { CASEFLOW_DB: join(dir, 'caseflow.db') }),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const keep = (d) => {
    log = (log + d).slice(-20_000);
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  const url = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      const force = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(force);
    }
    rmSync(dir, { recursive: true, force: true });
  };
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) {
      await stop();
      throw new Error(`runtime exited with ${child.exitCode}:\n${log}`);
    }
    try {
      if ((await fetch(`${url}/api/health`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`runtime did not become healthy:\n${log}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return { url, pid: child.pid, stop, output: () => log };
}

/** Resident set size of `pid` in MiB from /proc (Linux), or null. */
function rssMiB(pid) {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Math.round(Number(m[1]) / 102.4) / 10 : null;
  } catch {
    return null;
  }
}

async function call(url, method, path, token, body) {
  const headers = {};
  if (token) headers.authorization = `Bearer ${token}`;
  if (body !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(`${url}${path}`, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
    signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
  });
  const text = await res.text();
  let json = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    // not JSON
  }
  return { status: res.status, body: json };
}

async function must(url, method, path, token, body) {
  const r = await call(url, method, path, token, body);
  if (r.status >= 300) throw new Error(`${method} ${path}: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body;
}

/** Nearest-rank percentile of an unsorted array of numbers (ms), or null when empty. */
export function percentile(values, p) {
  if (values.length === 0) return null;
  const sorted = Float64Array.from(values).sort();
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return Math.round(sorted[rank] * 10) / 10;
}

function newWindow() {
  return { sent: 0, ok: 0, c4xx: 0, c5xx: 0, network: 0, skipped: 0, latencies: [] };
}

async function prepare(url) {
  const owner = (
    await must(url, 'POST', '/api/auth/login', null, { username: 'olivia', password: 'demo1234' })
  ).token;
  const agent = (await must(url, 'POST', '/api/auth/login', null, { username: 'lena', password: 'demo1234' }))
    .token;
  const existing = await call(url, 'GET', `/api/flows/${LOAD_FLOW.key}/versions`, owner);
  if (existing.status !== 200 || (existing.body?.items ?? existing.body ?? []).length === 0) {
    await must(url, 'PUT', `/api/flows/${LOAD_FLOW.key}`, owner, { definition: LOAD_FLOW });
    await must(url, 'POST', `/api/flows/${LOAD_FLOW.key}/publish`, owner, { note: 'load script' });
  }
  const cases = [];
  for (let i = 0; i < 20; i++) {
    const c = await must(url, 'POST', '/api/cases', agent, {
      flow: LOAD_FLOW.key,
      customerId: CUSTOMERS[i % CUSTOMERS.length],
      channel: 'api',
      subject: `load seed ${i}`,
    });
    cases.push(c.id);
  }
  return { agent, cases };
}

/** One request of kind `name`; resolves with the HTTP status (throws on a network error). */
async function fire(url, name, ctx, seq) {
  const pick = () => ctx.cases[seq % ctx.cases.length];
  switch (name) {
    case 'signal':
      return (await call(url, 'POST', `/api/cases/${pick()}/signals`, ctx.agent, { name: 'ping' })).status;
    case 'get-case':
      return (await call(url, 'GET', `/api/cases/${pick()}`, ctx.agent)).status;
    case 'timeline':
      return (await call(url, 'GET', `/api/cases/${pick()}/timeline`, ctx.agent)).status;
    case 'list-tasks':
      return (await call(url, 'GET', '/api/tasks?status=open&limit=20', ctx.agent)).status;
    case 'message':
      return (
        await call(url, 'POST', `/api/cases/${pick()}/messages`, ctx.agent, {
          channel: 'email',
          body: `load message ${seq}`,
          from: 'agent',
        })
      ).status;
    case 'open-case': {
      const r = await call(url, 'POST', '/api/cases', ctx.agent, {
        flow: LOAD_FLOW.key,
        customerId: CUSTOMERS[seq % CUSTOMERS.length],
        channel: 'api',
        subject: `load ${seq}`,
      });
      // Keep the pool bounded so GETs stay comparable over a long run.
      if (r.status === 201 || r.status === 200) {
        if (ctx.cases.length < 500) ctx.cases.push(r.body.id);
        else ctx.cases[seq % ctx.cases.length] = r.body.id;
      }
      return r.status;
    }
    default:
      throw new Error(`unknown call ${name}`);
  }
}

function mixPicker() {
  const total = MIX.reduce((n, m) => n + m.weight, 0);
  return (seq) => {
    // A fixed, spread-out sequence (golden-ratio stepping) instead of Math.random: runs repeat.
    let x = ((seq * 0.618_033_988_75) % 1) * total;
    for (const m of MIX) {
      if (x < m.weight) return m.name;
      x -= m.weight;
    }
    return MIX[0].name;
  };
}

function fmt(n) {
  return n === null || n === undefined ? '-' : String(n);
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  const runtime = opts.url ? null : await startRuntime(opts.pg);
  const url = opts.url ?? runtime.url;
  const pid = runtime?.pid ?? null;
  let stopped = false;
  const cleanup = async () => {
    if (stopped) return;
    stopped = true;
    await runtime?.stop();
  };
  process.on('SIGINT', () => void cleanup().then(() => process.exit(130)));
  process.on('SIGTERM', () => void cleanup().then(() => process.exit(143)));
  try {
    const ctx = await prepare(url);
    const pickMix = mixPicker();
    const totals = newWindow();
    const byKind = Object.fromEntries(MIX.map((m) => [m.name, { sent: 0, ok: 0, errors: 0 }]));
    const windows = [];
    let win = newWindow();
    let inFlight = 0;
    let seq = 0;
    const started = performance.now();
    const intervalMs = 1000 / opts.rate;
    const rssStart = pid ? rssMiB(pid) : null;
    console.log(
      `load: ${opts.rate} req/s for ${opts.durationMs / 1000} s against ${url}` +
        `${pid ? ` (runtime pid ${pid}, RSS ${rssStart} MiB at start)` : ''}`,
    );
    console.log('  t(s)   sent    2xx  4xx  5xx  net  skip   p50ms   p99ms  rss(MiB)');

    const pending = new Set();
    const record = (w, kind, status, latency) => {
      if (status === 'network') w.network++;
      else if (status < 300) w.ok++;
      else if (status < 500) w.c4xx++;
      else w.c5xx++;
      if (latency !== null) w.latencies.push(latency);
      if (kind) {
        if (status !== 'network' && status < 300) byKind[kind].ok++;
        else byKind[kind].errors++;
      }
    };
    const flush = (final) => {
      const elapsed = Math.round((performance.now() - started) / 100) / 10;
      const row = {
        t: elapsed,
        sent: win.sent,
        ok: win.ok,
        c4xx: win.c4xx,
        c5xx: win.c5xx,
        network: win.network,
        skipped: win.skipped,
        p50: percentile(win.latencies, 50),
        p99: percentile(win.latencies, 99),
        rss: pid ? rssMiB(pid) : null,
      };
      if (row.sent > 0 || final) windows.push(row);
      console.log(
        `${String(row.t).padStart(6)} ${String(row.sent).padStart(6)} ${String(row.ok).padStart(6)}` +
          ` ${String(row.c4xx).padStart(4)} ${String(row.c5xx).padStart(4)} ${String(row.network).padStart(4)}` +
          ` ${String(row.skipped).padStart(5)} ${fmt(row.p50).padStart(7)} ${fmt(row.p99).padStart(7)}` +
          ` ${fmt(row.rss).padStart(9)}`,
      );
      win = newWindow();
    };

    // The schedule: request n is due at started + n * interval. A single timer loop catches up
    // on every due slot (open loop); latency counts from the due instant, so queueing shows.
    let nextReport = started + opts.reportEveryMs;
    const end = started + opts.durationMs;
    while (performance.now() < end) {
      const now = performance.now();
      while (seq * intervalMs <= now - started && started + seq * intervalMs < end) {
        const due = started + seq * intervalMs;
        const kind = pickMix(seq);
        const n = seq++;
        win.sent++;
        totals.sent++;
        byKind[kind].sent++;
        if (inFlight >= MAX_IN_FLIGHT) {
          win.skipped++;
          totals.skipped++;
          continue;
        }
        inFlight++;
        const p = fire(url, kind, ctx, n)
          .then(
            (status) => status,
            () => 'network',
          )
          .then((status) => {
            const latency = performance.now() - due;
            record(win, null, status, latency);
            record(totals, kind, status, latency);
          })
          .finally(() => {
            inFlight--;
            pending.delete(p);
          });
        pending.add(p);
      }
      if (now >= nextReport) {
        flush(false);
        nextReport += opts.reportEveryMs;
      }
      const wait = Math.max(0, Math.min(started + seq * intervalMs, nextReport) - performance.now());
      await new Promise((r) => setTimeout(r, Math.max(1, wait)));
    }
    // Let what is in flight answer (bounded by the request timeout), then the last window.
    await Promise.allSettled([...pending]);
    flush(true);

    const rssValues = windows.map((w) => w.rss).filter((r) => r !== null);
    // Memory is "flat" when the second half of the run never rose more than 20 % (and 30 MiB)
    // above the highest reading of the first half (warm-up: caches, JIT, pool filling).
    let memory = null;
    if (rssValues.length >= 2) {
      const half = Math.max(1, Math.floor(rssValues.length / 2));
      const firstHalfMax = Math.max(...rssValues.slice(0, half));
      const secondHalfMax = Math.max(...rssValues.slice(half));
      const growth = secondHalfMax - firstHalfMax;
      memory = {
        startMiB: rssStart,
        firstHalfMaxMiB: firstHalfMax,
        secondHalfMaxMiB: secondHalfMax,
        endMiB: rssValues.at(-1),
        flat: growth <= Math.max(30, firstHalfMax * 0.2),
      };
    }
    const summary = {
      url: opts.url ? url : 'spawned',
      seconds: Math.round((performance.now() - started) / 100) / 10,
      rate: opts.rate,
      sent: totals.sent,
      ok: totals.ok,
      c4xx: totals.c4xx,
      c5xx: totals.c5xx,
      network: totals.network,
      skipped: totals.skipped,
      p50Ms: percentile(totals.latencies, 50),
      p99Ms: percentile(totals.latencies, 99),
      maxMs: totals.latencies.length ? Math.round(Math.max(...totals.latencies)) : null,
      byKind,
      memory,
      windows: opts.json ? windows : windows.length,
    };
    console.log(
      `\ntotal: ${summary.sent} sent, ${summary.ok} 2xx, ${summary.c4xx} 4xx, ${summary.c5xx} 5xx,` +
        ` ${summary.network} network errors, ${summary.skipped} skipped; latency p50 ${fmt(summary.p50Ms)} ms,` +
        ` p99 ${fmt(summary.p99Ms)} ms, max ${fmt(summary.maxMs)} ms`,
    );
    for (const [k, v] of Object.entries(byKind))
      console.log(`  ${k.padEnd(11)} ${v.sent} sent, ${v.ok} 2xx, ${v.errors} errors`);
    if (memory) {
      console.log(
        `memory: RSS ${memory.startMiB} MiB at start, max ${memory.firstHalfMaxMiB} MiB in the first half,` +
          ` max ${memory.secondHalfMaxMiB} MiB in the second half, ${memory.endMiB} MiB at the end →` +
          ` ${memory.flat ? 'flat' : 'GROWING'}`,
      );
    }
    console.log(`LOAD-SUMMARY ${JSON.stringify(summary)}`);
  } catch (error) {
    console.error('load run failed:', error instanceof Error ? error.message : error);
    if (runtime) console.error(runtime.output());
    process.exitCode = 1;
  } finally {
    await cleanup();
  }
}

await main();
