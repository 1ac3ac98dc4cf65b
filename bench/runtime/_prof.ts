import { join } from 'node:path';
import { openBenchRuntime, publishBenchFlows, tempDir } from './in-process';

const tmp = tempDir('prof-');
const a = await openBenchRuntime(join(tmp.dir, 'a.db'));
await publishBenchFlows(a.runtime);
const cases: string[] = [];
for (let i = 0; i < 200; i++)
  cases.push(
    (await a.runtime.openCase({ flow: 'bench-signal', customerId: null, channel: 'api', actor: 'bench' })).id,
  );
for (let r = 0; r < 4; r++) {
  const t0 = performance.now();
  for (let i = 0; i < 1000; i++) await a.runtime.signal(cases[i % 200]!, 'ping', undefined, 'bench');
  console.log('events/s', ((1000 * 1000) / (performance.now() - t0)).toFixed(0));
}
await a.close();
tmp.cleanup();
