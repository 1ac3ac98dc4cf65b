import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type HttpFixture, httpFixture, T0 } from './http-fixture';

let f: HttpFixture;
beforeAll(async () => {
  f = await httpFixture();
});
afterAll(() => f.dispose());

const presence = (as: string, username: string, status: unknown) =>
  f.call('PUT', `/api/agents/${username}/presence`, { as, body: { status } });

describe('PUT /agents/:username/presence', () => {
  it('lets an agent set their own presence and logs each change with who made it', async () => {
    const res = await presence('lena', 'lena', 'online');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      username: 'lena',
      presence: 'online',
      presenceAt: new Date(T0).toISOString(),
    });
    // The same status again changes nothing and logs nothing.
    expect((await presence('lena', 'lena', 'online')).status).toBe(200);
    f.clock.advance('PT5M');
    expect((await presence('lena', 'lena', 'away')).body.presence).toBe('away');
    expect(await f.store.routing.presenceLog({ username: 'lena' })).toEqual([
      { username: 'lena', at: T0, status: 'online', by: 'lena' },
      { username: 'lena', at: T0 + 300_000, status: 'away', by: 'lena' },
    ]);
  });

  it("refuses another agent's presence to agents, allows it to supervisors and admins", async () => {
    expect((await presence('marco', 'nora', 'online')).status).toBe(403);
    const bySupervisor = await presence('sam', 'nora', 'online');
    expect(bySupervisor.status).toBe(200);
    expect((await presence('admin', 'nora', 'offline')).body.presence).toBe('offline');
    const log = await f.store.routing.presenceLog({ username: 'nora' });
    expect(log.map((e) => [e.status, e.by])).toEqual([
      ['online', 'sam'],
      ['offline', 'admin'],
    ]);
  });

  it('refuses customers, unknown users, non-agents and unknown statuses', async () => {
    expect((await presence('carla', 'carla', 'online')).status).toBe(403);
    expect((await presence('sam', 'carla', 'online')).status).toBe(422);
    expect((await presence('sam', 'ghost', 'online')).status).toBe(404);
    const bad = await presence('lena', 'lena', 'busy');
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain('status');
    expect((await f.call('PUT', '/api/agents/lena/presence', { body: { status: 'online' } })).status).toBe(
      401,
    );
  });
});

describe('agent routing profile (PATCH /users/:username)', () => {
  it('stores skills, capacity, calendar and out-of-office periods and shows them on GET /agents', async () => {
    const patch = {
      skills: [
        { name: 'portuguese', level: 4 },
        { name: 'card-fraud', level: 2 },
      ],
      capacity: { task: 3, chat: 2, email: 6 },
      calendar: 'business',
      outOfOffice: [{ from: '2026-02-02T00:00:00Z', to: '2026-02-07T00:00:00Z' }],
    };
    const res = await f.call('PATCH', '/api/users/marco', { as: 'admin', body: patch });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ username: 'marco', ...patch, presence: 'offline' });
    const agents = await f.call('GET', '/api/agents?group=card-ops', { as: 'lena' });
    expect(agents.status).toBe(200);
    expect(agents.body.items.find((a: { username: string }) => a.username === 'marco')).toMatchObject(patch);
    // An agent never set up shows the defaults (the demo seed sets up all but sam).
    expect((await f.call('GET', '/api/agents/sam', { as: 'lena' })).body).toMatchObject({
      presence: 'offline',
      skills: [],
      capacity: { task: 5, chat: 3, email: 10 },
      calendar: null,
      outOfOffice: [],
    });
  });

  it('gives an agent the built-in 24x7 calendar (working at any hour, as the flows may)', async () => {
    const res = await f.call('PATCH', '/api/users/nora', { as: 'admin', body: { calendar: '24x7' } });
    expect(res.status).toBe(200);
    expect(res.body.calendar).toBe('24x7');
  });

  it('refuses bad profile fields with a 400 naming the field, and non-admins with 403', async () => {
    const cases: Array<[unknown, string]> = [
      [{ calendar: 'no-such-calendar' }, 'calendar'],
      [{ skills: [{ name: 'pt', level: 9 }] }, 'skills'],
      [
        {
          skills: [
            { name: 'pt', level: 1 },
            { name: 'pt', level: 2 },
          ],
        },
        'skills',
      ],
      [{ capacity: { task: -1, chat: 0, email: 0 } }, 'capacity'],
      [{ outOfOffice: [{ from: '2026-02-07T00:00:00Z', to: '2026-02-02T00:00:00Z' }] }, 'outOfOffice'],
    ];
    for (const [body, field] of cases) {
      const res = await f.call('PATCH', '/api/users/marco', { as: 'admin', body });
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(JSON.stringify(res.body)).toContain(field);
    }
    expect((await f.call('PATCH', '/api/users/marco', { as: 'sam', body: { skills: [] } })).status).toBe(403);
  });
});

describe('group routing settings (PUT /groups/:name)', () => {
  it('stores the mode, offer timeout and overflow and shows them on GET /groups', async () => {
    const routing = {
      mode: 'skills',
      offerTimeout: 'PT2M',
      overflow: { to: 'card-ops', afterWait: 'PT15M', afterQueue: 20 },
    };
    const res = await f.call('PUT', '/api/groups/service-desk', { as: 'admin', body: { routing } });
    expect(res.status).toBe(200);
    expect(res.body.routing).toEqual(routing);
    const groups = await f.call('GET', '/api/groups', { as: 'admin' });
    const byName = Object.fromEntries(
      groups.body.items.map((g: { name: string; routing: unknown }) => [g.name, g.routing]),
    );
    expect(byName['service-desk']).toEqual(routing);
    expect(byName.supervisors).toEqual({ mode: 'manual' });
    // The demo routes its other groups by itself.
    expect(byName['it-support']).toEqual({ mode: 'round-robin' });
  });

  it('refuses overflow to itself, to an unknown group or in a circle, and too short timeouts', async () => {
    const put = (name: string, routing: unknown) =>
      f.call('PUT', `/api/groups/${name}`, { as: 'admin', body: { routing } });
    const refusals: Array<[string, unknown, string]> = [
      ['fraud', { mode: 'round-robin', overflow: { to: 'fraud', afterQueue: 3 } }, 'routing.overflow.to'],
      ['fraud', { mode: 'round-robin', overflow: { to: 'nowhere', afterQueue: 3 } }, 'routing.overflow.to'],
      ['fraud', { mode: 'round-robin', overflow: { to: 'card-ops' } }, 'afterWait'],
      ['fraud', { mode: 'round-robin', offerTimeout: 'PT1S' }, 'routing.offerTimeout'],
      ['fraud', { mode: 'round-robin', offerTimeout: 'P1M' }, 'routing.offerTimeout'],
      ['fraud', { mode: 'first-come' }, 'mode'],
    ];
    for (const [name, routing, field] of refusals) {
      const res = await put(name, routing);
      expect(res.status, JSON.stringify(routing)).toBe(400);
      expect(JSON.stringify(res.body)).toContain(field);
    }
    // service-desk overflows to card-ops (above): card-ops back to service-desk would circle.
    const circle = await put('card-ops', {
      mode: 'least-loaded',
      overflow: { to: 'service-desk', afterQueue: 5 },
    });
    expect(circle.status).toBe(400);
    expect(circle.body.error.message).toContain('lead back');
    expect(
      (await f.call('PUT', '/api/groups/fraud', { as: 'sam', body: { routing: { mode: 'manual' } } })).status,
    ).toBe(403);
  });
});
