import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RuntimeProcess, startRuntime } from '../support/runtime-process';
import { openSse } from '../support/sse-client';
import { scenarioBackends } from '../support/test-database';
import { type OpenApiDocument, routesOf } from './support/openapi-routes';

/**
 * Tokens of ended sessions on every route of the OpenAPI document (routing and presence,
 * supervisor routes, activation requests, canned responses, chat, attachments, flow choices,
 * workforce metrics and whatever is added later), on SQLite and PostgreSQL: a deactivated
 * admin's, a session signed out, and one ended by its user's password change. Each must be
 * answered exactly as a caller with no token is — 401 where sign-in is needed, and a public
 * route's anonymous answer (never more) where it is not.
 */

/** Public routes that count or throttle their callers: the answer depends on the order of calls. */
const COUNTED = new Set([
  'POST /api/auth/login',
  'POST /api/chat/visitor',
  'POST /api/password-reset',
  'POST /api/password-reset/confirm',
]);

describe.each(scenarioBackends())('ended sessions on every route on $backend', ({ backend, skip }) => {
  describe.skipIf(skip)('sweep', () => {
    let rt: RuntimeProcess;
    const dead: Record<string, string> = {};
    const values: Record<string, string> = {
      key: 'lost-card',
      username: 'lena',
      name: 'service-desk',
      channel: 'sms',
      slug: 'card-lost-or-stolen',
    };
    beforeAll(async () => {
      rt = await startRuntime({}, { backend });
      const open = await rt.api('POST', '/api/cases', {
        as: 'lena',
        body: { flow: 'lost-card', customerId: 'c-1001', channel: 'phone', variables: { cardLast4: '4242' } },
      });
      expect(open.status, JSON.stringify(open.body)).toBe(201);
      values.id = open.body.id;
      for (const [username, roles, groups] of [
        ['gone', ['admin'], ['service-desk', 'supervisors']],
        ['leaver', ['agent'], ['service-desk', 'supervisors']],
      ] as const) {
        const made = await rt.api('POST', '/api/users', {
          as: 'admin',
          body: { username, displayName: username, password: 'hostile-pass-1', roles, groups },
        });
        expect(made.status, JSON.stringify(made.body)).toBe(201);
      }
      const login = async (username: string, password = 'hostile-pass-1') => {
        const res = await rt.api('POST', '/api/auth/login', { body: { username, password } });
        expect(res.status, JSON.stringify(res.body)).toBe(200);
        return res.body.token as string;
      };
      dead.deactivated = await login('gone');
      // Once alive, the admin's token may act: the sweep then reads what it can no longer do.
      expect((await rt.api('GET', '/api/supervisor/overview', { token: dead.deactivated })).status).toBe(200);
      expect(
        (await rt.api('PATCH', '/api/users/gone', { as: 'admin', body: { active: false } })).status,
      ).toBe(200);
      dead.signedOut = await login('leaver');
      expect((await rt.api('POST', '/api/auth/logout', { token: dead.signedOut })).status).toBeLessThan(300);
      dead.passwordChanged = await login('leaver');
      const keeper = await login('leaver');
      const changed = await rt.api('POST', '/api/auth/password', {
        token: keeper,
        body: { current: 'hostile-pass-1', next: 'hostile-pass-2' },
      });
      expect(changed.status, JSON.stringify(changed.body)).toBeLessThan(300);
    }, 120_000);
    afterAll(() => rt?.stop());

    it('answers every route for an ended session as it answers one with no token', async () => {
      const doc = (await rt.api('GET', '/api/openapi.json')).body as OpenApiDocument;
      const routes = routesOf(doc).filter((r) => !COUNTED.has(`${r.method} ${r.template}`));
      expect(routes.length).toBeGreaterThan(100);
      const differ: string[] = [];
      let refused = 0;
      for (const route of routes) {
        const path = route.template.replace(/\{(\w+)\}/g, (_, p: string) => values[p] ?? 'x-1');
        const body = route.method === 'GET' || route.method === 'DELETE' ? undefined : {};
        const anonymous = await rt.api(route.method, path, { body });
        if (anonymous.status === 401) refused++;
        for (const [how, token] of Object.entries(dead)) {
          const res = await rt.api(route.method, path, { token, body });
          const same =
            res.status === anonymous.status &&
            (route.method !== 'GET' || res.status >= 300 || sameBody(res.body, anonymous.body));
          if (!same) differ.push(`${route.method} ${path} ${how}: ${res.status} vs ${anonymous.status}`);
          expect(res.status, `${route.method} ${path} ${how}`).toBeLessThan(500);
        }
      }
      expect(differ).toEqual([]);
      // Most routes need a live session; these are the ones that said so.
      expect(refused).toBeGreaterThan(routes.length / 2);
    });

    it('ends an open live stream once its user is taken out of the groups it was filtered by', async () => {
      const made = await rt.api('POST', '/api/users', {
        as: 'admin',
        body: { username: 'mover', password: 'hostile-pass-1', roles: ['agent'], groups: ['fraud'] },
      });
      expect(made.status, JSON.stringify(made.body)).toBe(201);
      const login = await rt.api('POST', '/api/auth/login', {
        body: { username: 'mover', password: 'hostile-pass-1' },
      });
      const ticket = await rt.api('POST', '/api/events/ticket', { token: login.body.token });
      const stream = await openSse(`${rt.url}/api/events?ticket=${ticket.body.ticket}`);
      try {
        expect(stream.status).toBe(200);
        await stream.next((e) => e.event === 'ready', 'ready');
        const moved = await rt.api('PATCH', '/api/users/mover', {
          as: 'admin',
          body: { groups: ['it-support'] },
        });
        expect(moved.status, JSON.stringify(moved.body)).toBe(200);
        // Checked at the stream's heartbeat (15 s): it ends rather than go on hearing fraud's work.
        const end = await stream.next((e) => e.event === 'end', 'the end of the stream', 25_000);
        expect(JSON.parse(end.data)).toEqual({ reason: 'access changed' });
      } finally {
        stream.close();
      }
    }, 60_000);

    it('gives an ended session no live stream ticket and no presence', async () => {
      for (const token of Object.values(dead)) {
        expect((await rt.api('POST', '/api/events/ticket', { token })).status).toBe(401);
        for (const who of ['gone', 'leaver', 'lena']) {
          const res = await rt.api('PUT', `/api/agents/${who}/presence`, {
            token,
            body: { status: 'online' },
          });
          expect(res.status, who).toBe(401);
        }
      }
      const log = await rt.api('GET', '/api/agents/lena', { as: 'sam' });
      expect(log.status).toBe(200);
      expect(log.body.presence ?? 'offline').toBe('offline');
      // A supervisor cannot make the deactivated admin routable either.
      const set = await rt.api('PUT', '/api/agents/gone/presence', { as: 'sam', body: { status: 'online' } });
      expect(set.status, JSON.stringify(set.body)).toBe(422);
    });
  });
});

/** Equal answers, but for the runtime's own clock in them. */
function sameBody(a: unknown, b: unknown): boolean {
  const strip = (v: unknown) => JSON.stringify(v).replace(/"(now|at|generatedAt|time)":"[^"]*"/g, '');
  return strip(a) === strip(b);
}
