// Preloaded into the runtime process by the bench (`node --expose-gc --import <this file>`):
// on SIGUSR2 it collects garbage twice and prints one line `MEMPROBE {json}` with
// process.memoryUsage(), so the bench can read the resident memory of the real process after
// GC without any route or code in the runtime itself.
import { writeSync } from 'node:fs';

process.on('SIGUSR2', () => {
  const gc = globalThis.gc;
  if (typeof gc === 'function') {
    gc();
    gc();
  }
  writeSync(1, `MEMPROBE ${JSON.stringify(process.memoryUsage())}\n`);
});
