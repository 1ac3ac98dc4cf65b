import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { describe, expect, it, vi } from 'vitest';
import { migrationsFolder } from '../migrations';
import { sqliteAnalytics } from './sqlite-analytics';
import type { SqliteDb } from './sqlite-db';

describe('the SQLite task facts', () => {
  it("look a task's claim up in its case's timeline, not among every claim of the deployment", async () => {
    const client = new Database(':memory:');
    const db = drizzle({ client }) as unknown as SqliteDb;
    migrate(db, { migrationsFolder: migrationsFolder('sqlite') });
    const prepared = vi.spyOn(client, 'prepare');
    await sqliteAnalytics(db).analytics.taskFacts({ caseIds: ['c-1'] });
    const sql = prepared.mock.calls.map(([text]) => text).find((text) => text.includes('from tasks t'));
    expect(sql).toBeDefined();
    const plan = (
      client.prepare(`explain query plan ${sql}`).all('["c-1"]') as Array<{ detail: string }>
    ).map((r) => r.detail);
    // Through timeline_type_at_idx every task reads every 'task.claimed' row: quadratic, which
    // took the demo seed's rollups seconds per batch.
    expect(
      plan.some((d) => d.includes('timeline_type_at_idx')),
      plan.join('\n'),
    ).toBe(false);
    expect(
      plan.some((d) => /SEARCH tl USING .*\(case_id=\?\)/.test(d)),
      plan.join('\n'),
    ).toBe(true);
    client.close();
  });
});
