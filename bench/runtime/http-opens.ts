import autocannon from 'autocannon';
import { median } from '../run';
import type { BenchProcess } from './runtime-process';

/** Demo customers (the seed creates c-1001 … c-1006). */
const CUSTOMERS = ['c-1001', 'c-1002', 'c-1003', 'c-1004', 'c-1005', 'c-1006'];
/** The catalog item the bench requests (offered to everyone, opens bench-signal). */
export const BENCH_ITEM = 'bench-ping';

/** One autocannon round: 2xx/s and latencies. */
export interface RoundResult {
  perSec: number;
  p50Ms: number;
  p99Ms: number;
  non2xx: number;
  errors: number;
}

/** Saves the catalog item `bench-ping` (owner olivia): an empty form, no audience limit. */
export async function saveBenchItem(proc: BenchProcess): Promise<void> {
  const owner = await proc.login('olivia');
  await proc.call(
    'PUT',
    `/api/catalog/${BENCH_ITEM}`,
    {
      name: 'Bench ping',
      category: 'Bench',
      form: { type: 'object', properties: {}, required: [] },
      flow: 'bench-signal',
      active: true,
    },
    owner,
  );
}

/**
 * `seconds` of `POST /api/cases` (flow bench-signal, customers in turn) or, with `catalog`,
 * `POST /api/catalog/bench-ping/requests` from `connections` connections as agent `token`.
 */
export async function openRound(
  proc: BenchProcess,
  token: string,
  options: { connections: number; seconds: number; catalog: boolean },
): Promise<RoundResult> {
  let n = 0;
  const result = await autocannon({
    url: proc.url,
    connections: options.connections,
    duration: options.seconds,
    timeout: 60,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    requests: [
      {
        method: 'POST',
        setupRequest(request) {
          const i = n++;
          if (options.catalog) {
            request.path = `/api/catalog/${BENCH_ITEM}/requests`;
            request.body = JSON.stringify({ values: {}, onBehalfOf: CUSTOMERS[i % CUSTOMERS.length] });
          } else {
            request.path = '/api/cases';
            request.body = JSON.stringify({
              flow: 'bench-signal',
              customerId: CUSTOMERS[i % CUSTOMERS.length],
              channel: 'api',
              subject: `bench open ${i}`,
            });
          }
          return request;
        },
      },
    ],
  });
  return {
    perSec: result['2xx'] / result.duration,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors,
  };
}

/** Whole instances: how many completed per second, and the latency of one (open + complete). */
export interface InstanceResult {
  perSec: number;
  p50Ms: number;
  p99Ms: number;
  failed: number;
  instances: number;
}

/**
 * `connections` workers, each looping for `seconds`: open a `bench-instance` case
 * (`POST /api/cases`, amount alternating 50 / 500), then complete its review task with `done`
 * (`POST /api/tasks/:id/complete`), which runs the decision and the set action and ends the
 * case. An instance counts when the completion answers 200 with the case resolved and its
 * `band` variable set; its latency
 * is that of both requests together.
 */
export async function instanceRound(
  proc: BenchProcess,
  token: string,
  options: { connections: number; seconds: number },
): Promise<InstanceResult> {
  const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
  const latencies: number[] = [];
  let failed = 0;
  let n = 0;
  const started = performance.now();
  const deadline = started + options.seconds * 1000;
  const worker = async () => {
    while (performance.now() < deadline) {
      const i = n++;
      const t0 = performance.now();
      try {
        const opened = await fetch(`${proc.url}/api/cases`, {
          method: 'POST',
          headers,
          body: JSON.stringify({
            flow: 'bench-instance',
            customerId: CUSTOMERS[i % CUSTOMERS.length],
            channel: 'api',
            subject: `instance ${i}`,
            variables: { amount: i % 2 === 0 ? 50 : 500 },
          }),
        });
        const body = (await opened.json()) as { tasks?: { id: string; status: string }[] };
        const task = body.tasks?.find((t) => t.status === 'open');
        if (opened.status !== 201 || !task) {
          failed++;
          continue;
        }
        const done = await fetch(`${proc.url}/api/tasks/${task.id}/complete`, {
          method: 'POST',
          headers,
          body: JSON.stringify({ outcome: 'done' }),
        });
        // The completion answers the case: the decision and the set ran, the case ended.
        const after = (await done.json()) as { status?: string; variables?: { band?: string } };
        if (done.status !== 200 || after.status !== 'resolved' || !after.variables?.band) {
          failed++;
          continue;
        }
        latencies.push(performance.now() - t0);
      } catch {
        failed++;
      }
    }
  };
  await Promise.all(Array.from({ length: options.connections }, worker));
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? 0;
  return {
    perSec: latencies.length / seconds,
    p50Ms: at(0.5),
    p99Ms: at(0.99),
    failed,
    instances: latencies.length,
  };
}

/** The median round by 2xx/s. */
export function medianRound<T extends { perSec: number }>(rounds: T[]): T {
  const mid = median(rounds.map((r) => r.perSec));
  return rounds.find((r) => r.perSec === mid) ?? rounds[0]!;
}
