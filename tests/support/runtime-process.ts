import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '..', '..');
/** The bundled runtime that `pnpm serve` runs. */
export const RUNTIME_MAIN = join(ROOT, 'apps', 'runtime', 'dist', 'main.js');

/** One JSON answer of the API. */
export interface ApiAnswer {
  status: number;
  // biome-ignore lint/suspicious/noExplicitAny: scenario tests read answers loosely; assertions check shapes
  body: any;
  headers: Headers;
}

export interface RuntimeProcess {
  /** http://127.0.0.1:<port> */
  url: string;
  port: number;
  /** The SQLite file, kept across restart(). */
  db: string;
  /** Everything the process wrote to stdout and stderr so far. */
  output(): string;
  /** Calls the API: `path` is below the origin (`/api/cases`); `body` is sent as JSON. */
  api(
    method: string,
    path: string,
    options?: { token?: string; as?: string; body?: unknown; headers?: Record<string, string> },
  ): Promise<ApiAnswer>;
  /** A bearer token of a demo user (password demo1234), cached. */
  login(username: string, password?: string): Promise<string>;
  /** Stops the process (SIGTERM, then SIGKILL) and starts it again on the same database. */
  restart(): Promise<void>;
  /** Stops the process and deletes the temp directory. */
  stop(): Promise<void>;
}

/** A free TCP port on 127.0.0.1 (asked from the OS, then released). */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** Builds the runtime bundle when it is missing (the full test command builds it first). */
function ensureBuilt(): void {
  if (existsSync(RUNTIME_MAIN)) return;
  const r = spawnSync(process.execPath, ['build.mjs'], {
    cwd: join(ROOT, 'apps', 'runtime'),
    stdio: 'inherit',
  });
  if (r.status !== 0) throw new Error('could not build apps/runtime (node build.mjs)');
}

async function waitForHealth(url: string, child: ChildProcess, output: () => string, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`runtime exited with ${child.exitCode}:\n${output()}`);
    try {
      const res = await fetch(`${url}/api/health`);
      if (res.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`runtime did not answer /api/health within ${timeoutMs} ms:\n${output()}`);
}

async function kill(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
  await exited;
  clearTimeout(timer);
}

/**
 * Starts the built runtime (`apps/runtime/dist/main.js`) as a real process on a free port with
 * a temp SQLite database, the manual clock and the demo seed, and waits for /api/health.
 * `env` adds or overrides variables. Call `stop()` in afterAll.
 */
export async function startRuntime(env: Record<string, string> = {}): Promise<RuntimeProcess> {
  ensureBuilt();
  const dir = mkdtempSync(join(tmpdir(), 'caseflow-e2e-'));
  const db = join(dir, 'caseflow.db');
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  let log = '';
  let child: ChildProcess;
  const tokens = new Map<string, string>();

  const launch = async () => {
    child = spawn(process.execPath, [RUNTIME_MAIN], {
      cwd: dir,
      env: {
        PATH: process.env.PATH,
        PORT: String(port),
        HOST: '127.0.0.1',
        CASEFLOW_DB: db,
        CASEFLOW_CLOCK: 'manual',
        CASEFLOW_CLOCK_START: '2026-01-05T08:00:00Z',
        CASEFLOW_DEMO: '1',
        CASEFLOW_SECRET: 'e2e-secret-0123456789abcdef',
        LOG_LEVEL: 'warn',
        ...env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout?.on('data', (d) => {
      log += d;
    });
    child.stderr?.on('data', (d) => {
      log += d;
    });
    await waitForHealth(url, child, () => log, 30_000);
  };
  await launch();

  const api: RuntimeProcess['api'] = async (method, path, options = {}) => {
    const headers: Record<string, string> = { ...options.headers };
    const token = options.token ?? (options.as ? await login(options.as) : undefined);
    if (token) headers.authorization = `Bearer ${token}`;
    let body: string | undefined;
    if (options.body !== undefined) {
      body = JSON.stringify(options.body);
      headers['content-type'] = 'application/json';
    }
    const res = await fetch(`${url}${path}`, { method, headers, body });
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {
      // Not JSON: keep the text.
    }
    return { status: res.status, body: parsed, headers: res.headers };
  };

  async function login(username: string, password = 'demo1234'): Promise<string> {
    const known = tokens.get(username);
    if (known) return known;
    const res = await api('POST', '/api/auth/login', { body: { username, password } });
    if (res.status !== 200) throw new Error(`login ${username}: ${res.status} ${JSON.stringify(res.body)}`);
    tokens.set(username, res.body.token);
    return res.body.token;
  }

  return {
    url,
    port,
    db,
    output: () => log,
    api,
    login,
    async restart() {
      await kill(child);
      await launch();
    },
    async stop() {
      await kill(child);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
