import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { freePort, RUNTIME_MAIN } from '../../support/runtime-process';
import { createTestDatabase, type TestDatabase } from '../../support/test-database';

/** The secret every process of a cluster shares: tokens from one are valid on all. */
export const CLUSTER_SECRET = 'cluster-secret-0123456789abcdef';
/** Webhook signatures use a key of their own (DESIGN §8), shared by the processes and the sink. */
export const CLUSTER_WEBHOOK_SECRET = 'cluster-webhook-secret-0123456789';
/** Stored credentials must read back on every process. */
export const CLUSTER_DATA_KEY = '5c'.repeat(32);

/** A JSON answer; `body` is parsed loosely (assertions check shapes). */
export interface Answer {
  status: number;
  // biome-ignore lint/suspicious/noExplicitAny: tests read answers loosely
  body: any;
}

/** One runtime process of the cluster (the same port across restarts). */
export interface ClusterNode {
  readonly index: number;
  readonly url: string;
  /** True between a start and the process's exit. */
  readonly alive: boolean;
  /** Calls the API. Throws (fetch's TypeError) when the process cannot be reached. */
  api(
    method: string,
    path: string,
    options?: { token?: string; body?: unknown; headers?: Record<string, string> },
  ): Promise<Answer>;
  /** Sends `signal` (default SIGKILL) and waits for the exit. */
  kill(signal?: NodeJS.Signals): Promise<void>;
  /** Starts the process again on the same database and port; waits for /api/health. */
  start(): Promise<void>;
  output(): string;
}

export interface Cluster {
  nodes: ClusterNode[];
  /** DATABASE_URL the processes share. */
  databaseUrl: string;
  /** A pool on the cluster's database, for checks that read rows directly. */
  sql: pg.Pool;
  /** Stops every process (SIGTERM), closes the pool and drops the database. */
  stop(): Promise<void>;
}

export interface ClusterOptions {
  size: number;
  /** Variables added to (or overriding) every process's environment. */
  env?: Record<string, string>;
  /**
   * Start the first process alone (it migrates and seeds the demo data), then the others
   * together. When false, all start at the same instant on the empty database.
   */
  staggered?: boolean;
}

async function waitForHealth(url: string, child: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`runtime exited with ${child.exitCode}:\n${output()}`);
    try {
      if ((await fetch(`${url}/api/health`)).ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`runtime ${url} did not become healthy:\n${output()}`);
}

/**
 * Starts `size` runtime processes (the built bundle) on ONE fresh PostgreSQL database, each on
 * its own loopback port, with the real clock, the demo seed and the shared CLUSTER_SECRET.
 */
export async function startCluster(options: ClusterOptions): Promise<Cluster> {
  const database: TestDatabase = await createTestDatabase('postgres');
  const databaseUrl = database.env.DATABASE_URL!;
  const dir = mkdtempSync(join(tmpdir(), 'caseflow-cluster-'));
  const nodes: Array<ClusterNode & { stopGracefully(): Promise<void> }> = [];
  for (let index = 0; index < options.size; index++) nodes.push(makeNode(index, await freePort()));

  function makeNode(index: number, port: number) {
    const url = `http://127.0.0.1:${port}`;
    let child: ChildProcess | null = null;
    let log = '';
    const exited = () => !child || child.exitCode !== null || child.signalCode !== null;
    const kill = async (signal: NodeJS.Signals = 'SIGKILL') => {
      const c = child;
      if (!c || exited()) return;
      const done = new Promise<void>((resolve) => c.once('exit', () => resolve()));
      c.kill(signal);
      const force = setTimeout(() => c.kill('SIGKILL'), 10_000);
      await done;
      clearTimeout(force);
    };
    return {
      index,
      url,
      get alive() {
        return !exited();
      },
      output: () => log,
      async api(
        method: string,
        path: string,
        o: { token?: string; body?: unknown; headers?: Record<string, string> } = {},
      ) {
        const headers: Record<string, string> = { ...o.headers };
        if (o.token) headers.authorization = `Bearer ${o.token}`;
        if (o.body !== undefined) headers['content-type'] = 'application/json';
        const res = await fetch(`${url}${path}`, {
          method,
          headers,
          body: o.body === undefined ? undefined : JSON.stringify(o.body),
        });
        const text = await res.text();
        let body: unknown = text;
        try {
          body = text ? JSON.parse(text) : null;
        } catch {
          // Not JSON.
        }
        return { status: res.status, body };
      },
      kill,
      stopGracefully: () => kill('SIGTERM'),
      async start() {
        child = spawn(process.execPath, [RUNTIME_MAIN], {
          cwd: dir,
          env: {
            PATH: process.env.PATH,
            PORT: String(port),
            HOST: '127.0.0.1',
            CASEFLOW_CLOCK: 'real',
            CASEFLOW_DEMO: '1',
            // Presence stays as the test sets it: no agent is put online at start or on sign-in.
            CASEFLOW_DEMO_PRESENCE: '0',
            CASEFLOW_DEMO_HISTORY: '0',
            CASEFLOW_SECRET: CLUSTER_SECRET,
            CASEFLOW_WEBHOOK_SECRET: CLUSTER_WEBHOOK_SECRET,
            CASEFLOW_DATA_KEY: CLUSTER_DATA_KEY,
            LOG_LEVEL: 'warn',
            DATABASE_URL: databaseUrl,
            ...options.env,
          },
          stdio: ['ignore', 'pipe', 'pipe'],
        });
        child.stdout?.on('data', (d) => {
          log += d;
        });
        child.stderr?.on('data', (d) => {
          log += d;
        });
        await waitForHealth(url, child, () => log);
      },
    };
  }

  const sql = new pg.Pool({ connectionString: databaseUrl, max: 4 });
  const stop = async () => {
    await Promise.all(nodes.map((n) => n.stopGracefully()));
    await sql.end();
    await database.drop();
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    if (options.staggered ?? true) {
      await nodes[0]!.start();
      await Promise.all(nodes.slice(1).map((n) => n.start()));
    } else {
      await Promise.all(nodes.map((n) => n.start()));
    }
  } catch (error) {
    await stop();
    throw error;
  }
  return { nodes, databaseUrl, sql, stop };
}
