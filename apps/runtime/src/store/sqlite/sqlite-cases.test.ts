import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { describe, expect, it, vi } from 'vitest';
import { migrationsFolder } from '../migrations';
import { sqliteCases } from './sqlite-cases';
import type { SqliteDb } from './sqlite-db';

describe('the SQLite children of a case, by status (read by every closing case)', () => {
  it('are searched by parent, not by walking every case of that status', async () => {
    const client = new Database(':memory:');
    const db = drizzle({ client }) as unknown as SqliteDb;
    migrate(db, { migrationsFolder: migrationsFolder('sqlite') });
    const prepared = vi.spyOn(client, 'prepare');
    await sqliteCases(db).cases.list({ parentCaseId: 'parent', status: 'open' });
    const sql = prepared.mock.calls.map(([text]) => text).find((text) => /parent_case_id = \?/.test(text));
    expect(sql).toBeDefined();
    const plan = (
      client.prepare(`explain query plan ${sql}`).all('parent', 'open', 51) as Array<{ detail: string }>
    ).map((r) => r.detail);
    expect(
      plan.some((d) => d.includes('USING INDEX cases_parent_idx')),
      plan.join('\n'),
    ).toBe(true);
    expect(
      plan.some((d) => d.includes('cases_status_idx')),
      plan.join('\n'),
    ).toBe(false);
  });
});
