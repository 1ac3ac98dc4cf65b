import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postgresReachable } from '../support/test-database';
import { type Cluster, type ClusterNode, startCluster } from './support/cluster';

/*
 * Routing across three runtime processes on one PostgreSQL database (DESIGN §12): 2,000 tasks
 * opened through all three at once are assigned by whichever process opens them, and again by
 * whichever process completes work, with no task assigned twice, no agent over capacity and
 * nothing left waiting while an agent has room.
 *
 * ROUTING_TASKS sets how many tasks (default 2,000).
 */
const TASKS = Number(process.env.ROUTING_TASKS ?? 2000);
const AGENTS = 20;
/** Room for half of the tasks at first: the rest waits for capacity to free. */
const CAPACITY = Math.ceil(TASKS / AGENTS / 2);
const CONCURRENCY = 24;
const FLOW = 'routed-load';

const flow = {
  key: FLOW,
  name: 'Routed load',
  calendar: '24x7',
  tiers: [{ id: 'L1', name: 'Routed desk', group: 'routed-desk' }],
  nodes: [
    { id: 'start', type: 'start' },
    { id: 'work', type: 'task', title: 'Work', assign: { tier: 'L1' }, outcomes: ['done'] },
    { id: 'done', type: 'end' },
  ],
  edges: [
    { from: 'start', to: 'work' },
    { from: 'work', to: 'done', on: 'done' },
  ],
};

const pg = postgresReachable();
if (!pg && process.env.CI) throw new Error('PostgreSQL is unreachable; CI must run the cluster test');

/** Runs `work` over `items` with at most `limit` in flight. */
async function pool<T>(items: readonly T[], limit: number, work: (item: T, i: number) => Promise<void>) {
  let next = 0;
  await Promise.all(
    Array.from({ length: limit }, async () => {
      while (next < items.length) {
        const i = next++;
        await work(items[i]!, i);
      }
    }),
  );
}

describe.skipIf(!pg)('routing on three runtime processes', () => {
  let cluster: Cluster;
  let admin: string;
  const agents = Array.from({ length: AGENTS }, (_, i) => `router-${String(i).padStart(2, '0')}`);
  const tokens = new Map<string, string>();
  const node = (i: number): ClusterNode => cluster.nodes[i % cluster.nodes.length]!;
  const ok = async (
    n: ClusterNode,
    method: string,
    path: string,
    token: string,
    body?: unknown,
    status = 200,
  ) => {
    const res = await n.api(method, path, { token, body });
    expect(res.status, `${method} ${path}: ${JSON.stringify(res.body)}`).toBe(status);
    return res.body;
  };

  beforeAll(async () => {
    cluster = await startCluster({ size: 3 });
    const [a, b, c] = cluster.nodes;
    admin = (await a!.api('POST', '/api/auth/login', { body: { username: 'admin', password: 'demo1234' } }))
      .body.token;
    await ok(b!, 'POST', '/api/groups', admin, { name: 'routed-desk' }, 201);
    await ok(c!, 'PUT', `/api/flows/${FLOW}`, admin, { definition: flow });
    await ok(a!, 'POST', `/api/flows/${FLOW}/publish`, admin, { note: 'routing cluster test' }, 201);
    await pool(agents, 6, async (username, i) => {
      const n = node(i);
      await ok(
        n,
        'POST',
        '/api/users',
        admin,
        {
          username,
          password: 'router-password',
          roles: ['agent'],
          groups: ['routed-desk'],
          tiers: ['L1'],
        },
        201,
      );
      await ok(n, 'PATCH', `/api/users/${username}`, admin, {
        capacity: { task: CAPACITY, chat: 0, email: 0 },
      });
      const login = await node(i + 1).api('POST', '/api/auth/login', {
        body: { username, password: 'router-password' },
      });
      tokens.set(username, login.body.token);
    });
    await ok(a!, 'PUT', '/api/groups/routed-desk', admin, { routing: { mode: 'least-loaded' } });
    // Each agent comes online on one of the processes.
    await pool(agents, 6, async (username, i) => {
      await ok(node(i + 2), 'PUT', `/api/agents/${username}/presence`, tokens.get(username)!, {
        status: 'online',
      });
    });
  }, 300_000);

  afterAll(async () => {
    await cluster?.stop();
  });

  /** Every routed row of the flow's tasks, and the assignments the timelines recorded. */
  async function state() {
    const rows = (
      await cluster.sql.query<{ agent: string | null; state: string; n: string }>(
        `select agent, state, count(*) as n from routed_tasks group by agent, state`,
      )
    ).rows;
    const assigned = (
      await cluster.sql.query<{ task: string; n: string }>(
        `select data->>'taskId' as task, count(*) as n from timeline where type = 'task.assigned' group by 1`,
      )
    ).rows;
    const held = new Map<string, number>();
    let waiting = 0;
    for (const r of rows) {
      if (r.state === 'waiting') waiting += Number(r.n);
      if ((r.state === 'offered' || r.state === 'accepted') && r.agent) {
        held.set(r.agent, (held.get(r.agent) ?? 0) + Number(r.n));
      }
    }
    return { held, waiting, assigned };
  }

  it('assigns tasks opened on every process once each, filling every agent to capacity', async () => {
    await pool(
      Array.from({ length: TASKS }, (_, i) => i),
      CONCURRENCY,
      async (i) => {
        await ok(
          node(i),
          'POST',
          '/api/cases',
          admin,
          { flow: FLOW, customerId: i % 2 ? 'c-1001' : 'c-1002', channel: 'web', subject: `routed ${i}` },
          201,
        );
      },
    );
    const { held, waiting, assigned } = await state();
    expect(assigned.every((r) => Number(r.n) === 1)).toBe(true);
    expect(assigned).toHaveLength(AGENTS * CAPACITY);
    for (const username of agents) expect(held.get(username), username).toBe(CAPACITY);
    expect(waiting).toBe(TASKS - AGENTS * CAPACITY);
  }, 600_000);

  it('hands waiting work to whoever frees capacity, on any process, until none waits', async () => {
    // Every agent completes what they hold, each completion through another process than the
    // last; the freed places are filled in the completing transaction.
    await pool(agents, CONCURRENCY, async (username, i) => {
      const token = tokens.get(username)!;
      for (let round = 0; ; round++) {
        const mine = await ok(
          node(i + round),
          'GET',
          `/api/tasks?assignee=${username}&status=claimed&limit=500`,
          token,
        );
        if (mine.items.length === 0 || round > 2) return;
        for (const [k, task] of (mine.items as Array<{ id: string }>).entries()) {
          await ok(node(i + round + k), 'POST', `/api/tasks/${task.id}/complete`, token, { outcome: 'done' });
        }
      }
    });
    const { held, waiting, assigned } = await state();
    expect(assigned.every((r) => Number(r.n) === 1)).toBe(true);
    expect(assigned).toHaveLength(TASKS);
    expect(waiting).toBe(0);
    for (const username of agents) expect(held.get(username) ?? 0, username).toBeLessThanOrEqual(CAPACITY);
  }, 600_000);
});
