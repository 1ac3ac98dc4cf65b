import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { exampleCalendars } from '../../../../examples/index';
import { createApp } from '../app';
import { type ManualClock, manualClock } from '../clock';
import { type Config, loadConfig } from '../config';
import { createRuntime } from '../executor/runtime';
import type { Runtime } from '../executor/types';
import { createLogger } from '../logger';
import { seedDemo } from '../seed/demo';
import { openSqliteStore } from '../store/sqlite/sqlite-store';
import type { Store } from '../store/store';

/** Monday 9:00 in Berlin is 8:00 UTC: inside business hours. */
export const T0 = Date.parse('2026-01-05T08:00:00Z');

// biome-ignore lint/suspicious/noExplicitAny: tests read answers loosely; their assertions check the shapes
export interface Answer<T = any> {
  status: number;
  body: T;
  headers: Headers;
}

/** The app under test and helpers to call it as a demo user. */
export interface HttpFixture {
  app: ReturnType<typeof createApp>;
  runtime: Runtime;
  store: Store;
  clock: ManualClock;
  config: Config;
  /** A bearer token of a demo user (password demo1234). */
  login(username: string): Promise<string>;
  /** Calls the app in-process; `body` is sent as JSON unless it is a string. */
  // biome-ignore lint/suspicious/noExplicitAny: as above
  call<T = any>(
    method: string,
    path: string,
    options?: { token?: string; as?: string; body?: unknown; headers?: Record<string, string> },
  ): Promise<Answer<T>>;
  dispose(): Promise<void>;
}

/**
 * The whole HTTP app over a real SQLite store on a temp file (or the given store), a manual
 * clock at T0 and the demo seed (users, customers, example flows and catalog; `seed: false`
 * for a second "process" on an already seeded database). For route tests: no fake store.
 */
export async function httpFixture(
  env: Record<string, string> = {},
  options: { log?: (line: string) => void; store?: Store; seed?: boolean } = {},
): Promise<HttpFixture> {
  const dir = mkdtempSync(join(tmpdir(), 'caseflow-http-'));
  const store = options.store ?? (await openSqliteStore({ file: join(dir, 'caseflow.db') }));
  const clock = manualClock(T0);
  const config = loadConfig({
    CASEFLOW_CLOCK: 'manual',
    CASEFLOW_SECRET: 'route-test-secret-0123456789',
    LOG_LEVEL: 'silent',
    ...env,
  });
  const { log } = options;
  const logger = log ? createLogger('info', { write: (line: string) => log(line) }) : createLogger('silent');
  const runtime = createRuntime({ store, clock, logger, calendars: exampleCalendars });
  if (options.seed !== false) await seedDemo(runtime);
  const app = createApp({ runtime, config, logger });
  const tokens = new Map<string, string>();

  const call: HttpFixture['call'] = async (method, path, options = {}) => {
    const headers: Record<string, string> = { ...options.headers };
    const token = options.token ?? (options.as ? await login(options.as) : undefined);
    if (token) headers.authorization = `Bearer ${token}`;
    let body: string | undefined;
    if (options.body !== undefined) {
      body = typeof options.body === 'string' ? options.body : JSON.stringify(options.body);
      headers['content-type'] ??= 'application/json';
    }
    const res = await app.request(path, { method, headers, body });
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {
      // Not JSON (HTML docs, Prometheus text): keep the text.
    }
    return { status: res.status, body: parsed as never, headers: res.headers };
  };

  async function login(username: string): Promise<string> {
    const known = tokens.get(username);
    if (known) return known;
    const res = await call('POST', '/api/auth/login', { body: { username, password: 'demo1234' } });
    if (res.status !== 200) throw new Error(`login ${username}: ${res.status} ${JSON.stringify(res.body)}`);
    tokens.set(username, res.body.token);
    return res.body.token;
  }

  return {
    app,
    runtime,
    store,
    clock,
    config,
    login,
    call,
    async dispose() {
      await runtime.close();
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Opens Carla's (customer c-1001) lost-card case by phone as agent lena; answers its id. */
export async function openCarlasLostCard(f: HttpFixture, subject: string): Promise<string> {
  const res = await f.call('POST', '/api/cases', {
    as: 'lena',
    body: { flow: 'lost-card', customerId: 'c-1001', channel: 'phone', subject },
  });
  if (res.status !== 201) throw new Error(`open case: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.id;
}
