import { httpFixture } from '../../apps/runtime/src/http/http-fixture';
import { benchFlows } from './bench-flows';

/**
 * Where an HTTP signal's time goes, layer by layer, in one process: 50 concurrent callers of
 * (1) runtime.signal, (2) the Hono app in process (every middleware, validation, the answer),
 * on the same SQLite store. The figure over the network (bench (b)) adds node-server and the
 * socket on top of (2).   npx tsx bench/runtime/layers.ts   (LAYERS_EVENTS, default 6,000)
 */
const EVENTS = Number(process.env.LAYERS_EVENTS ?? 6000);
const CONCURRENCY = 50;
const f = await httpFixture({}, {});
try {
  const owner = await f.login('olivia');
  for (const flow of benchFlows) {
    await f.call('PUT', `/api/flows/${flow.key}`, { token: owner, body: { definition: flow } });
    await f.call('POST', `/api/flows/${flow.key}/publish`, { token: owner, body: { note: 'bench' } });
  }
  const token = await f.login('lena');
  const cases: string[] = [];
  for (let i = 0; i < 500; i++) {
    const r = await f.call('POST', '/api/cases', {
      token,
      body: { flow: 'bench-signal', customerId: 'c-1001', channel: 'api', subject: `layers ${i}` },
    });
    cases.push(r.body.id);
  }
  const actor = 'lena';
  const run = async (label: string, one: (caseId: string) => Promise<unknown>) => {
    let next = 0;
    const started = performance.now();
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (next < EVENTS) {
          const i = next++;
          await one(cases[i % cases.length]!);
        }
      }),
    );
    const perSec = EVENTS / ((performance.now() - started) / 1000);
    console.log(
      `${label.padEnd(40)} ${perSec.toFixed(0).padStart(6)} ev/s  ${(1e6 / perSec).toFixed(0)} µs/event`,
    );
  };
  for (let round = 0; round < 2; round++) {
    await run('runtime.signal', (id) => f.runtime.signal(id, 'ping', undefined, actor));
    await run('Hono app in process', async (id) => {
      const r = await f.call('POST', `/api/cases/${id}/signals`, { token, body: { name: 'ping' } });
      if (r.status !== 200) throw new Error(`${r.status} ${JSON.stringify(r.body)}`);
    });
  }
} finally {
  await f.dispose();
}
