import { Worker } from 'node:worker_threads';

/** One health probe that was slow or failed. */
export interface SlowProbe {
  /** Epoch ms when the probe was sent. */
  at: number;
  ms: number;
  /** Status, or the error of a probe that got no answer. */
  outcome: string;
}

/** What the poller saw from start to stop. */
export interface HealthReport {
  probes: number;
  worstMs: number;
  /** Probes slower than the limit or not answered 200, in order. */
  bad: SlowProbe[];
}

/** A running poller: stop() ends it and reports. */
export interface HealthPoller {
  stop(): Promise<HealthReport>;
}

// The poller runs on a worker thread with its own event loop: the fuzz builds megabyte bodies
// on the main thread, which must not be counted as the runtime's latency.
const WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const { url, intervalMs, limitMs } = workerData;
let stopped = false;
const report = { probes: 0, worstMs: 0, bad: [] };
parentPort.on('message', () => { stopped = true; });
(async () => {
  while (!stopped) {
    const at = Date.now();
    const started = performance.now();
    let outcome = '';
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(10000) });
      await res.arrayBuffer();
      outcome = String(res.status);
    } catch (error) {
      outcome = String(error && error.cause ? error.cause.code || error.cause : error);
    }
    const ms = performance.now() - started;
    report.probes++;
    if (ms > report.worstMs) report.worstMs = ms;
    if ((ms > limitMs || outcome !== '200') && report.bad.length < 100) report.bad.push({ at, ms, outcome });
    await new Promise((r) => setTimeout(r, intervalMs));
  }
  parentPort.postMessage(report);
})();
`;

/**
 * Polls `url` (GET) every `intervalMs` from a worker thread until stop(), recording the worst
 * latency and every probe slower than `limitMs` or not answered 200.
 */
export function startHealthPoller(url: string, intervalMs = 100, limitMs = 1000): HealthPoller {
  const worker = new Worker(WORKER, { eval: true, workerData: { url, intervalMs, limitMs } });
  const done = new Promise<HealthReport>((resolve, reject) => {
    worker.once('message', (r: HealthReport) => resolve(r));
    worker.once('error', reject);
  });
  return {
    async stop() {
      worker.postMessage('stop');
      const report = await done;
      await worker.terminate();
      return report;
    },
  };
}
