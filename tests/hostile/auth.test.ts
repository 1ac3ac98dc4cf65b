import { createHmac, randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Cluster, startCluster } from '../cluster/support/cluster';
import { type RuntimeProcess, startRuntime } from '../support/runtime-process';
import { postgresReachable, scenarioBackends } from '../support/test-database';

/*
 * Leaks 3 and 12 of issue #11 against the built runtime, on SQLite and PostgreSQL:
 * - a token minted by anyone holding the webhook secret, or carrying its own far expiry, was
 *   accepted (the token was the session);
 * - there was no logout, revocation, deactivation or password change;
 * - ten wrong passwords from anywhere locked the real user out for five minutes, while one
 *   password sprayed over many usernames was never slowed.
 * Clients are told apart by X-Forwarded-For, trusted here because CASEFLOW_TRUST_PROXY=1.
 */

const SECRET = 'e2e-secret-0123456789abcdef';
const WEBHOOK_SECRET = 'e2e-webhook-secret-0123456789';
const hmac = (key: string, text: string) => createHmac('sha256', key).update(text).digest('base64url');

/** A token in the old self-contained format: `base64url(claims).HMAC(key, 'caseflow-token.' + payload)`. */
function claimsToken(key: string, sub: string, exp: number): string {
  const payload = Buffer.from(JSON.stringify({ sub, iat: Date.now(), exp })).toString('base64url');
  return `${payload}.${hmac(key, `caseflow-token.${payload}`)}`;
}

describe.each(scenarioBackends())('auth over HTTP on $backend', ({ backend, skip }) => {
  describe.skipIf(skip)('scenario', () => {
    let rt: RuntimeProcess;
    const from = (address: string) => ({ 'x-forwarded-for': address });
    const login = (username: string, password: string, address = '198.51.100.1') =>
      rt.api('POST', '/api/auth/login', { body: { username, password }, headers: from(address) });
    const signIn = async (username: string, password = 'demo1234', address = '198.51.100.1') => {
      const res = await login(username, password, address);
      if (res.status !== 200) throw new Error(`login ${username}: ${res.status} ${JSON.stringify(res.body)}`);
      return res.body.token as string;
    };
    const me = async (token: string) => (await rt.api('GET', '/api/auth/me', { token })).status;

    beforeAll(async () => {
      rt = await startRuntime(
        { CASEFLOW_TRUST_PROXY: '1', CASEFLOW_WEBHOOK_SECRET: WEBHOOK_SECRET },
        { backend },
      );
    });
    afterAll(() => rt?.stop());

    it('refuses tokens forged with the webhook secret or carrying their own far expiry', async () => {
      const year2100 = Date.parse('2100-01-01T00:00:00Z');
      const id = randomBytes(24).toString('base64url');
      const forged = [
        claimsToken(SECRET, 'admin', year2100),
        claimsToken(WEBHOOK_SECRET, 'admin', year2100),
        `${id}.${hmac(WEBHOOK_SECRET, `caseflow-session.${id}`)}`,
        // Even the right key cannot mint a token for a session the server never opened.
        `${id}.${hmac(SECRET, `caseflow-session.${id}`)}`,
      ];
      for (const token of forged) {
        const res = await rt.api('GET', '/api/users', { token });
        expect(res.status, token).toBe(401);
        expect(res.body.error.code).toBe('unauthorized');
      }
    });

    it('ends a session at logout: its token is refused at once, other sessions live on', async () => {
      const token = await signIn('lena');
      const other = await signIn('lena');
      expect(await me(token)).toBe(200);
      expect((await rt.api('POST', '/api/auth/logout', { token })).status).toBe(204);
      expect(await me(token)).toBe(401);
      expect(await me(other)).toBe(200);
    });

    it("ends the user's other sessions when they change their password", async () => {
      const keep = await signIn('nora');
      const stolen = await signIn('nora', 'demo1234', '203.0.113.50');
      const res = await rt.api('POST', '/api/auth/password', {
        token: keep,
        body: { current: 'demo1234', next: 'nora-new-password-1' },
      });
      expect(res.status).toBe(204);
      expect(await me(stolen)).toBe(401);
      expect(await me(keep)).toBe(200);
      expect((await login('nora', 'demo1234')).status).toBe(401);
      expect((await login('nora', 'nora-new-password-1')).status).toBe(200);
    });

    it('ends every session of a deactivated user at once and refuses their sign-in', async () => {
      const token = await signIn('ines');
      const admin = await signIn('admin');
      const res = await rt.api('PATCH', '/api/users/ines', { token: admin, body: { active: false } });
      expect(res.status).toBe(200);
      expect(res.body.active).toBe(false);
      expect(await me(token)).toBe(401);
      expect((await login('ines', 'demo1234')).status).toBe(401);
      const reset = await rt.api('POST', '/api/users/ines/password', {
        token: admin,
        body: { next: 'ines-reset-password' },
      });
      expect(reset.status).toBe(204);
      await rt.api('PATCH', '/api/users/ines', { token: admin, body: { active: true } });
      expect(await me(await signIn('ines', 'ines-reset-password'))).toBe(200);
    });

    it('keeps an admin from deactivating or demoting themselves', async () => {
      const admin = await signIn('admin');
      const self = await rt.api('PATCH', '/api/users/admin', { token: admin, body: { active: false } });
      expect(self.status).toBe(409);
      expect(self.body.error.details).toEqual([{ path: 'active', message: expect.any(String) }]);
      const demote = await rt.api('PATCH', '/api/users/admin', { token: admin, body: { roles: ['owner'] } });
      expect(demote.status).toBe(409);
      expect(await me(admin)).toBe(200);
    });

    it('names the field of a bad user change', async () => {
      const admin = await signIn('admin');
      const cases: Array<[unknown, string]> = [
        [{ groups: ['no-such-group'] }, 'groups.0'],
        [{ email: 'not-an-email' }, 'email'],
        [{ roles: ['customer'] }, 'customerId'],
        [{ displayName: 'x'.repeat(201) }, 'displayName'],
        [{ active: 'yes' }, 'active'],
      ];
      for (const [body, field] of cases) {
        const res = await rt.api('PATCH', '/api/users/sam', { token: admin, body });
        expect(res.status, JSON.stringify(body)).toBe(400);
        expect(res.body.error.details.map((d: { path: string }) => d.path)).toContain(field);
      }
      const hashes = await rt.api('GET', '/api/users', { token: admin });
      expect(JSON.stringify(hashes.body)).not.toMatch(/scrypt|passwordHash/);
    });

    it('does not lock the real user out of their usual place whatever others try', async () => {
      const usual = '198.51.100.10';
      await signIn('marco', 'demo1234', usual);
      // One attacker address guessing: slowed (429) after a few failures.
      const guesses = [];
      for (let i = 0; i < 12; i++) guesses.push((await login('marco', `guess-${i}`, '203.0.113.66')).status);
      expect(guesses.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
      expect(guesses).toContain(429);
      // Many addresses, one try each: marco's own slowdown is on for every unknown address…
      for (let i = 1; i <= 15; i++) await login('marco', `spread-${i}`, `203.0.113.${100 + i}`);
      expect((await login('marco', 'demo1234', '203.0.113.200')).status).toBe(429);
      // …but not for the address marco signed in from before.
      const real = await login('marco', 'demo1234', usual);
      expect(real.status).toBe(200);
    });

    it('slows one address spraying one password over many usernames', async () => {
      const statuses: number[] = [];
      let refused: { status: number; body: { error: { code: string } }; headers: Headers } | undefined;
      for (let i = 0; i < 25; i++) {
        const res = await login(`user${i}`, 'Spring2026!', '203.0.113.77');
        statuses.push(res.status);
        if (res.status === 429) refused ??= res;
      }
      expect(statuses.slice(0, 10).every((s) => s === 401)).toBe(true);
      expect(refused?.body.error.code).toBe('too-many-attempts');
      expect(Number(refused?.headers.get('retry-after'))).toBeGreaterThan(0);
      // Another address is not slowed by it.
      expect((await login('fatima', 'demo1234', '198.51.100.20')).status).toBe(200);
    });
  });
});

describe.skipIf(!postgresReachable())('auth across two runtime processes on one PostgreSQL', () => {
  let cluster: Cluster;
  beforeAll(async () => {
    cluster = await startCluster({ size: 2 });
  });
  afterAll(() => cluster?.stop());

  const signIn = async (node: number, username: string) => {
    const res = await cluster.nodes[node]!.api('POST', '/api/auth/login', {
      body: { username, password: 'demo1234' },
    });
    if (res.status !== 200) throw new Error(`login ${username}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body.token as string;
  };
  const me = async (node: number, token: string) =>
    (await cluster.nodes[node]!.api('GET', '/api/auth/me', { token })).status;

  it('a logout on one process ends the session on the other at once', async () => {
    const token = await signIn(0, 'lena');
    expect(await me(1, token)).toBe(200);
    expect((await cluster.nodes[0]!.api('POST', '/api/auth/logout', { token })).status).toBe(204);
    expect(await me(1, token)).toBe(401);
  });

  it('a deactivation on one process ends the sessions on the other at once', async () => {
    const token = await signIn(0, 'ivan');
    const admin = await signIn(1, 'admin');
    expect(await me(0, token)).toBe(200);
    await cluster.nodes[1]!.api('PATCH', '/api/users/ivan', { token: admin, body: { active: false } });
    expect(await me(0, token)).toBe(401);
  });

  it('two admins deactivating each other at once leave one active admin', async () => {
    const admin = await signIn(0, 'admin');
    await cluster.nodes[0]!.api('PATCH', '/api/users/olivia', {
      token: admin,
      body: { roles: ['owner', 'admin'] },
    });
    const olivia = await signIn(1, 'olivia');
    const [a, b] = await Promise.all([
      cluster.nodes[0]!.api('PATCH', '/api/users/olivia', { token: admin, body: { active: false } }),
      cluster.nodes[1]!.api('PATCH', '/api/users/admin', { token: olivia, body: { active: false } }),
    ]);
    // The loser is refused inside its transaction (403), or at authentication (401) when the
    // winner's revocation of its session committed first.
    const statuses = [a.status, b.status];
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    expect(statuses.filter((s) => s === 401 || s === 403)).toHaveLength(1);
    const { rows } = await cluster.sql.query(
      `select username from users where active and roles::jsonb @> '["admin"]'::jsonb`,
    );
    expect(rows).toHaveLength(1);
  });
});
