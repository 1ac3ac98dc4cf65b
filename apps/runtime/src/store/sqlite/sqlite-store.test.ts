import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { caseRow, storeContract, versionRow } from '../store.contract';
import { openSqliteStore } from './sqlite-store';

storeContract('sqlite (:memory:)', () => openSqliteStore({ file: ':memory:' }));

describe('openSqliteStore on a file', () => {
  const dir = mkdtempSync(join(tmpdir(), 'caseflow-sqlite-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('creates the directory, uses WAL and keeps data across reopen (migrations run once)', async () => {
    const file = join(dir, 'nested', 'caseflow.db');
    const first = await openSqliteStore({ file });
    await first.groups.create({ name: 'l1', description: 'First line', createdAt: 1 });
    await first.close();
    const second = await openSqliteStore({ file });
    expect(await second.groups.get('l1')).toMatchObject({ name: 'l1' });
    await second.close();
    const Database = (await import('better-sqlite3')).default;
    const raw = new Database(file, { readonly: true });
    expect(raw.pragma('journal_mode', { simple: true })).toBe('wal');
    const timers = raw.prepare("select sql from sqlite_master where name = 'timers'").get() as {
      sql: string;
    };
    expect(timers.sql).toMatch(/WITHOUT ROWID/i);
    raw.close();
  });

  it('bulk-loads and leaves everything it wrote checkpointed into the database file', async () => {
    const file = join(dir, 'bulk.db');
    const store = await openSqliteStore({ file });
    const answer = await store.bulkLoad!(async () => {
      for (let i = 0; i < 20; i++) {
        await store.transaction((tx) => tx.groups.create({ name: `g${i}`, description: '', createdAt: i }));
      }
      return 'loaded';
    });
    expect(answer).toBe('loaded');
    expect(statSync(`${file}-wal`).size).toBe(0);
    // Durable commits again afterwards: a later write lands as usual.
    await store.groups.create({ name: 'after', description: '', createdAt: 99 });
    expect(await store.groups.get('g19')).toMatchObject({ name: 'g19' });
    await store.close();
  });

  it('lets processes that start together on a fresh file migrate it once', async () => {
    const file = join(dir, 'together.db');
    const module = new URL('./sqlite-store.ts', import.meta.url).href;
    const script = `import { openSqliteStore } from '${module}';
      const s = await openSqliteStore({ file: ${JSON.stringify(file)} });
      console.log(await s.users.count());
      await s.close();`;
    const outputs = await Promise.all(
      [1, 2, 3, 4].map(
        () =>
          new Promise<string>((resolve, reject) => {
            execFile(
              process.execPath,
              ['--import', 'tsx', '--input-type=module', '-e', script],
              (err, stdout, stderr) =>
                err ? reject(new Error(stderr || err.message)) : resolve(stdout.trim()),
            );
          }),
      ),
    );
    expect(outputs).toEqual(['0', '0', '0', '0']);
  }, 60_000);

  it('refuses to rewrite published flow versions and timeline entries', async () => {
    const file = join(dir, 'immutable.db');
    const store = await openSqliteStore({ file });
    await store.flowVersions.insert(versionRow('f', 1));
    await store.cases.insert(caseRow('k1'));
    await store.timeline.append('k1', [{ at: 1, type: 'x' }]);
    await store.close();
    const Database = (await import('better-sqlite3')).default;
    const raw = new Database(file);
    expect(() => raw.exec("update flow_versions set checksum = 'forged'")).toThrow(/immutable/);
    expect(() => raw.exec("update timeline set type = 'forged'")).toThrow(/immutable/);
    raw.close();
  });

  it('serialises plain calls behind an open transaction instead of joining it', async () => {
    const store = await openSqliteStore({ file: ':memory:' });
    let release!: () => void;
    const gate = new Promise<void>((r) => {
      release = r;
    });
    const tx = store
      .transaction(async (t) => {
        await t.groups.create({ name: 'tx', description: '', createdAt: 1 });
        await gate;
        throw new Error('rollback');
      })
      .catch(() => 'rolled back');
    // Started while the transaction is open: must wait for it and not be rolled back with it.
    const outside = store.groups.create({ name: 'outside', description: '', createdAt: 1 });
    release();
    expect(await tx).toBe('rolled back');
    await outside;
    expect((await store.groups.list()).map((g) => g.name)).toEqual(['outside']);
    await store.close();
  });

  it('commits transactions started together with one COMMIT, answering each after it', async () => {
    const file = join(dir, 'group.db');
    const store = await openSqliteStore({ file });
    const Database = (await import('better-sqlite3')).default;
    const other = new Database(file, { readonly: true });
    const visible = (id: string) => other.prepare('select 1 from cases where id = ?').get(id) !== undefined;
    const answered = new Set<string>();
    const seenBySecond: { firstAnswered: boolean; firstVisible: boolean }[] = [];
    const first = store
      .transaction(async (tx) => tx.cases.insert(caseRow('first')))
      .then(() => answered.add('first'));
    const second = store
      .transaction(async (tx) => {
        await tx.cases.insert(caseRow('second'));
        // Batched with `first`: it has run, but neither committed nor answered yet.
        seenBySecond.push({ firstAnswered: answered.has('first'), firstVisible: visible('first') });
      })
      .then(() => answered.add('second'));
    await first;
    expect(visible('first') && visible('second')).toBe(true);
    await second;
    expect(seenBySecond).toEqual([{ firstAnswered: false, firstVisible: false }]);
    other.close();
    await store.close();
  });
});
