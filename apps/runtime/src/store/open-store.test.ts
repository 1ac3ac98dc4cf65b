import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openStore, targetFromEnv } from './open-store';

describe('openStore', () => {
  const dir = mkdtempSync(join(tmpdir(), 'caseflow-open-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('picks PostgreSQL only for postgres:// and postgresql:// URLs', () => {
    expect(targetFromEnv({ DATABASE_URL: 'postgres://u@h/db' })).toEqual({
      kind: 'postgres',
      url: 'postgres://u@h/db',
    });
    expect(targetFromEnv({ DATABASE_URL: 'postgresql://u@h/db' }).kind).toBe('postgres');
    expect(targetFromEnv({ DATABASE_URL: 'mysql://u@h/db', CASEFLOW_DB: '/x/y.db' })).toEqual({
      kind: 'sqlite',
      file: '/x/y.db',
    });
    expect(targetFromEnv({ DATABASE_URL: ' ', CASEFLOW_DB: '' })).toEqual({
      kind: 'sqlite',
      file: './data/caseflow.db',
    });
  });

  it('opens a migrated SQLite file at CASEFLOW_DB, creating its directory', async () => {
    const file = join(dir, 'a', 'b', 'caseflow.db');
    const store = await openStore({ CASEFLOW_DB: file });
    expect(store.dialect).toBe('sqlite');
    expect(await store.users.count()).toBe(0);
    await store.close();
    expect(existsSync(file)).toBe(true);
  });

  it('accepts the runtime Config shape', async () => {
    const store = await openStore({ db: { kind: 'sqlite', file: ':memory:' } });
    expect(await store.flowVersions.latest('none')).toBe(0);
    await store.close();
  });
});
