import { compileFlow } from '@caseflow/engine';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postgresReachable } from '../support/test-database';
import { CLUSTER_WEBHOOK_SECRET, type Cluster, startCluster } from './support/cluster';
import { CLUSTER_FLOW, clusterFlow } from './support/cluster-flow';
import { type Attempt, LoadDriver, prng, sleep } from './support/load-driver';
import { describe as describeTimeline, type Entry, replayTimeline } from './support/timeline-replay';
import { startWebhookSink, type WebhookSink } from './support/webhook-sink';

/*
 * Three runtime processes on one PostgreSQL database under concurrent load with real-time SLA
 * timers, one of them killed with SIGKILL mid-run and started again (issue #5).
 *
 * CLUSTER_CASES sets how many cases are opened (default: the 2,000, about 9,500
 * requests, 5,000 timer fires and 4,500 webhook deliveries); CLUSTER_SEED makes a failing run
 * repeatable. The sink refuses every 7th delivery and answers slowly when the machine is busy,
 * so many messages need several attempts: the processes run the production retry policy
 * (16 attempts) with short delays instead of hours, and a message that still goes `dead` fails
 * the run. The run waits until the cluster is quiescent (every case closed, every message
 * delivered) for as long as it keeps making progress, so a loaded machine makes it slower, not red.
 */
const CASES = Number(process.env.CLUSTER_CASES ?? 2000);
const SEED = Number(process.env.CLUSTER_SEED ?? 20261124);
/** Requests in flight at once over the whole cluster. */
const CONCURRENCY = 24;
const CORE_BANKING_URL = 'http://127.0.0.1:9/core';

const pg = postgresReachable();
if (!pg && process.env.CI) throw new Error('PostgreSQL is unreachable; CI must run the cluster test');

describe.skipIf(!pg)('three runtime processes on one PostgreSQL database', () => {
  let cluster: Cluster;
  let sink: WebhookSink;
  let driver: LoadDriver;
  const caseIds = new Set<string>();
  let killedAt = 0;

  beforeAll(async () => {
    // Every 7th webhook call fails with 503 before it counts: the outbox retries under load.
    sink = await startWebhookSink(CLUSTER_WEBHOOK_SECRET, { failEvery: 7 });
    // A fixed CORE_BANKING_URL: the demo would otherwise start a stub per process, and the
    // allow-listed `env` (part of each case's snapshot) would differ between processes.
    // Retries 250 ms, 500 ms, 1 s, then every 2 s: the production delays (up to an hour) would
    // outlast the test, the number of attempts is the production default.
    cluster = await startCluster({
      size: 3,
      env: {
        CASEFLOW_WEBHOOK_URL: sink.url,
        CORE_BANKING_URL,
        CASEFLOW_OUTBOX_BACKOFF_MS: '250',
        CASEFLOW_OUTBOX_BACKOFF_CAP_MS: '2000',
      },
    });
    const [a, b] = cluster.nodes;
    // A token signed by one process is accepted by the others (shared CASEFLOW_SECRET).
    const admin = (
      await a!.api('POST', '/api/auth/login', { body: { username: 'admin', password: 'demo1234' } })
    ).body.token;
    const saved = await b!.api('PUT', `/api/flows/${CLUSTER_FLOW}`, {
      token: admin,
      body: { definition: clusterFlow },
    });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    const published = await a!.api('POST', `/api/flows/${CLUSTER_FLOW}/publish`, {
      token: admin,
      body: { note: 'cluster test' },
    });
    expect(published.status, JSON.stringify(published.body)).toBe(201);
    const user = await b!.api('POST', '/api/users', {
      token: admin,
      body: {
        username: 'swarm',
        password: 'swarm-password',
        roles: ['agent'],
        groups: ['service-desk', 'card-ops'],
        tiers: ['L1', 'L2'],
      },
    });
    expect(user.status, JSON.stringify(user.body)).toBe(201);
    const token = (
      await cluster.nodes[2]!.api('POST', '/api/auth/login', {
        body: { username: 'swarm', password: 'swarm-password' },
      })
    ).body.token;
    driver = new LoadDriver(cluster.nodes, token, CONCURRENCY);
  });

  afterAll(async () => {
    await cluster?.stop();
    await sink?.close();
  });

  /** One case's life as clients drive it: open, a racing agent message, completion(s), signal. */
  async function driveCase(i: number): Promise<void> {
    const rand = prng(SEED + i);
    const nonce = (what: string) => `${what}-${i}-${Math.floor(rand() * 1e9)}`;
    let caseId: string | null = null;
    // A broken connection is retried with the same Idempotency-Key on another process.
    for (let t = 0; t < 5 && !caseId; t++) {
      const { answer } = await driver.call(
        'POST',
        '/api/cases',
        { flow: CLUSTER_FLOW, customerId: i % 2 ? 'c-1001' : 'c-1002', channel: 'web', subject: `load ${i}` },
        { 'idempotency-key': `open-${SEED}-${i}` },
      );
      if (answer && answer.status !== 201)
        throw new Error(`open ${i}: ${answer.status} ${JSON.stringify(answer.body)}`);
      caseId = answer?.body.id ?? null;
    }
    if (!caseId) throw new Error(`case ${i} could not be opened`);
    caseIds.add(caseId);
    const id = caseId;
    const message = async () => {
      await sleep(rand() * 4000);
      const n = nonce('m');
      await driver.event({ kind: 'message', caseId: id, nonce: n }, 'POST', `/api/cases/${id}/messages`, {
        channel: 'web',
        body: n,
        from: 'agent',
      });
    };
    const work = async () => {
      await sleep(rand() * 4000);
      for (let round = 0; round < 6; round++) {
        const { answer } = await driver.call('GET', `/api/cases/${id}`);
        // A read cut by the kill is simply read again (the case waits for its agent forever).
        if (!answer) continue;
        const task = answer.body?.tasks?.find(
          (t: { nodeId: string; status: string }) => t.nodeId === 'work' && t.status === 'open',
        );
        if (!task) break;
        // A quarter of the completions race a second one for the same task on another process.
        const racers = rand() < 0.25 ? 2 : 1;
        const results = await Promise.all(
          Array.from({ length: racers }, () => {
            const n = nonce('c');
            const values = { note: n };
            return driver.event(
              { kind: 'complete', caseId: id, nonce: n, values },
              'POST',
              `/api/tasks/${task.id}/complete`,
              { outcome: 'done', values, comment: n },
            );
          }),
        );
        if (results.some((r) => r.outcome !== 'unknown' && r.outcome < 300)) {
          await sleep(rand() * 3000);
          const n = nonce('s');
          await driver.event({ kind: 'signal', caseId: id, nonce: n }, 'POST', `/api/cases/${id}/signals`, {
            name: 'customer-replied',
            data: { nonce: n },
          });
          return;
        }
      }
    };
    await Promise.all([message(), work()]);
  }

  it(`serves ${CASES} cases with racing events and timers, one process killed and restarted`, async () => {
    const victim = cluster.nodes[1]!;
    const startedAt = Date.now();
    const runs: Promise<void>[] = [];
    for (let i = 0; i < CASES; i++) {
      runs.push(driveCase(i));
      if (i === Math.floor(CASES * 0.4)) {
        runs.push(
          (async () => {
            // Kill while the victim is answering requests, so some connections break mid-request.
            const until = Date.now() + 3000;
            while (driver.inFlightOn(1) < 2 && Date.now() < until) await sleep(1);
            killedAt = Date.now();
            await victim.kill('SIGKILL');
            await sleep(1500);
            await victim.start();
          })(),
        );
      }
      await sleep(6);
    }
    await Promise.all(runs);
    expect(killedAt).toBeGreaterThan(0);
    expect(victim.alive).toBe(true);
    const loadEndedAt = Date.now();

    // Quiescence: every case closed by its timers and every outbox message delivered. Timers
    // the killed process had claimed come back when their 60 s lease ends, an outbox row when
    // its 35 s lease or its backoff ends: waiting stops only when nothing moved for longer
    // than that (or a message went dead), so a slow machine takes longer, not a failure.
    const stallMs = 90_000;
    let last = '';
    let movedAt = Date.now();
    for (;;) {
      const { rows } = await cluster.sql.query(
        `select (select count(*) from cases where status = 'open')::int as open,
                (select count(*) from outbox where status <> 'delivered')::int as undelivered,
                (select count(*) from outbox where status = 'dead')::int as dead`,
      );
      const state = rows[0] as { open: number; undelivered: number; dead: number };
      if (state.dead > 0) throw new Error(`outbox messages dead: ${await stuck(cluster)}`);
      if (state.open === 0 && state.undelivered === 0) break;
      const now = Date.now();
      if (JSON.stringify(state) !== last) {
        last = JSON.stringify(state);
        movedAt = now;
      } else if (now - movedAt > stallMs) {
        throw new Error(`not quiescent: ${last}\n${await stuck(cluster)}`);
      }
      await sleep(500);
    }
    console.info('cluster run', {
      cases: CASES,
      loadSeconds: Math.round((loadEndedAt - startedAt) / 1000),
      drainSeconds: Math.round((Date.now() - loadEndedAt) / 1000),
    });
    // 2,000 cases cost about 220 CPU seconds (the runtimes ~110, PostgreSQL ~75, this test ~30):
    // 3.5 minutes on the 2-core machine with a load average of 10 from other jobs, 6 with two
    // more busy loops beside them. The limit only stops a hang.
  }, 900_000);

  it('committed every 2xx event exactly once, refused ones never, and nothing else', async () => {
    const timelines = await loadTimelines(cluster);
    const seen = new Map<string, number>();
    const count = (key: string) => seen.set(key, (seen.get(key) ?? 0) + 1);
    for (const entries of timelines.values()) {
      for (const e of entries) {
        if (e.type === 'task.completed') count(`complete:${e.data.comment}`);
        // The runtime records the request (no node); the engine's own `signal` audit names the node.
        if (e.type === 'signal' && e.nodeId === null)
          count(`signal:${(e.data.data as { nonce?: string } | undefined)?.nonce}`);
        if (e.type === 'message') count(`message:${e.data.messageId}`);
      }
    }
    const key = (a: Attempt) => (a.kind === 'message' ? `message:${a.messageId}` : `${a.kind}:${a.nonce}`);
    const byOutcome = { ok: 0, refused: 0, unknown: 0 };
    for (const a of driver.attempts) {
      if (a.outcome === 'unknown') {
        byOutcome.unknown++;
        if (a.kind !== 'message') expect(seen.get(key(a)) ?? 0, key(a)).toBeLessThanOrEqual(1);
      } else if (a.outcome < 300) {
        byOutcome.ok++;
        expect(seen.get(key(a)), `${key(a)} on process ${a.node}`).toBe(1);
      } else {
        byOutcome.refused++;
        if (a.outcome >= 500) {
          const logs = cluster.nodes.map((n) =>
            n
              .output()
              .split('\n')
              .filter((l) => /error/i.test(l))
              .slice(0, 5),
          );
          throw new Error(`${JSON.stringify(a)}\n${logs.flat().join('\n')}`);
        }
        // 409: the task was done or escalated meanwhile, or the case no longer waits.
        expect(a.outcome, JSON.stringify(a)).toBe(409);
        if (a.kind !== 'message') expect(seen.get(key(a)) ?? 0, key(a)).toBe(0);
      }
    }
    // Every completion / signal on a timeline came from a client request (no phantom events).
    const sent = new Set(driver.attempts.map(key));
    for (const k of seen.keys()) if (!k.startsWith('message:')) expect(sent.has(k), k).toBe(true);
    // Unanswered messages (connections cut by the kill) may have committed: at most that many extra.
    const okMessages = driver.attempts.filter((a) => a.kind === 'message' && a.outcome !== 'unknown').length;
    const lostMessages = driver.attempts.filter(
      (a) => a.kind === 'message' && a.outcome === 'unknown',
    ).length;
    const timelineMessages = [...seen.keys()].filter((k) => k.startsWith('message:')).length;
    expect(timelineMessages).toBeGreaterThanOrEqual(okMessages);
    expect(timelineMessages).toBeLessThanOrEqual(okMessages + lostMessages);
    // The load really raced: both winners and losers of concurrent completions.
    expect(byOutcome.ok).toBeGreaterThan(CASES);
    expect(byOutcome.refused).toBeGreaterThan(0);
    console.info('cluster events', byOutcome, 'rerouted', driver.rerouted, 'broken', driver.broken);
  });

  it('fired every SLA breach, escalation and timer exactly once', async () => {
    const timelines = await loadTimelines(cluster);
    let breaches = 0;
    let escalations = 0;
    for (const [caseId, entries] of timelines) {
      const once = (what: string, keys: string[]) => {
        const dupes = keys.filter((k, n) => keys.indexOf(k) !== n);
        expect(dupes, `${what} of ${caseId}`).toEqual([]);
      };
      once(
        'breaches',
        entries.filter((e) => e.type === 'sla.breached').map((e) => String(e.data.slaId)),
      );
      once(
        'escalations',
        entries.filter((e) => e.type === 'task.escalated').map((e) => String(e.data.taskId)),
      );
      // The flow has no loops: every node is entered at most once (timer nodes, wait timeouts).
      once(
        'node entries',
        entries.filter((e) => e.type === 'node.entered').map((e) => String(e.nodeId)),
      );
      once(
        'timelines seqs',
        entries.map((e) => String(e.seq)),
      );
      breaches += entries.filter((e) => e.type === 'sla.breached').length;
      escalations += entries.filter((e) => e.type === 'task.escalated').length;
    }
    expect(breaches).toBeGreaterThan(0);
    expect(escalations).toBeGreaterThan(0);
    const { rows } = await cluster.sql.query(`select count(*)::int as n from timers`);
    expect(rows[0].n).toBe(0);
    console.info('cluster timers', { breaches, escalations });
  });

  it('delivered every outbox message, duplicates only under the same idempotency key', async () => {
    const { rows } = await cluster.sql.query<{ id: string; idempotency_key: string; status: string }>(
      'select id, idempotency_key, status from outbox',
    );
    expect(rows.length).toBeGreaterThan(0);
    expect(sink.rejected).toBe(0);
    const keyOfRow = new Map(rows.map((r) => [r.id, r.idempotency_key]));
    for (const r of rows) {
      expect(r.status).toBe('delivered');
      expect(sink.countByKey.get(r.idempotency_key) ?? 0, r.idempotency_key).toBeGreaterThanOrEqual(1);
    }
    // Every delivery belongs to a row and carries that row's key: a duplicate is the same message.
    for (const d of sink.deliveries) expect(keyOfRow.get(d.rowId), d.rowId).toBe(d.idempotencyKey);
    expect(new Set(rows.map((r) => r.idempotency_key)).size).toBe(rows.length);
    const duplicates = sink.deliveries.length - sink.countByKey.size;
    const { rows: tries } = await cluster.sql.query(
      `select count(*) filter (where attempts > 1)::int as retried, max(attempts)::int as most from outbox`,
    );
    console.info('cluster outbox', {
      rows: rows.length,
      retried: tries[0].retried,
      mostAttempts: tries[0].most,
      deliveries: sink.deliveries.length,
      duplicates,
      failedOnPurpose: sink.failedOnPurpose,
    });
  });

  /*
   * The comparison: each case's final snapshot must equal what the pure engine computes from
   * the events the cluster accepted, fed in the order the case's timeline says they committed
   * (a case's writes are serialised by its revision, so its timeline order IS the commit
   * order) and at the instants they committed. Timer fires are interleaved where the timeline
   * shows them; which timer fired is decided by what its entries say (timeline-replay.ts).
   * Replaying the same events in wall-clock order on one process would not be sound: with real
   * timers, a timer and an event a few ms apart may commit in either order, and both orders
   * are correct. What must hold is that no accepted event was lost or applied twice and no
   * update was lost: then the stored snapshot is exactly the replay's.
   */
  it('ended every case in the state the engine computes from its accepted events', async () => {
    const timelines = await loadTimelines(cluster);
    const { rows: cases } = await cluster.sql.query(
      `select c.id, c.status, c.snapshot, c.customer_id, c.channel, c.subject, c.priority, c.variables,
              cu.name, cu.email, cu.phone, cu.segment, cu.tags, cu.attributes
         from cases c left join customers cu on cu.id = c.customer_id where c.flow = $1`,
      [CLUSTER_FLOW],
    );
    // Cases opened by requests whose answer was lost (then replayed by the Idempotency-Key) count too.
    expect(cases.length).toBeGreaterThanOrEqual(caseIds.size);
    const compiled = compileFlow(clusterFlow);
    const completions = new Map(
      driver.attempts.filter((a) => a.kind === 'complete').map((a) => [a.nonce, { values: a.values ?? {} }]),
    );
    let resolved = 0;
    for (const c of cases) {
      const replay = replayTimeline({
        compiled,
        input: {
          caseId: c.id,
          customerId: c.customer_id,
          channel: c.channel,
          subject: c.subject,
          priority: c.priority,
          variables: {},
          customer: {
            ...c.attributes,
            id: c.customer_id,
            name: c.name,
            email: c.email,
            phone: c.phone,
            segment: c.segment,
            tags: c.tags,
          },
          env: { CORE_BANKING_URL },
        },
        timeline: timelines.get(c.id) ?? [],
        completions,
      });
      expect(JSON.parse(JSON.stringify(replay.snapshot)), `${c.id}: ${replay.steps.join(' ')}`).toEqual(
        c.snapshot,
      );
      if (c.status === 'resolved') resolved++;
    }
    expect(resolved).toBe(cases.length);
  });
});

/** The open cases with their timelines, tasks and timers (why the cluster did not settle). */
async function stuck(cluster: Cluster): Promise<string> {
  const timelines = await loadTimelines(cluster);
  const { rows } = await cluster.sql.query(`select id, revision from cases where status = 'open' limit 5`);
  const lines: string[] = [];
  for (const c of rows) {
    const tasks = await cluster.sql.query('select id, status, group_name from tasks where case_id = $1', [
      c.id,
    ]);
    const timers = await cluster.sql.query('select * from timers where case_id = $1', [c.id]);
    lines.push(
      `${c.id} r${c.revision} tasks ${JSON.stringify(tasks.rows)} timers ${JSON.stringify(timers.rows)}`,
    );
    lines.push(describeTimeline(timelines.get(c.id) ?? []));
  }
  const outbox = await cluster.sql.query(
    `select id, status, attempts, next_attempt_at::float8 as next, claim, last_error, created_at::float8 as created
       from outbox where status <> 'delivered' order by status = 'dead' desc, id limit 5`,
  );
  lines.push(`now ${Date.now()} undelivered outbox ${JSON.stringify(outbox.rows)}`);
  return lines.join('\n');
}

/** Every case's timeline, in seq order, read straight from the shared database. */
async function loadTimelines(cluster: Cluster): Promise<Map<string, Entry[]>> {
  const { rows } = await cluster.sql.query(
    'select case_id, seq, at::float8 as at, type, actor, node_id, data from timeline order by case_id, seq',
  );
  const byCase = new Map<string, Entry[]>();
  for (const r of rows) {
    const list = byCase.get(r.case_id) ?? [];
    list.push({ seq: r.seq, at: r.at, type: r.type, actor: r.actor, nodeId: r.node_id, data: r.data });
    byCase.set(r.case_id, list);
  }
  return byCase;
}
