import autocannon from 'autocannon';
import { median } from '../run';
import { benchFlows } from './bench-flows';
import { cloneCases } from './bulk-cases';
import type { BenchProcess, ProcessMemory } from './runtime-process';

/** Demo customers (the seed creates c-1001 … c-1006); cases are spread over them. */
const CUSTOMERS = ['c-1001', 'c-1002', 'c-1003', 'c-1004', 'c-1005', 'c-1006'];
/**
 * Seconds before autocannon gives up on a request (its default is 10): 50 requests queue behind
 * the runtime's one SQLite connection, and on a busy machine the tail of that queue can pass
 * 10 s; a client timeout would count a request the runtime still commits as an error.
 */
const CLIENT_TIMEOUT_S = 60;

/** Sizes of the HTTP run: pre-opened cases, concurrent connections, warm-up and rounds. */
export interface HttpOptions {
  cases: number;
  connections: number;
  warmupSeconds: number;
  roundSeconds: number;
  rounds: number;
}

/** What the HTTP run saw: throughput, latency of the median round, failures. */
export interface HttpResult {
  /** Median over rounds of 2xx answers per second. */
  eventsPerSec: number;
  /** Raw events/s taken right after each round (when a `rawRound` was given). */
  rawPerSec: number[];
  /** Median over rounds of (round's events/s ÷ the raw figure taken right after it), or null. */
  ratio: number | null;
  p50Ms: number;
  p99Ms: number;
  non2xx: number;
  errors: number;
  requests: number;
}

/** Publishes the bench flows through the API (owner olivia; the first version is active). */
export async function publishOverHttp(proc: BenchProcess): Promise<void> {
  const owner = await proc.login('olivia');
  for (const flow of benchFlows) {
    await proc.call('PUT', `/api/flows/${flow.key}`, { definition: flow }, owner);
    await proc.call('POST', `/api/flows/${flow.key}/publish`, { note: 'bench' }, owner);
  }
}

/** Opens `count` bench-signal cases one request at a time (setup, not measured). */
export async function openSignalCases(proc: BenchProcess, token: string, count: number): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    const created = (await proc.call(
      'POST',
      '/api/cases',
      {
        flow: 'bench-signal',
        customerId: CUSTOMERS[i % CUSTOMERS.length],
        channel: 'api',
        subject: `bench ${i}`,
      },
      token,
    )) as { id: string };
    ids.push(created.id);
  }
  return ids;
}

/**
 * (b) `POST /api/cases/:id/signals {"name":"ping"}` from `connections` concurrent connections
 * (autocannon) over many pre-opened bench-signal cases, as agent lena. A warm-up run, then
 * `rounds` runs; the figure is the median of 2xx answers per second, latencies are those of the
 * median round, non-2xx and errors are summed over every measured round. `rawRound`, when given,
 * runs right after each round (a raw better-sqlite3 round of the same events), so the ratio
 * compares figures taken seconds apart on a machine whose load changes; `beside` (other HTTP
 * rounds to compare with these) runs after it.
 */
export async function measureHttpEvents(
  proc: BenchProcess,
  options: HttpOptions,
  rawRound?: () => number,
  beside?: () => Promise<void>,
): Promise<HttpResult> {
  const token = await proc.login('lena');
  const cases = await openSignalCases(proc, token, options.cases);
  let next = 0;
  const run = (duration: number) =>
    autocannon({
      url: proc.url,
      connections: options.connections,
      duration,
      timeout: CLIENT_TIMEOUT_S,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      requests: [
        {
          method: 'POST',
          body: '{"name":"ping"}',
          setupRequest(request) {
            request.path = `/api/cases/${cases[next++ % cases.length]}/signals`;
            return request;
          },
        },
      ],
    });
  await run(options.warmupSeconds);
  const rounds = [];
  const rawPerSec: number[] = [];
  for (let r = 0; r < options.rounds; r++) {
    rounds.push(await run(options.roundSeconds));
    if (rawRound) rawPerSec.push(rawRound());
    if (beside) await beside();
  }
  const perSec = rounds.map((r) => r['2xx'] / r.duration);
  const mid = median(perSec);
  const typical = rounds[perSec.indexOf(mid)] ?? rounds[0]!;
  return {
    eventsPerSec: mid,
    rawPerSec,
    ratio: rawRound ? median(perSec.map((v, i) => v / rawPerSec[i]!)) : null,
    p50Ms: typical.latency.p50,
    p99Ms: typical.latency.p99,
    non2xx: rounds.reduce((n, r) => n + r.non2xx, 0),
    errors: rounds.reduce((n, r) => n + r.errors, 0),
    requests: rounds.reduce((n, r) => n + r.requests.total, 0),
  };
}

/** Readings of the memory run: how many cases came which way, and the memory before/after. */
export interface MemoryResult {
  /** Cases opened through POST /api/cases (engine.start, every start effect). */
  viaApi: number;
  apiSeconds: number;
  /** Cases written as copies of an API-opened one straight into the process's database. */
  cloned: number;
  cloneSeconds: number;
  /** Cases opened through the API before the first reading (warm-up), the template included. */
  warmup: number;
  /** Signals the runtime then handled on randomly chosen copies (proof they are live cases). */
  signals: number;
  before: ProcessMemory;
  /** After the API-opened cases. */
  middle: ProcessMemory;
  after: ProcessMemory;
  failed: number;
}

async function openCasesOverHttp(proc: BenchProcess, token: string, count: number, connections: number) {
  let i = 0;
  return autocannon({
    url: proc.url,
    connections,
    amount: count,
    timeout: CLIENT_TIMEOUT_S,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    requests: [
      {
        method: 'POST',
        path: '/api/cases',
        setupRequest(request) {
          const n = i++;
          request.body = JSON.stringify({
            flow: 'bench-signal',
            customerId: CUSTOMERS[n % CUSTOMERS.length],
            channel: 'api',
            subject: `bench memory ${n}`,
          });
          return request;
        },
      },
    ],
  });
}

/**
 * (d) Resident memory of the runtime process (after GC, through the memory probe) as it comes
 * to hold `total` open cases. Opening 100,000 cases through the engine takes longer than the
 * bench may (a few hundred per second on this machine), so `viaApi` of them are opened through
 * `POST /api/cases` (the full path: engine.start, case, timeline, SLA and timer rows) and the
 * rest are copies of one of those written straight into the process's SQLite file (cloneCases);
 * `warmup` API-opened cases come before the first reading (they count towards `total`);
 * the runtime then delivers `signals` signals to randomly chosen copies over HTTP. The API part
 * shows what each opened case costs the process; the whole shows that a database of 100,000
 * open cases does not grow it.
 */
export async function measureOpenCaseMemory(
  proc: BenchProcess,
  options: { total: number; warmup: number; viaApi: number; signals: number; connections: number },
): Promise<MemoryResult> {
  const token = await proc.login('lena');
  // Warm-up (compiled flow, JIT, statement caches): these cases count, the memory does not.
  const warm = await openCasesOverHttp(proc, token, options.warmup, options.connections);
  const [template] = await openSignalCases(proc, token, 1);
  const before = await proc.memory();
  const started = performance.now();
  const opened = await openCasesOverHttp(proc, token, options.viaApi, options.connections);
  const apiSeconds = (performance.now() - started) / 1000;
  const middle = await proc.memory();
  const cloneStarted = performance.now();
  const cloned = cloneCases(
    proc.dbFile,
    template!,
    options.total - options.viaApi - options.warmup - 1,
    'bulk',
  );
  const cloneSeconds = (performance.now() - cloneStarted) / 1000;
  let seed = 7;
  const pick = () => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return cloned[seed % cloned.length]!;
  };
  const signalled = await autocannon({
    url: proc.url,
    connections: options.connections,
    amount: options.signals,
    timeout: CLIENT_TIMEOUT_S,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    requests: [
      {
        method: 'POST',
        body: '{"name":"ping"}',
        setupRequest(request) {
          request.path = `/api/cases/${pick()}/signals`;
          return request;
        },
      },
    ],
  });
  const after = await proc.memory();
  return {
    viaApi: opened['2xx'],
    apiSeconds,
    warmup: warm['2xx'] + 1,
    cloned: cloned.length,
    cloneSeconds,
    signals: signalled['2xx'],
    before,
    middle,
    after,
    failed: warm.non2xx + warm.errors + opened.non2xx + opened.errors + signalled.non2xx + signalled.errors,
  };
}
