import { afterAll, describe, expect, it } from 'vitest';
import { postgresReachable } from '../support/test-database';
import { type Cluster, startCluster } from './support/cluster';

/*
 * Races between runtime processes sharing one PostgreSQL database that the load test cannot
 * aim at precisely: starting together on an empty database, and the same Idempotency-Key sent
 * to every process at once.
 */
const pg = postgresReachable();
if (!pg && process.env.CI) throw new Error('PostgreSQL is unreachable; CI must run the cluster tests');

describe.skipIf(!pg)('races between processes on one PostgreSQL database', () => {
  let cluster: Cluster | undefined;
  afterAll(async () => cluster?.stop());

  const login = async (username: string) => {
    const answer = await cluster!.nodes[0]!.api('POST', '/api/auth/login', {
      body: { username, password: 'demo1234' },
    });
    expect(answer.status).toBe(200);
    return answer.body.token as string;
  };

  it('starts three processes at the same instant on an empty database: one migration, one seed', async () => {
    cluster = await startCluster({ size: 3, staggered: false });
    for (const node of cluster.nodes) expect((await node.api('GET', '/api/health')).body.db).toBe('postgres');
    const { rows } = await cluster.sql.query(
      `select (select count(*) from users where username = 'admin')::int as admins,
              (select count(*) from flow_versions where flow = 'lost-card')::int as versions`,
    );
    expect(rows[0]).toEqual({ admins: 1, versions: 1 });
  });

  // KNOWN BUG (kept as an expected failure until fixed): apps/runtime/src/http/idempotency.ts
  // checks the key (get), runs the request, and only then stores the answer (put), in separate
  // transactions. Concurrent requests with one key — a client retrying on another process
  // after a timeout — all find no row and all execute: here six cases are opened. The fix is
  // to reserve the key (insert a pending row, unique on user+key) before running the request,
  // answer 409 "in progress" to the losers, settle the row with the answer, and let a pending
  // row older than a lease be taken over (its process died). When that lands, `it.fails`
  // turns red: make it `it`.
  it.fails('opens one case for one Idempotency-Key sent to every process at once', async () => {
    const token = await login('lena');
    const body = {
      flow: 'lost-card',
      customerId: 'c-1001',
      channel: 'phone',
      subject: 'card lost (retried)',
    };
    const answers = await Promise.all(
      cluster!.nodes.flatMap((node) =>
        [1, 2].map(() =>
          node.api('POST', '/api/cases', {
            token,
            body,
            headers: { 'idempotency-key': 'lost-card-call-77' },
          }),
        ),
      ),
    );
    const created = answers.filter((a) => a.status === 201);
    // Every caller that got a 2xx must hear about the same case; a concurrent duplicate may be
    // told to retry (409) but must never create a second case.
    expect(new Set(created.map((a) => a.body.id)).size).toBe(1);
    const { rows } = await cluster!.sql.query(`select count(*)::int as n from cases where subject = $1`, [
      body.subject,
    ]);
    expect(rows[0].n).toBe(1);
  });
});
