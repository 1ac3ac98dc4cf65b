import { join } from 'node:path';
import { startCluster } from '../../tests/cluster/support/cluster';
import { measureEvents, openPingCases, publishBenchFlows } from './cluster-load';

/**
 * Profiles one runtime process on PostgreSQL under the cluster bench's event load (HTTP `ping`
 * signals from 16 connections): writes the process's .cpuprofile to /tmp/pg-prof (open it in
 * Chrome DevTools, or group it as bench/runtime/profile-http.ts does). With PROFILE_QUERIES=1
 * it counts the queries the process sent instead (by their first words) and prints them.
 *
 *   npx tsx bench/cluster/profile-pg.ts     # PROFILE_SECONDS (10)
 */
const SECONDS = Number(process.env.PROFILE_SECONDS ?? 10);
const queries = process.env.PROFILE_QUERIES === '1';
const preload = join(import.meta.dirname, queries ? 'query-count-preload.mjs' : 'cpu-profile-preload.mjs');
const cluster = await startCluster({
  size: 1,
  env: {
    NODE_OPTIONS: `--import ${preload}`,
    CPU_PROFILE_DIR: '/tmp/pg-prof',
    PG_MODULE_PATH: join(import.meta.dirname, '..', '..', 'apps', 'runtime', 'node_modules', 'pg'),
  },
});
const node = cluster.nodes[0]!;
try {
  const login = await node.api('POST', '/api/auth/login', {
    body: { username: 'admin', password: 'demo1234' },
  });
  const token = login.body.token as string;
  await publishBenchFlows(cluster, token);
  const ids = await openPingCases(cluster, token, 200);
  const r = await measureEvents(cluster, token, ids, { durationMs: SECONDS * 1000, connections: 16 });
  console.log(
    `events: ${r.perSec.toFixed(0)}/s (${Math.round(r.perSec * SECONDS)} in all), ${r.errors} errors, ${r.rowsPerEvent.toFixed(1)} timeline rows each`,
  );
} finally {
  await cluster.stop();
}
const counts = /QUERYCOUNTS (.*)/.exec(node.output())?.[1];
if (counts)
  for (const [text, n] of JSON.parse(counts) as Array<[string, number]>)
    console.log(String(n).padStart(8), text);
