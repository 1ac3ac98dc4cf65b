import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { describe, expect, it, vi } from 'vitest';
import { migrationsFolder } from '../migrations';
import type { SqliteDb } from './sqlite-db';
import { sqliteDelivery } from './sqlite-delivery';

/** The query plan SQLite picks for `sql` (its `?` bound to 0). */
function planOf(client: Database.Database, sql: string): string[] {
  const params = (sql.match(/\?/g) ?? []).map(() => 0);
  return (client.prepare(`explain query plan ${sql}`).all(...params) as Array<{ detail: string }>).map(
    (r) => r.detail,
  );
}

describe('the SQLite outbox claim', () => {
  it('finds due messages through the partial index, not by scanning every message ever sent', async () => {
    const client = new Database(':memory:');
    const db = drizzle({ client }) as unknown as SqliteDb;
    migrate(db, { migrationsFolder: migrationsFolder('sqlite') });
    // The claim statement is prepared once, when the store is made.
    const prepared = vi.spyOn(client, 'prepare');
    const delivery = sqliteDelivery(db);
    await delivery.outbox.claimDue(1_000, 10, 60_000);
    const claim = prepared.mock.calls
      .map(([sql]) => sql)
      .find((sql) => /^update "?outbox"? set next_attempt_at/.test(sql));
    expect(claim).toBeDefined();
    const plan = planOf(client, claim!);
    // The index holds only pending and failed rows: a status filter SQLite cannot match to the
    // index's own (bound parameters instead of the literals) makes every claim read the table.
    expect(
      plan.some((d) => d.includes('USING INDEX outbox_due_idx')),
      plan.join('\n'),
    ).toBe(true);
    expect(
      plan.some((d) => /^SCAN outbox\b/.test(d)),
      plan.join('\n'),
    ).toBe(false);
    client.close();
  });
});
