import autocannon from 'autocannon';
import { median } from '../run';
import { benchFlows } from './bench-flows';
import type { BenchProcess, ProcessMemory } from './runtime-process';

/** Demo customers (the seed creates c-1001 … c-1006); cases are spread over them. */
const CUSTOMERS = ['c-1001', 'c-1002', 'c-1003', 'c-1004', 'c-1005', 'c-1006'];

export interface HttpOptions {
  cases: number;
  connections: number;
  warmupSeconds: number;
  roundSeconds: number;
  rounds: number;
}

export interface HttpResult {
  /** Median over rounds of 2xx answers per second. */
  eventsPerSec: number;
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
 * median round, non-2xx and errors are summed over every measured round.
 */
export async function measureHttpEvents(proc: BenchProcess, options: HttpOptions): Promise<HttpResult> {
  const token = await proc.login('lena');
  const cases = await openSignalCases(proc, token, options.cases);
  let next = 0;
  const run = (duration: number) =>
    autocannon({
      url: proc.url,
      connections: options.connections,
      duration,
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
  for (let r = 0; r < options.rounds; r++) rounds.push(await run(options.roundSeconds));
  const perSec = rounds.map((r) => r['2xx'] / r.duration);
  const mid = median(perSec);
  const typical = rounds[perSec.indexOf(perSec.find((v) => v === mid) ?? perSec[0]!)] ?? rounds[0]!;
  return {
    eventsPerSec: mid,
    p50Ms: typical.latency.p50,
    p99Ms: typical.latency.p99,
    non2xx: rounds.reduce((n, r) => n + r.non2xx, 0),
    errors: rounds.reduce((n, r) => n + r.errors, 0),
    requests: rounds.reduce((n, r) => n + r.requests.total, 0),
  };
}

export interface MemoryResult {
  cases: number;
  seconds: number;
  before: ProcessMemory;
  after: ProcessMemory;
  non2xx: number;
}

/**
 * (d) Opens `count` cases through `POST /api/cases` (engine.start and every start effect: case,
 * timeline, SLA and timer rows), `connections` at a time, and reads the process's memory after
 * GC before and after. The runtime keeps cases in the database, so the growth should be caches
 * only, not a per-case cost.
 */
export async function measureOpenCaseMemory(
  proc: BenchProcess,
  count: number,
  connections: number,
): Promise<MemoryResult> {
  const token = await proc.login('lena');
  const before = await proc.memory();
  let i = 0;
  const started = performance.now();
  const result = await autocannon({
    url: proc.url,
    connections,
    amount: count,
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
  const seconds = (performance.now() - started) / 1000;
  const after = await proc.memory();
  return { cases: result['2xx'], seconds, before, after, non2xx: result.non2xx + result.errors };
}
