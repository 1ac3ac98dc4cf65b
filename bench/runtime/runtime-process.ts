import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { freePort } from '../../tests/support/free-port';
import { BENCH_CLOCK_START, tempDir } from './in-process';

const ROOT = join(import.meta.dirname, '..', '..');
const RUNTIME_MAIN = join(ROOT, 'apps', 'runtime', 'dist', 'main.js');
const PROBE = join(import.meta.dirname, 'memory-probe.mjs');
const ADMIN_PASSWORD = 'bench-admin-password';

/** process.memoryUsage() of the runtime process, in bytes, after two forced GCs. */
export interface ProcessMemory {
  rss: number;
  heapTotal: number;
  heapUsed: number;
  external: number;
  arrayBuffers: number;
}

/** The built runtime running on a temp SQLite database with the demo seed and a manual clock. */
export interface BenchProcess {
  url: string;
  /** The process's SQLite file (CASEFLOW_DB). */
  dbFile: string;
  /** `POST`/`GET`/`PUT` JSON to the API (`path` below the origin); throws on non-2xx. */
  call(method: string, path: string, body?: unknown, token?: string): Promise<unknown>;
  login(username: string, password?: string): Promise<string>;
  /** Memory of the process after GC, through the preloaded memory probe (SIGUSR2). */
  memory(): Promise<ProcessMemory>;
  stop(): Promise<void>;
}

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile() && entry.name.endsWith('.ts')) {
      newest = Math.max(newest, statSync(join(entry.parentPath, entry.name)).mtimeMs);
    }
  }
  return newest;
}

/**
 * Builds apps/runtime/dist/main.js (`node build.mjs`, what `pnpm --filter @caseflow/runtime
 * run build` runs) when it is missing or older than the runtime, engine or schema sources, so
 * the HTTP figures are those of the code in the tree.
 */
export function ensureRuntimeBuilt(): void {
  const sources = ['apps/runtime/src', 'packages/engine/src', 'packages/schema/src'].map((d) =>
    newestMtime(join(ROOT, d)),
  );
  if (existsSync(RUNTIME_MAIN) && statSync(RUNTIME_MAIN).mtimeMs >= Math.max(...sources)) return;
  console.log('building apps/runtime (dist/main.js is missing or older than the sources)…');
  const r = spawnSync(process.execPath, ['build.mjs'], {
    cwd: join(ROOT, 'apps', 'runtime'),
    stdio: 'inherit',
  });
  if (r.status !== 0) throw new Error('could not build apps/runtime');
}

/**
 * Spawns `node --expose-gc --import memory-probe.mjs apps/runtime/dist/main.js` with a temp
 * CASEFLOW_DB, CASEFLOW_CLOCK=manual, CASEFLOW_DEMO=1 and LOG_LEVEL=warn (request logs off: the
 * bench measures the API, not log I/O) and waits for /api/health. `nodeArgs` go before the
 * script (e.g. `--cpu-prof` to profile the process under load); `env` adds to its environment.
 */
export async function startBenchProcess(
  options: { nodeArgs?: string[]; env?: Record<string, string> } = {},
): Promise<BenchProcess> {
  ensureRuntimeBuilt();
  const tmp = tempDir('caseflow-bench-http-');
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const dbFile = join(tmp.dir, 'caseflow.db');
  let output = '';
  const probes: Array<(m: ProcessMemory) => void> = [];
  const child: ChildProcess = spawn(
    process.execPath,
    [...(options.nodeArgs ?? []), '--expose-gc', '--import', PROBE, RUNTIME_MAIN],
    {
      cwd: tmp.dir,
      env: {
        PATH: process.env.PATH,
        PORT: String(port),
        HOST: '127.0.0.1',
        CASEFLOW_DB: dbFile,
        CASEFLOW_CLOCK: 'manual',
        CASEFLOW_CLOCK_START: BENCH_CLOCK_START,
        CASEFLOW_DEMO: '1',
        // Presence stays as the test sets it: no agent is put online at start or on sign-in.
        CASEFLOW_DEMO_PRESENCE: '0',
        CASEFLOW_SECRET: 'bench-secret-0123456789abcdef',
        CASEFLOW_ADMIN_PASSWORD: ADMIN_PASSWORD,
        LOG_LEVEL: 'warn',
        ...options.env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let pending = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    pending += chunk.toString();
    let nl = pending.indexOf('\n');
    while (nl >= 0) {
      const line = pending.slice(0, nl);
      pending = pending.slice(nl + 1);
      if (line.startsWith('MEMPROBE ')) probes.shift()?.(JSON.parse(line.slice(9)) as ProcessMemory);
      else output += `${line}\n`;
      nl = pending.indexOf('\n');
    }
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));

  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`runtime exited with ${child.exitCode}:\n${output}`);
    const ok = await fetch(`${url}/api/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) break;
    if (Date.now() > deadline) throw new Error(`runtime did not become healthy:\n${output}`);
    await new Promise((r) => setTimeout(r, 100));
  }

  const call: BenchProcess['call'] = async (method, path, body, token) => {
    const headers: Record<string, string> = {};
    if (token) headers.authorization = `Bearer ${token}`;
    if (body !== undefined) headers['content-type'] = 'application/json';
    const res = await fetch(`${url}${path}`, {
      method,
      headers,
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await res.text();
    if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${text.slice(0, 500)}`);
    return text ? JSON.parse(text) : null;
  };

  return {
    url,
    dbFile,
    call,
    async login(username, password = username === 'admin' ? ADMIN_PASSWORD : 'demo1234') {
      const answer = (await call('POST', '/api/auth/login', { username, password })) as { token: string };
      return answer.token;
    },
    memory() {
      return new Promise<ProcessMemory>((resolve, reject) => {
        probes.push(resolve);
        if (!child.kill('SIGUSR2')) reject(new Error('runtime process is gone'));
      });
    },
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
        await exited;
        clearTimeout(timer);
      }
      tmp.cleanup();
    },
  };
}
