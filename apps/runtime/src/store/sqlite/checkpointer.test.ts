import { copyFileSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { openSqliteStore } from './sqlite-store';

let dir: string;
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** Rows of `table` in the database file itself, the WAL left out (what checkpoints copied). */
function inDatabaseFile(file: string, table: string): number {
  // A copy of the database file alone: without its WAL, it holds only what was checkpointed.
  const copy = `${file}.copy`;
  rmSync(copy, { force: true });
  copyFileSync(file, copy);
  const db = new Database(copy, { readonly: true });
  try {
    return (db.prepare(`select count(*) as n from ${table}`).get() as { n: number }).n;
  } catch {
    return 0; // the table itself is not in the file yet
  } finally {
    db.close();
  }
}

describe('checkpoints in the background', () => {
  it('copies committed transactions into the database file without a COMMIT doing it', async () => {
    dir = mkdtempSync(join(tmpdir(), 'caseflow-checkpoint-'));
    const file = join(dir, 'caseflow.db');
    const store = await openSqliteStore({ file, checkpointInBackground: true });
    for (let i = 0; i < 20; i++) {
      await store.customers.create({ id: `c-${i}`, name: `Customer ${i}`, createdAt: i });
    }
    // The writing connection does not checkpoint (wal_autocheckpoint 0): the worker's do.
    await vi.waitFor(() => expect(inDatabaseFile(file, 'customers')).toBe(20), { timeout: 5000 });
    await store.close();
  });

  it('starts the WAL over under writes that never pause, cutting its file back', async () => {
    dir = mkdtempSync(join(tmpdir(), 'caseflow-checkpoint-'));
    const file = join(dir, 'caseflow.db');
    const maxWalBytes = 256 * 1024;
    const store = await openSqliteStore({ file, checkpointInBackground: { maxWalBytes, everyMs: 5 } });
    const name = 'x'.repeat(3000);
    let largest = 0;
    // Eight writers that keep a transaction queued at all times, through group commit.
    await Promise.all(
      Array.from({ length: 8 }, async (_, w) => {
        for (let i = 0; i < 300; i++) {
          await store.transaction((tx) => tx.customers.create({ id: `c-${w}-${i}`, name, createdAt: i }));
          largest = Math.max(largest, statSync(`${file}-wal`).size);
        }
      }),
    );
    // Never started over, the WAL holds all of it (~15 MiB here); started over, about 1 MiB.
    expect(largest).toBeLessThan(16 * maxWalBytes);
    await store.close();
    const db = new Database(file, { readonly: true });
    expect(db.prepare('select count(*) as n from customers').get()).toEqual({ n: 2400 });
    db.close();
  });
});
