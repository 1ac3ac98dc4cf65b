import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from './free-port';
import { type Backend, createTestDatabase, type TestDatabase } from './test-database';

const ROOT = join(import.meta.dirname, '..', '..');
/** The bundled runtime that `pnpm serve` runs. */
export const RUNTIME_MAIN = join(ROOT, 'apps', 'runtime', 'dist', 'main.js');
/** Monday 2026-01-05 09:00 in Berlin: inside the example business calendar's hours. */
export const CLOCK_START = '2026-01-05T08:00:00.000Z';

/** One JSON answer of the API. */
export interface ApiAnswer {
  status: number;
  // biome-ignore lint/suspicious/noExplicitAny: scenario tests read answers loosely; assertions check shapes
  body: any;
  headers: Headers;
}

/** Per call: who (`as` a demo user or a `token`), a JSON `body` or a verbatim `raw` string. */
export interface ApiOptions {
  token?: string;
  as?: string;
  body?: unknown;
  /** Sent exactly as given with content-type JSON (malformed JSON, huge bodies). */
  raw?: string;
  headers?: Record<string, string>;
}

export interface RuntimeProcess {
  readonly backend: Backend;
  /** http://127.0.0.1:<port> (the same port across restarts). */
  readonly url: string;
  readonly port: number;
  /** CASEFLOW_DB or DATABASE_URL of the process, kept across restart(). */
  readonly db: string;
  /** The manual clock as last moved through this helper (ISO); a restart starts there. */
  readonly now: string;
  /** Everything the process wrote to stdout and stderr so far. */
  output(): string;
  /** Calls the API: `path` is below the origin (`/api/cases`). Never throws for a status. */
  api(method: string, path: string, options?: ApiOptions): Promise<ApiAnswer>;
  /** A bearer token of a demo user (password demo1234), cached. */
  login(username: string, password?: string): Promise<string>;
  /** `POST /api/_test/clock {advance}` as admin: moves the manual clock; due timers fire before it answers. */
  advance(duration: string): Promise<{ now: string; fired: number }>;
  /** `POST /api/_test/clock {set}`. */
  setClock(instant: string): Promise<{ now: string; fired: number }>;
  /** Sends `signal` (default SIGKILL) to the process and waits until it has exited. */
  kill(signal?: NodeJS.Signals): Promise<void>;
  /**
   * Stops the process (SIGTERM, then SIGKILL; nothing if already dead) and starts it again on
   * the same database; the manual clock starts at `clockStart`, by default where it stood.
   */
  restart(options?: { clockStart?: string }): Promise<void>;
  /** Stops the process and drops the database (temp directory or PostgreSQL database). */
  stop(): Promise<void>;
}

export { freePort } from './free-port';

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

async function kill(child: ChildProcess, signal: NodeJS.Signals): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill(signal);
  const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
  await exited;
  clearTimeout(timer);
}

/**
 * Starts the built runtime (`apps/runtime/dist/main.js`) as a real process on a free port with
 * a fresh database of `backend` (default SQLite in a temp directory; PostgreSQL: a new database
 * on the local server, dropped by stop()), the manual clock at CLOCK_START, the demo seed and a
 * fixed secret, and waits for /api/health. `env` adds or overrides variables. Call `stop()`.
 */
export async function startRuntime(
  env: Record<string, string> = {},
  options: { backend?: Backend; healthTimeoutMs?: number } = {},
): Promise<RuntimeProcess> {
  ensureBuilt();
  const backend = options.backend ?? 'sqlite';
  const database: TestDatabase = await createTestDatabase(backend);
  const dir = mkdtempSync(join(tmpdir(), 'caseflow-e2e-cwd-'));
  let port = await freePort();
  let url = `http://127.0.0.1:${port}`;
  let log = '';
  let now = CLOCK_START;
  let child: ChildProcess;
  const tokens = new Map<string, string>();

  const launch = async () => {
    child = spawn(process.execPath, [RUNTIME_MAIN], {
      cwd: dir,
      env: {
        PATH: process.env.PATH,
        PORT: String(port),
        HOST: '127.0.0.1',
        CASEFLOW_CLOCK: 'manual',
        CASEFLOW_CLOCK_START: now,
        CASEFLOW_DEMO: '1',
        // Presence stays as the test sets it: no agent is put online at start or on sign-in.
        CASEFLOW_DEMO_PRESENCE: '0',
        // Demo users and flows only: a test that wants the seeded history asks for it.
        CASEFLOW_DEMO_HISTORY: '0',
        CASEFLOW_SECRET: 'e2e-secret-0123456789abcdef',
        LOG_LEVEL: 'warn',
        ...database.env,
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
    await waitForHealth(url, child, () => log, options.healthTimeoutMs ?? 30_000);
  };
  try {
    // Another worker may still take the port between freePort() and listen(): try a new one.
    for (let attempt = 1; ; attempt++) {
      try {
        await launch();
        break;
      } catch (error) {
        if (attempt === 3 || !log.includes('EADDRINUSE')) throw error;
        port = await freePort();
        url = `http://127.0.0.1:${port}`;
        log = '';
      }
    }
  } catch (error) {
    await database.drop();
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }

  const api: RuntimeProcess['api'] = async (method, path, options = {}) => {
    const headers: Record<string, string> = {};
    const token = options.token ?? (options.as ? await login(options.as) : undefined);
    if (token) headers.authorization = `Bearer ${token}`;
    let body: string | undefined = options.raw;
    if (body === undefined && options.body !== undefined) body = JSON.stringify(options.body);
    if (body !== undefined) headers['content-type'] = 'application/json';
    Object.assign(headers, options.headers);
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

  async function moveClock(move: { advance?: string; set?: string }) {
    // Only an admin may move the clock (the demo admin, or the one CASEFLOW_ADMIN_PASSWORD made).
    const password = env.CASEFLOW_ADMIN_PASSWORD ?? 'demo1234';
    let res = await api('POST', '/api/_test/clock', { body: move, token: await login('admin', password) });
    if (res.status === 401) {
      // The cached session ended (a test signed admin out): sign in again once.
      tokens.delete('admin');
      res = await api('POST', '/api/_test/clock', { body: move, token: await login('admin', password) });
    }
    if (res.status !== 200)
      throw new Error(`clock ${JSON.stringify(move)}: ${res.status} ${JSON.stringify(res.body)}`);
    now = res.body.now;
    return res.body as { now: string; fired: number };
  }

  return {
    backend,
    url,
    port,
    db: database.env.DATABASE_URL ?? database.env.CASEFLOW_DB ?? '',
    get now() {
      return now;
    },
    output: () => log,
    api,
    login,
    advance: (duration) => moveClock({ advance: duration }),
    setClock: (instant) => moveClock({ set: instant }),
    kill: (signal = 'SIGKILL') => kill(child, signal),
    async restart(restartOptions = {}) {
      if (child.exitCode === null && child.signalCode === null) {
        // The clock may have been moved by a plain api() call: ask where it stands.
        const clock = await api('GET', '/api/_test/clock').catch(() => null);
        if (clock?.status === 200) now = clock.body.now;
      }
      await kill(child, 'SIGTERM');
      if (restartOptions.clockStart) now = restartOptions.clockStart;
      await launch();
    },
    async stop() {
      await kill(child, 'SIGTERM');
      await database.drop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
