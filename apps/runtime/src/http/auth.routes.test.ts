import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type HttpFixture, httpFixture } from './http-fixture';

/*
 * Sessions, logout, password change and user administration through the in-process app
 * (SQLite). tests/hostile/auth.test.ts replays the leaks against the built runtime on both
 * backends.
 */

let f: HttpFixture;
// admin's own token: one test deactivates admin (ending its sessions), then signs in afresh.
let adminToken = '';
beforeAll(async () => {
  f = await httpFixture();
  adminToken = await f.login('admin');
});
afterAll(() => f.dispose());

async function signIn(username: string, password = 'demo1234'): Promise<string> {
  const res = await f.call('POST', '/api/auth/login', { body: { username, password } });
  if (res.status !== 200) throw new Error(`login ${username}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.token;
}
const me = async (token: string) => (await f.call('GET', '/api/auth/me', { token })).status;

describe('sessions', () => {
  it('gives each sign-in its own session, stored server-side', async () => {
    const a = await signIn('nora');
    const b = await signIn('nora');
    expect(a).not.toBe(b);
    expect(await f.store.sessions.listLive('nora', Date.now())).toHaveLength(2);
    expect(JSON.stringify(await f.store.sessions.listLive('nora', Date.now()))).not.toContain(a);
  });

  it('ends the caller session at logout, and only that one', async () => {
    const a = await signIn('ines');
    const b = await signIn('ines');
    expect((await f.call('POST', '/api/auth/logout', { token: a })).status).toBe(204);
    const after = await f.call('GET', '/api/auth/me', { token: a });
    expect(after.status).toBe(401);
    expect(after.body.error.message).toMatch(/ended/);
    expect(await me(b)).toBe(200);
    expect((await f.call('POST', '/api/auth/logout')).status).toBe(401);
  });
});

describe('POST /auth/password', () => {
  it('changes the password and ends every other session of the user', async () => {
    const keep = await signIn('fatima');
    const other = await signIn('fatima');
    const res = await f.call('POST', '/api/auth/password', {
      token: keep,
      body: { current: 'demo1234', next: 'a-new-secret-1' },
    });
    expect(res.status).toBe(204);
    expect(await me(keep)).toBe(200);
    expect(await me(other)).toBe(401);
    expect(
      (await f.call('POST', '/api/auth/login', { body: { username: 'fatima', password: 'demo1234' } }))
        .status,
    ).toBe(401);
    await signIn('fatima', 'a-new-secret-1');
    expect((await f.store.users.get('fatima'))?.passwordChangedAt).toEqual(expect.any(Number));
  });

  it('names the field at fault', async () => {
    const token = await signIn('ivan');
    const cases: Array<[unknown, string]> = [
      [{ current: 'wrong-one', next: 'a-new-secret-1' }, 'current'],
      [{ current: 'demo1234', next: 'short' }, 'next'],
      [{ current: 'demo1234', next: 'x'.repeat(257) }, 'next'],
      [{ current: 'demo1234', next: 'demo1234' }, 'next'],
      [{ current: 'demo1234', next: 'ivan' }, 'next'],
    ];
    for (const [body, field] of cases) {
      const res = await f.call('POST', '/api/auth/password', { token, body });
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.error.details[0].path).toBe(field);
    }
  });
});

describe('PATCH /users/:username', () => {
  it('changes profile, roles, groups and tiers, and answers without a hash', async () => {
    const res = await f.call('PATCH', '/api/users/sam', {
      token: adminToken,
      body: { displayName: 'Sam S.', email: 'sam@example.com', roles: ['agent', 'owner'], tiers: ['L2'] },
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      username: 'sam',
      displayName: 'Sam S.',
      email: 'sam@example.com',
      roles: ['agent', 'owner'],
      groups: ['supervisors'],
      tiers: ['L2'],
      active: true,
    });
    expect(JSON.stringify(res.body)).not.toMatch(/scrypt/);
  });

  it('deactivation ends the sessions at once and refuses sign-in; reactivation allows it again', async () => {
    const token = await signIn('ines');
    expect(
      (await f.call('PATCH', '/api/users/ines', { token: adminToken, body: { active: false } })).body.active,
    ).toBe(false);
    expect(await me(token)).toBe(401);
    const refused = await f.call('POST', '/api/auth/login', {
      body: { username: 'ines', password: 'demo1234' },
    });
    expect(refused.status).toBe(401);
    expect(refused.body.error.code).toBe('account-inactive');
    await f.call('PATCH', '/api/users/ines', { token: adminToken, body: { active: true } });
    expect(await me(await signIn('ines'))).toBe(200);
  });

  it('keeps an admin from deactivating or demoting themselves, and the last admin an admin', async () => {
    const self = await f.call('PATCH', '/api/users/admin', { token: adminToken, body: { active: false } });
    expect(self.status).toBe(409);
    expect(self.body.error.details[0].path).toBe('active');
    const demote = await f.call('PATCH', '/api/users/admin', {
      token: adminToken,
      body: { roles: ['owner'] },
    });
    expect(demote.status).toBe(409);
    expect(demote.body.error.details[0].path).toBe('roles');
    // A second admin may not remove the only other one either once it is the last.
    await f.call('PATCH', '/api/users/olivia', { token: adminToken, body: { roles: ['owner', 'admin'] } });
    const olivia = await signIn('olivia');
    expect(
      (await f.call('PATCH', '/api/users/admin', { token: olivia, body: { active: false } })).status,
    ).toBe(200);
    const last = await f.call('PATCH', '/api/users/olivia', { token: olivia, body: { roles: ['owner'] } });
    expect(last.status).toBe(409);
    await f.call('PATCH', '/api/users/admin', { token: olivia, body: { active: true } });
    // Deactivation ended admin's sessions (the fixture's cached one too): sign in afresh.
    adminToken = await signIn('admin');
    expect(
      (await f.call('PATCH', '/api/users/olivia', { token: adminToken, body: { roles: ['owner'] } })).status,
    ).toBe(200);
  });

  it('refuses bad input naming the field', async () => {
    const cases: Array<[string, unknown, string, number]> = [
      ['lena', { groups: ['no-such-group'] }, 'groups.0', 400],
      ['lena', { roles: ['customer'] }, 'customerId', 400],
      ['lena', { customerId: 'c-nope' }, 'customerId', 400],
      ['lena', { email: 'not-an-email' }, 'email', 400],
      ['lena', { roles: [] }, 'roles', 400],
      ['lena', { active: 'no' }, 'active', 400],
      ['lena', { password: 'sneaky-1234' }, '', 400],
    ];
    for (const [user, body, field, status] of cases) {
      const res = await f.call('PATCH', `/api/users/${user}`, { token: adminToken, body });
      expect(res.status, JSON.stringify(body)).toBe(status);
      expect(JSON.stringify(res.body.error.details), JSON.stringify(body)).toContain(
        field ? `"path":"${field}"` : 'password',
      );
    }
    expect((await f.call('PATCH', '/api/users/nobody', { token: adminToken, body: {} })).status).toBe(404);
  });

  it('is for admins only', async () => {
    expect((await f.call('PATCH', '/api/users/lena', { as: 'olivia', body: { active: false } })).status).toBe(
      403,
    );
  });
});

describe('POST /users/:username/password', () => {
  it('sets the password and ends every session of the user', async () => {
    const token = await signIn('marco');
    expect(
      (
        await f.call('POST', '/api/users/marco/password', {
          token: adminToken,
          body: { next: 'reset-by-admin-1' },
        })
      ).status,
    ).toBe(204);
    expect(await me(token)).toBe(401);
    await signIn('marco', 'reset-by-admin-1');
    const short = await f.call('POST', '/api/users/marco/password', {
      token: adminToken,
      body: { next: 'x' },
    });
    expect(short.status).toBe(400);
    expect(short.body.error.details[0].path).toBe('next');
    expect(
      (await f.call('POST', '/api/users/marco/password', { as: 'lena', body: { next: 'x'.repeat(9) } }))
        .status,
    ).toBe(403);
  });
});
