import type { FlowDefinitionInput } from '@caseflow/schema';
import autocannon from 'autocannon';
import type { Cluster } from '../../tests/cluster/support/cluster';
import { pingFlow, timerFlow } from './bench-flows';

/** Saves and publishes the bench flows through the first process. */
export async function publishBenchFlows(cluster: Cluster, token: string): Promise<void> {
  const node = cluster.nodes[0]!;
  for (const flow of [pingFlow, timerFlow] as FlowDefinitionInput[]) {
    const saved = await node.api('PUT', `/api/flows/${flow.key}`, { token, body: { definition: flow } });
    if (saved.status !== 200)
      throw new Error(`save ${flow.key}: ${saved.status} ${JSON.stringify(saved.body)}`);
    const published = await node.api('POST', `/api/flows/${flow.key}/publish`, {
      token,
      body: { note: 'bench' },
    });
    if (published.status !== 201) throw new Error(`publish ${flow.key}: ${published.status}`);
  }
}

/** Runs `fn(i)` for i in [0, n) with at most `concurrency` calls in flight. */
async function pool(n: number, concurrency: number, fn: (i: number) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      for (let i = next++; i < n; i = next++) await fn(i);
    }),
  );
}

/** Opens `n` cases of `flow` spread over the processes; answers their ids. */
async function openCases(
  cluster: Cluster,
  token: string,
  flow: string,
  n: number,
  variables: Record<string, unknown>,
): Promise<string[]> {
  const ids: string[] = [];
  await pool(n, 16, async (i) => {
    const node = cluster.nodes[i % cluster.nodes.length]!;
    const answer = await node.api('POST', '/api/cases', {
      token,
      body: { flow, customerId: 'c-1001', channel: 'api', subject: `bench ${i}`, variables },
    });
    if (answer.status !== 201)
      throw new Error(`open ${flow}: ${answer.status} ${JSON.stringify(answer.body)}`);
    ids.push(answer.body.id);
  });
  return ids;
}

export interface EventsResult {
  perSec: number;
  errors: number;
  /** Timeline rows the runtime wrote per accepted event (the raw baseline writes as many). */
  rowsPerEvent: number;
  /** Mean stored snapshot size in bytes (the raw baseline writes one as large). */
  snapshotBytes: number;
}

/** Opens the cases the events measurement sends its signals to. */
export function openPingCases(cluster: Cluster, token: string, cases: number): Promise<string[]> {
  return openCases(cluster, token, pingFlow.key, cases, { pings: 0 });
}

/**
 * Events/s over HTTP: `connections` clients (autocannon, as bench (b) of the runtime bench; the
 * connections split evenly over the processes, as a load balancer would) send `ping` signals
 * for `durationMs`, each to a random one of the `ids` cases (see openPingCases). Each 2xx is one
 * committed event transaction. A lean load generator matters on two cores: a fetch loop in the
 * bench process cost about what the runtime's event did, and the raw side has none.
 */
export async function measureEvents(
  cluster: Cluster,
  token: string,
  ids: readonly string[],
  options: { durationMs: number; connections: number },
): Promise<EventsResult> {
  const rowsBefore = await timelineRows(cluster, pingFlow.key);
  const started = performance.now();
  const results = await Promise.all(
    cluster.nodes.map((node, i) =>
      autocannon({
        url: node.url,
        connections: Math.max(
          1,
          Math.floor(options.connections / cluster.nodes.length) +
            (i < options.connections % cluster.nodes.length ? 1 : 0),
        ),
        duration: options.durationMs / 1000,
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        requests: [
          {
            method: 'POST',
            body: '{"name":"ping"}',
            setupRequest(request) {
              request.path = `/api/cases/${ids[Math.floor(Math.random() * ids.length)]}/signals`;
              return request;
            },
          },
        ],
      }),
    ),
  );
  const ok = results.reduce((n, r) => n + r['2xx'], 0);
  const errors = results.reduce((n, r) => n + r.non2xx + r.errors, 0);
  const seconds = (performance.now() - started) / 1000;
  const rowsAfter = await timelineRows(cluster, pingFlow.key);
  const { rows } = await cluster.sql.query(
    'select avg(length(snapshot::text))::float8 as bytes from cases where flow = $1',
    [pingFlow.key],
  );
  return {
    perSec: ok / seconds,
    errors,
    rowsPerEvent: ok > 0 ? (rowsAfter - rowsBefore) / ok : 0,
    snapshotBytes: Math.round(rows[0].bytes),
  };
}

async function timelineRows(cluster: Cluster, flow: string): Promise<number> {
  const { rows } = await cluster.sql.query(
    'select count(*)::int as n from timeline t join cases c on c.id = t.case_id where c.flow = $1',
    [flow],
  );
  return rows[0].n;
}

export interface TimersResult {
  perSec: number;
  fired: number;
  rowsPerFire: number;
}

/**
 * Timer firings/s: opens `cases` cases whose timer waits until a far instant, then moves every
 * one of those timers to fall due one second from now in a single UPDATE (opening the cases
 * takes longer than any fixed lead would allow, and the burst must start all at once). The
 * processes' loops claim and fire them; each fire closes its case. The rate is taken from the
 * cases' own closing instants, first to last, so the loops' polling delay before the burst
 * does not count.
 */
export async function measureTimers(
  cluster: Cluster,
  token: string,
  options: { cases: number },
): Promise<TimersResult> {
  const ids = await openCases(cluster, token, timerFlow.key, options.cases, {
    fireAt: '2099-01-01T00:00:00Z',
  });
  const dueAt = Date.now() + 1000;
  await cluster.sql.query('update timers set fire_at = $1, due_at = $1 where case_id = any($2)', [
    dueAt,
    ids,
  ]);
  const deadline = Date.now() + 300_000;
  for (;;) {
    const { rows } = await cluster.sql.query(
      `select count(*)::int as open from cases where flow = $1 and status = 'open'`,
      [timerFlow.key],
    );
    if (rows[0].open === 0) break;
    if (Date.now() > deadline) throw new Error(`${rows[0].open} timers did not fire`);
    await new Promise((r) => setTimeout(r, 100));
  }
  const { rows } = await cluster.sql.query(
    `select count(*)::int as n, min(closed_at)::float8 as first, max(closed_at)::float8 as last,
            (select count(*) from timeline t where t.case_id = any($2) and t.actor = 'timer')::int as rows
       from cases where flow = $1 and id = any($2)`,
    [timerFlow.key, ids],
  );
  const r = rows[0];
  const seconds = Math.max(0.001, (r.last - r.first) / 1000);
  return { perSec: (r.n - 1) / seconds, fired: r.n, rowsPerFire: r.rows / r.n };
}
