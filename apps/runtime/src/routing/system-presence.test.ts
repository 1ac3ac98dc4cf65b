import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { endSession } from '../auth/user-commands';
import { type RuntimeFixture, runtimeFixture, T0 } from '../executor/test-support/runtime-fixture';
import { setPresence } from './presence-commands';

describe('presence on sign-out', () => {
  let f: RuntimeFixture;
  const session = (id: string, username: string) =>
    f.store.sessions.create({
      id,
      username,
      createdAt: T0,
      expiresAt: T0 + 3_600_000,
      lastSeenAt: T0,
      revokedAt: null,
      source: null,
      userAgent: null,
    });
  beforeEach(async () => {
    f = await runtimeFixture();
    await setPresence(f.store, 'ann', 'ann', 'online', T0);
  });
  afterEach(async () => f.dispose());

  it('sets an agent offline when they sign out of their last session, logged as the system', async () => {
    await session('s1', 'ann');
    await session('s2', 'ann');
    await endSession(f.store, 's1', T0 + 1000, T0 + 5);
    expect((await f.store.routing.profile('ann'))?.presence).toBe('online');
    await endSession(f.store, 's2', T0 + 2000, T0 + 10);
    expect(await f.store.routing.profile('ann')).toMatchObject({ presence: 'offline', presenceAt: T0 + 10 });
    expect((await f.store.routing.presenceLog({ username: 'ann' })).at(-1)).toEqual({
      username: 'ann',
      at: T0 + 10,
      status: 'offline',
      by: 'system',
    });
    // Both changes (online, then offline) were announced to supervisors' live streams.
    const announced = (await f.store.changes.after(null, 100)).filter((c) => c.kinds.includes('presence'));
    expect(announced.map((c) => [c.caseId, c.users, c.at])).toEqual([
      ['', ['ann'], T0],
      ['', ['ann'], T0 + 10],
    ]);
    // Signing out again changes, logs and announces nothing.
    await endSession(f.store, 's2', T0 + 3000, T0 + 20);
    expect(await f.store.routing.presenceLog({ username: 'ann' })).toHaveLength(2);
    expect((await f.store.changes.after(null, 100)).filter((c) => c.kinds.includes('presence'))).toHaveLength(
      2,
    );
  });

  it('leaves agents who never set a presence alone', async () => {
    await session('s3', 'bob');
    await endSession(f.store, 's3', T0 + 1000);
    expect(await f.store.routing.profile('bob')).toBeNull();
    expect(await f.store.sessions.get('s3')).toMatchObject({ revokedAt: T0 + 1000 });
  });
});
