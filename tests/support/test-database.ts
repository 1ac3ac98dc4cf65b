import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The two store sides every HTTP scenario runs on. */
export type Backend = 'sqlite' | 'postgres';

/** Admin connection used to create and drop the per-file PostgreSQL databases. */
export const PG_ADMIN_URL =
  process.env.CASEFLOW_PG_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/** A database of its own for one runtime (and its restarts): the env that points at it, and drop. */
export interface TestDatabase {
  backend: Backend;
  /** CASEFLOW_DB or DATABASE_URL for the runtime process. */
  env: Record<string, string>;
  /** Removes the database (SQLite: the temp directory; PostgreSQL: DROP DATABASE … WITH (FORCE)). */
  drop(): Promise<void>;
}

/** Runs one SQL statement as the PostgreSQL admin via psql; throws with psql's message. */
function adminSql(sql: string): void {
  execFileSync('psql', [PG_ADMIN_URL, '-v', 'ON_ERROR_STOP=1', '-qAt', '-c', sql], {
    stdio: ['ignore', 'pipe', 'pipe'],
    timeout: 15_000,
  });
}

let reachable: boolean | undefined;
/** True when psql can reach the admin database (answered once per test file). */
export function postgresReachable(): boolean {
  if (reachable === undefined) {
    try {
      adminSql('select 1');
      reachable = true;
    } catch {
      reachable = false;
    }
  }
  return reachable;
}

/**
 * The backends a scenario file runs on, for `describe.each`: SQLite always; PostgreSQL when a
 * server answers. Under CI (env CI set) an unreachable PostgreSQL is an error, never a skip.
 */
export function scenarioBackends(): Array<{ backend: Backend; skip: boolean }> {
  const pg = postgresReachable();
  if (!pg && process.env.CI) {
    throw new Error(`PostgreSQL is unreachable at ${PG_ADMIN_URL}; CI must run the HTTP scenarios on it`);
  }
  if (!pg) console.warn(`HTTP scenarios on PostgreSQL SKIPPED: no server at ${PG_ADMIN_URL}`);
  return [
    { backend: 'sqlite', skip: false },
    { backend: 'postgres', skip: !pg },
  ];
}

/** A fresh, empty database for one runtime: a temp SQLite file or a new PostgreSQL database. */
export async function createTestDatabase(backend: Backend): Promise<TestDatabase> {
  if (backend === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'caseflow-e2e-'));
    return {
      backend,
      env: { CASEFLOW_DB: join(dir, 'caseflow.db') },
      async drop() {
        rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  const name = `caseflow_e2e_${randomBytes(6).toString('hex')}`;
  adminSql(`create database ${name}`);
  const url = new URL(PG_ADMIN_URL);
  url.pathname = `/${name}`;
  return {
    backend,
    env: { DATABASE_URL: url.toString() },
    async drop() {
      adminSql(`drop database if exists ${name} with (force)`);
    },
  };
}
