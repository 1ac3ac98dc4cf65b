import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openSqliteStore } from '../store/sqlite/sqlite-store';
import type { Store } from '../store/store';
import { ensureAdmin } from './bootstrap-admin';
import { verifyPassword } from './password';

let store: Store;
beforeEach(async () => {
  store = await openSqliteStore({ file: ':memory:' });
});
afterEach(() => store.close());

async function adminHash(): Promise<string> {
  return (await store.users.getCredentials('admin'))!.passwordHash;
}

describe('ensureAdmin', () => {
  it('creates admin with a generated password, printed once', async () => {
    const printed: string[] = [];
    expect(await ensureAdmin(store, { password: undefined, now: 0, print: (l) => printed.push(l) })).toBe(
      true,
    );
    expect(printed).toHaveLength(1);
    const password = /generated password: (\S+)/.exec(printed[0]!)?.[1];
    expect(password).toMatch(/^[\w-]{24}$/);
    expect(await verifyPassword(password!, await adminHash())).toBe(true);
    expect((await store.users.get('admin'))!.roles).toEqual(['admin']);

    expect(await ensureAdmin(store, { password: undefined, now: 0, print: (l) => printed.push(l) })).toBe(
      false,
    );
    expect(printed).toHaveLength(1);
  });

  it('uses CASEFLOW_ADMIN_PASSWORD and never prints it', async () => {
    const printed: string[] = [];
    await ensureAdmin(store, { password: 'from-the-env-1', now: 0, print: (l) => printed.push(l) });
    expect(printed.join('\n')).not.toContain('from-the-env-1');
    expect(await verifyPassword('from-the-env-1', await adminHash())).toBe(true);
  });

  it('does nothing when any user exists', async () => {
    await store.users.create({ username: 'olivia', passwordHash: 'x', roles: ['owner'], createdAt: 0 });
    expect(await ensureAdmin(store, { password: undefined, now: 0, print: () => {} })).toBe(false);
    expect(await store.users.get('admin')).toBeNull();
  });

  it('creates one admin when several processes start at once, and only the winner prints', async () => {
    const printed: string[] = [];
    const results = await Promise.all(
      [1, 2, 3].map(() => ensureAdmin(store, { password: undefined, now: 0, print: (l) => printed.push(l) })),
    );
    expect(results.filter(Boolean)).toHaveLength(1);
    expect(printed).toHaveLength(1);
    expect(await store.users.count()).toBe(1);
  });
});
