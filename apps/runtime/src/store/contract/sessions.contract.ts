import { beforeEach, describe, expect, it } from 'vitest';
import { type SessionRow, type Store, StoreConflict } from '../store';
import { T0 } from './fixtures';

const session = (id: string, extra: Partial<SessionRow> = {}): SessionRow => ({
  id,
  username: 'ann',
  createdAt: T0,
  expiresAt: T0 + 3_600_000,
  lastSeenAt: T0,
  revokedAt: null,
  source: '10.0.0.1',
  userAgent: 'test-agent',
  ...extra,
});

/** Contract of sessions (and users.activeAdmins); `current` answers the store of the running test. */
export function sessionsContract(current: () => Store): void {
  let store: Store;
  // Inside each describe: a beforeEach at this level would run for every contract's tests.
  const withUsers = async () => {
    store = current();
    await store.users.create({ username: 'ann', passwordHash: 'h', roles: ['agent'], createdAt: T0 });
    await store.users.create({ username: 'bob', passwordHash: 'h', roles: ['admin'], createdAt: T0 });
  };

  describe('sessions', () => {
    beforeEach(withUsers);

    it('creates and reads a session, and refuses a duplicate id', async () => {
      expect(await store.sessions.create(session('s1'))).toEqual(session('s1'));
      expect(await store.sessions.get('s1')).toEqual(session('s1'));
      expect(await store.sessions.get('nope')).toBeNull();
      await expect(store.sessions.create(session('s1'))).rejects.toBeInstanceOf(StoreConflict);
    });

    it('reads the session with its user in one call, without the password hash', async () => {
      await store.sessions.create(session('s1'));
      const found = await store.sessions.getWithUser('s1');
      expect(found?.session).toEqual(session('s1'));
      expect(found?.user).toEqual(await store.users.get('ann'));
      expect(JSON.stringify(found)).not.toContain('"h"');
      expect(await store.sessions.getWithUser('nope')).toBeNull();
    });

    it('moves lastSeenAt forward only, and not on a revoked session', async () => {
      await store.sessions.create(session('s1'));
      await store.sessions.touch('s1', T0 + 60_000);
      await store.sessions.touch('s1', T0 + 30_000);
      expect((await store.sessions.get('s1'))?.lastSeenAt).toBe(T0 + 60_000);
      await store.sessions.revoke('s1', T0 + 61_000);
      await store.sessions.touch('s1', T0 + 120_000);
      expect((await store.sessions.get('s1'))?.lastSeenAt).toBe(T0 + 60_000);
    });

    it('revokes one session once', async () => {
      await store.sessions.create(session('s1'));
      expect(await store.sessions.revoke('s1', T0 + 5)).toBe(true);
      expect(await store.sessions.revoke('s1', T0 + 9)).toBe(false);
      expect((await store.sessions.get('s1'))?.revokedAt).toBe(T0 + 5);
      expect(await store.sessions.revoke('nope', T0)).toBe(false);
    });

    it("revokes all of a user's live sessions but the one kept, and no one else's", async () => {
      await store.sessions.create(session('s1'));
      await store.sessions.create(session('s2', { createdAt: T0 + 1 }));
      await store.sessions.create(session('s3', { createdAt: T0 + 2 }));
      await store.sessions.create(session('b1', { username: 'bob' }));
      expect(await store.sessions.revokeAll('ann', T0 + 10, 's2')).toBe(2);
      expect((await store.sessions.listLive('ann', T0 + 10)).map((s) => s.id)).toEqual(['s2']);
      expect(await store.sessions.revokeAll('ann', T0 + 11)).toBe(1);
      expect(await store.sessions.listLive('ann', T0 + 11)).toEqual([]);
      expect((await store.sessions.listLive('bob', T0 + 11)).map((s) => s.id)).toEqual(['b1']);
    });

    it('lists live sessions newest first, leaving out expired ones', async () => {
      await store.sessions.create(session('old', { expiresAt: T0 + 10 }));
      await store.sessions.create(session('new', { createdAt: T0 + 5 }));
      await store.sessions.create(session('mid', { createdAt: T0 + 2 }));
      expect((await store.sessions.listLive('ann', T0 + 10)).map((s) => s.id)).toEqual(['new', 'mid']);
    });

    it('remembers the sources a user signed in from, also after revocation', async () => {
      await store.sessions.create(session('s1', { source: '10.0.0.1' }));
      await store.sessions.revoke('s1', T0 + 1);
      expect(await store.sessions.knownSource('ann', '10.0.0.1')).toBe(true);
      expect(await store.sessions.knownSource('ann', '10.0.0.2')).toBe(false);
      expect(await store.sessions.knownSource('bob', '10.0.0.1')).toBe(false);
    });

    it('purges sessions that expired before a time', async () => {
      await store.sessions.create(session('gone', { expiresAt: T0 + 10 }));
      await store.sessions.create(session('kept', { expiresAt: T0 + 100 }));
      expect(await store.sessions.purge(T0 + 50)).toBe(1);
      expect(await store.sessions.get('gone')).toBeNull();
      expect(await store.sessions.get('kept')).not.toBeNull();
    });
  });

  describe('users.activeAdmins', () => {
    beforeEach(withUsers);

    it('names active admins only, also inside a transaction', async () => {
      await store.users.create({
        username: 'cid',
        passwordHash: 'h',
        roles: ['admin', 'agent'],
        createdAt: T0,
      });
      await store.users.create({ username: 'dee', passwordHash: 'h', roles: ['admin'], createdAt: T0 });
      await store.users.update('dee', { active: false });
      expect(await store.users.activeAdmins()).toEqual(['bob', 'cid']);
      expect(await store.transaction((tx) => tx.users.activeAdmins())).toEqual(['bob', 'cid']);
    });
  });
}
