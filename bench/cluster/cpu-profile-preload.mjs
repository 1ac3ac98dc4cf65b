// Preloaded with `--import` (NODE_OPTIONS may not carry --cpu-prof): profiles the process from
// its start and writes CPU.<pid>.cpuprofile to CPU_PROFILE_DIR when it exits. The in-thread
// inspector session answers synchronously, so the profile is taken inside the exit handler.
import { mkdirSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector';
import { join } from 'node:path';

const dir = process.env.CPU_PROFILE_DIR ?? '/tmp';
const session = new Session();
session.connect();
session.post('Profiler.enable');
session.post('Profiler.setSamplingInterval', { interval: 1000 });
session.post('Profiler.start');
process.on('exit', () => {
  session.post('Profiler.stop', (err, result) => {
    if (err) return;
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, `CPU.${process.pid}.cpuprofile`), JSON.stringify(result.profile));
  });
});
