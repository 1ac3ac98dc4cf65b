import { beforeEach, describe, expect, it } from 'vitest';
import { manualClock } from '../clock';
import { caseRow, T0 } from '../store/contract/fixtures';
import { openSqliteStore } from '../store/sqlite/sqlite-store';
import type { Store } from '../store/store';
import { chatView, markRead, reportTyping, TYPING_MS } from './chat-commands';

let store: Store;
const clock = manualClock(T0);
beforeEach(async () => {
  clock.set(T0);
  store = await openSqliteStore({ file: ':memory:' });
  const user = (
    username: string,
    roles: Array<'agent' | 'customer'>,
    customerId: string | null,
    displayName: string,
  ) => store.users.create({ username, passwordHash: 'h', roles, customerId, displayName, createdAt: T0 });
  await user('carla', ['customer'], 'c-1', 'Carla');
  await user('ben', ['customer'], 'c-2', 'Ben');
  await user('lena', ['agent'], null, 'Lena (L1)');
  await store.cases.insert(caseRow('k1', { customerId: 'c-1', channel: 'chat' }));
  await store.cases.insert(caseRow('k2', { customerId: 'c-1', status: 'resolved', closedAt: T0 }));
});
const deps = () => ({ store, clock });
const changes = async () => (await store.changes.after(null, 100)).filter((c) => c.kinds.includes('chat'));

describe('chat typing and read indicators', () => {
  it('shows the other side typing for a few seconds, by display name', async () => {
    await reportTyping(deps(), 'carla', 'k1');
    expect(await chatView(deps(), 'lena', 'k1')).toEqual({
      typing: [{ party: 'customer', name: 'Carla' }],
      otherReadAt: null,
      visitor: null,
    });
    // Nobody sees themselves typing.
    expect((await chatView(deps(), 'carla', 'k1')).typing).toEqual([]);
    clock.advance(`PT${TYPING_MS / 1000 + 1}S`);
    expect((await chatView(deps(), 'lena', 'k1')).typing).toEqual([]);
  });

  it('writes a repeated typing report at most every few seconds', async () => {
    await reportTyping(deps(), 'lena', 'k1');
    await reportTyping(deps(), 'lena', 'k1');
    clock.advance('PT1S');
    await reportTyping(deps(), 'lena', 'k1');
    expect(await changes()).toHaveLength(1);
    clock.advance('PT3S');
    await reportTyping(deps(), 'lena', 'k1');
    expect(await changes()).toHaveLength(2);
    expect((await changes())[0]).toMatchObject({ caseId: 'k1', customerId: 'c-1', publicKinds: ['chat'] });
  });

  it('ends typing on read, and reads nothing twice', async () => {
    await reportTyping(deps(), 'lena', 'k1');
    clock.advance('PT1S');
    await markRead(deps(), 'lena', 'k1');
    expect((await chatView(deps(), 'carla', 'k1')).typing).toEqual([]);
    const before = (await changes()).length;
    await markRead(deps(), 'lena', 'k1');
    expect(await changes()).toHaveLength(before);
  });

  it('announces typing and read alternated no more often than typing alone', async () => {
    for (let i = 0; i < 50; i++) {
      await reportTyping(deps(), 'carla', 'k1');
      await markRead(deps(), 'carla', 'k1');
    }
    // The first report and the read that ended it; nothing more within the refresh time.
    expect(await changes()).toHaveLength(2);
    clock.advance('PT3S');
    await reportTyping(deps(), 'carla', 'k1');
    expect(await changes()).toHaveLength(3);
  });

  it('answers 404 for another customer’s case and 409 on a closed one', async () => {
    await expect(reportTyping(deps(), 'ben', 'k1')).rejects.toMatchObject({ status: 404 });
    await expect(chatView(deps(), 'ben', 'k1')).rejects.toMatchObject({ status: 404 });
    await expect(reportTyping(deps(), 'carla', 'nope')).rejects.toMatchObject({ status: 404 });
    await expect(reportTyping(deps(), 'carla', 'k2')).rejects.toMatchObject({ status: 409 });
    expect(await changes()).toHaveLength(0);
  });
});
