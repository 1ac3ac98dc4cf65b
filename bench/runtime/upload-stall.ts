import { openSignalCases, publishOverHttp } from './http-path';
import { startBenchProcess } from './runtime-process';

/**
 * How long one large upload holds up everybody else: the built runtime takes a message with two
 * 9 MiB attachments (24 MiB of JSON, near the 25 MiB message limit) while a client asks
 * `GET /api/health` every 5 ms; prints the upload's time and the slowest health answer meanwhile
 * (the event loop's stall). UPLOAD_ROUNDS rounds (3); PROFILE=1 writes a .cpuprofile to
 * /tmp/upload-stall-prof.
 *
 *   npx tsx bench/runtime/upload-stall.ts
 */
const ROUNDS = Number(process.env.UPLOAD_ROUNDS ?? 3);
const proc = await startBenchProcess({
  nodeArgs: process.env.PROFILE ? ['--cpu-prof', '--cpu-prof-dir=/tmp/upload-stall-prof'] : [],
});
try {
  await publishOverHttp(proc);
  const token = await proc.login('lena');
  const [caseId] = await openSignalCases(proc, token, 1);
  const file = Buffer.alloc(9 * 1024 * 1024, 7).toString('base64');
  const body = JSON.stringify({
    body: 'two large files',
    visibility: 'internal',
    attachments: [0, 1].map((i) => ({
      name: `f${i}.bin`,
      contentType: 'application/octet-stream',
      content: file,
    })),
  });
  console.log(`message of ${(body.length / 1048576).toFixed(1)} MiB`);
  for (let round = 0; round < ROUNDS; round++) {
    let worst = 0;
    let stop = false;
    const health = (async () => {
      while (!stop) {
        const t0 = performance.now();
        await fetch(`${proc.url}/api/health`);
        worst = Math.max(worst, performance.now() - t0);
        await new Promise((r) => setTimeout(r, 5));
      }
    })();
    const t0 = performance.now();
    const res = await fetch(`${proc.url}/api/cases/${caseId}/messages`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body,
    });
    const took = performance.now() - t0;
    await new Promise((r) => setTimeout(r, 300));
    stop = true;
    await health;
    console.log(
      `round ${round + 1}: ${res.status}, upload ${took.toFixed(0)} ms, slowest health answer ${worst.toFixed(0)} ms`,
    );
  }
} finally {
  await proc.stop();
}
