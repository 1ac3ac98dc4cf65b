import { startCluster } from '../../tests/cluster/support/cluster';
import { measureEvents, openPingCases, publishBenchFlows } from './cluster-load';
const cluster = await startCluster({ size: 1, env: { CORE_BANKING_URL: 'http://127.0.0.1:9/core', NODE_OPTIONS: '--require /tmp/inspector-prof.cjs' } });
try {
  const login = await cluster.nodes[0]!.api('POST', '/api/auth/login', { body: { username: 'admin', password: 'demo1234' } });
  const token = login.body.token as string;
  await publishBenchFlows(cluster, token);
  const ids = await openPingCases(cluster, token, 200);
  const t0 = process.cpuUsage();
  const r = await measureEvents(cluster, token, ids, { durationMs: 10_000, connections: 16 });
  const u = process.cpuUsage(t0);
  (await import('node:child_process')).execSync('pkill -USR2 -f [a]pps/runtime/dist/main.js'); await new Promise((r) => setTimeout(r, 3000));
  console.log(r, 'bench process cpu ms', (u.user + u.system) / 1000);
} finally {
  await cluster.stop();
}
