import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type HttpFixture, httpFixture, T0 } from '../http/http-fixture';

/*
 * Routing through the HTTP API on a manual clock (DESIGN §12): agents going online and offline,
 * offers that lapse, a decline, a task that needs a skill, an escalation, an out-of-office
 * period, an overflow and a peak of 500 tasks, with capacity never exceeded.
 *
 *   start → handle (L1 service-desk, requires "portuguese" for pt cases) → done
 *                 ↘ escalated: L2 card-ops
 */
const flow = {
  key: 'routed-desk',
  name: 'Routed desk',
  tiers: [
    { id: 'L1', name: 'Service desk', group: 'service-desk' },
    { id: 'L2', name: 'Card operations', group: 'card-ops' },
  ],
  nodes: [
    { id: 'start', type: 'start' },
    {
      id: 'handle',
      type: 'task',
      title: 'Handle the call',
      assign: { tier: 'L1' },
      requires: 'if case.variables.language = "pt" then {portuguese: 3} else []',
      outcomes: ['done'],
    },
    { id: 'done', type: 'end' },
  ],
  edges: [
    { from: 'start', to: 'handle' },
    { from: 'handle', to: 'done', on: 'done' },
  ],
};

let f: HttpFixture;
beforeAll(async () => {
  f = await httpFixture();
});
afterAll(() => f.dispose());

const ok = async (method: string, path: string, as: string, body?: unknown, status = 200) => {
  const res = await f.call(method, path, { as, body });
  expect(res.status, `${method} ${path}: ${JSON.stringify(res.body)}`).toBe(status);
  return res.body;
};
const presence = (username: string, status: string) =>
  ok('PUT', `/api/agents/${username}/presence`, 'sam', { status });
const openCase = async (language = 'en', priority = 'normal') => {
  const opened = await ok(
    'POST',
    '/api/cases',
    'lena',
    {
      flow: flow.key,
      customerId: 'c-1001',
      channel: 'phone',
      subject: 'Call',
      variables: { language },
      priority,
    },
    201,
  );
  return opened.tasks[0] as { id: string; caseId: string };
};
const task = (id: string) => ok('GET', `/api/tasks/${id}`, 'sam');
const timeline = async (caseId: string) =>
  (await ok('GET', `/api/cases/${caseId}/timeline?limit=500`, 'sam')).items as Array<{
    type: string;
    actor: string;
    data: Record<string, unknown>;
  }>;
const held = async (username: string) =>
  (await ok('GET', `/api/tasks?assignee=${username}&status=claimed&limit=500`, 'sam')).items.length as number;

describe('routing scenario (HTTP, manual clock)', () => {
  const desk = ['d1', 'd2', 'd3'];

  it('sets up agents, their profiles and the groups routing', async () => {
    await ok('PUT', `/api/flows/${flow.key}`, 'olivia', { definition: flow });
    await ok('POST', `/api/flows/${flow.key}/publish`, 'olivia', { note: 'routing' }, 201);
    for (const username of desk) {
      await ok(
        'POST',
        '/api/users',
        'admin',
        { username, password: 'secret-123', roles: ['agent'], groups: ['service-desk'] },
        201,
      );
      await ok('PATCH', `/api/users/${username}`, 'admin', {
        capacity: { task: 2, chat: 1, email: 1 },
        skills: username === 'd3' ? [{ name: 'portuguese', level: 4 }] : [],
      });
    }
    await ok('PATCH', '/api/users/marco', 'admin', { capacity: { task: 1, chat: 1, email: 1 } });
    await ok('PATCH', '/api/users/nora', 'admin', {
      outOfOffice: [{ from: new Date(T0).toISOString(), to: new Date(T0 + 3_600_000).toISOString() }],
    });
    await ok('PUT', '/api/groups/service-desk', 'admin', {
      routing: { mode: 'skills', offerTimeout: 'PT5M', overflow: { to: 'card-ops', afterWait: 'PT20M' } },
    });
    await ok('PUT', '/api/groups/card-ops', 'admin', { routing: { mode: 'least-loaded' } });
  });

  let first: { id: string; caseId: string };
  it('keeps a task waiting while nobody is online, and offers it as soon as someone is', async () => {
    first = await openCase();
    expect(await task(first.id)).toMatchObject({ status: 'open', assignee: null });
    await presence('d1', 'online');
    expect(await task(first.id)).toMatchObject({ status: 'claimed', assignee: 'd1' });
    const assigned = (await timeline(first.caseId)).find((e) => e.type === 'task.assigned');
    expect(assigned).toMatchObject({
      actor: 'routing',
      data: { to: 'd1', group: 'service-desk', mode: 'skills' },
    });
  });

  it('offers a task to the next agent when the offer lapses, and after a decline', async () => {
    await presence('d2', 'online');
    await f.call('POST', '/api/_test/clock', { as: 'admin', body: { advance: 'PT5M' } });
    expect(await task(first.id)).toMatchObject({ assignee: 'd2' });
    // d2 accepts by claiming, so no timeout runs any more; then declines with a reason.
    const d2 = await f.call('POST', '/api/auth/login', { body: { username: 'd2', password: 'secret-123' } });
    const token = d2.body.token as string;
    expect((await f.call('POST', `/api/tasks/${first.id}/claim`, { token })).status).toBe(200);
    const refused = await f.call('POST', `/api/tasks/${first.id}/decline`, {
      as: 'sam',
      body: { reason: 'x' },
    });
    expect(refused.status).toBe(403);
    expect((await f.call('POST', `/api/tasks/${first.id}/decline`, { token, body: {} })).status).toBe(400);
    const declined = await f.call('POST', `/api/tasks/${first.id}/decline`, {
      token,
      body: { reason: 'I do not handle card blocks' },
    });
    expect(declined.status).toBe(200);
    // d1 let it lapse and d2 declined: nobody else is online, so it waits, then d3 gets it.
    expect(declined.body).toMatchObject({ status: 'open', assignee: null });
    await presence('d3', 'online');
    expect(await task(first.id)).toMatchObject({ assignee: 'd3' });
    const types = (await timeline(first.caseId)).map((e) => e.type);
    expect(types).toEqual(expect.arrayContaining(['task.offer-expired', 'task.declined']));
    const decline = (await timeline(first.caseId)).find((e) => e.type === 'task.declined');
    expect(decline).toMatchObject({
      actor: 'd2',
      data: { from: 'd2', reason: 'I do not handle card blocks' },
    });
  });

  it('gives a task that requires a skill only to an agent holding it', async () => {
    const pt = await openCase('pt');
    expect(await task(pt.id)).toMatchObject({ assignee: 'd3' });
    // d3 is full now (2): the next Portuguese call waits although d1 and d2 have room.
    const waiting = await openCase('pt');
    expect(await task(waiting.id)).toMatchObject({ status: 'open', assignee: null });
    expect(await held('d3')).toBe(2);
    // d3 finishes one: the waiting one is theirs at once.
    const d3 = (await f.call('POST', '/api/auth/login', { body: { username: 'd3', password: 'secret-123' } }))
      .body.token as string;
    expect(
      (await f.call('POST', `/api/tasks/${pt.id}/complete`, { token: d3, body: { outcome: 'done' } })).status,
    ).toBe(200);
    expect(await task(waiting.id)).toMatchObject({ assignee: 'd3' });
  });

  it('routes an escalated task to the next tier, skipping an agent out of office until it ends', async () => {
    await presence('marco', 'online');
    await presence('nora', 'online');
    const d3 = (await f.call('POST', '/api/auth/login', { body: { username: 'd3', password: 'secret-123' } }))
      .body.token as string;
    const escalated = await f.call('POST', `/api/tasks/${first.id}/escalate`, {
      token: d3,
      body: { reason: 'card ops' },
    });
    expect(escalated.status).toBe(200);
    const successor = escalated.body.tasks.find(
      (t: { group: string; status: string }) => t.group === 'card-ops',
    );
    expect(await task(successor.id)).toMatchObject({ assignee: 'marco' });
    // Marco is full (capacity 1) and Nora is out of office: the next escalation waits…
    const other = await openCase();
    const holder = (await task(other.id)).assignee as string;
    const token = (
      await f.call('POST', '/api/auth/login', { body: { username: holder, password: 'secret-123' } })
    ).body.token as string;
    const up = await f.call('POST', `/api/tasks/${other.id}/escalate`, {
      token,
      body: { reason: 'card ops' },
    });
    const next = up.body.tasks.find((t: { group: string }) => t.group === 'card-ops');
    expect(await task(next.id)).toMatchObject({ status: 'open', assignee: null });
    // …until Nora's out-of-office period ends.
    await f.call('POST', '/api/_test/clock', {
      as: 'admin',
      body: { set: new Date(T0 + 3_600_000).toISOString() },
    });
    expect(await task(next.id)).toMatchObject({ assignee: 'nora' });
  });

  it('stops offering to an agent who goes offline', async () => {
    await presence('d1', 'offline');
    const before = await held('d1');
    for (let i = 0; i < 3; i++) await openCase();
    expect(await held('d1')).toBe(before);
  });

  it('copes with a peak of 500 tasks: capacity holds, the most urgent go first, the rest overflow', async () => {
    await presence('d1', 'online');
    const ids: string[] = [];
    for (let i = 0; i < 500; i++) ids.push((await openCase('en', i === 499 ? 'critical' : 'normal')).id);
    for (const username of [...desk, 'marco', 'nora']) expect(await held(username)).toBeLessThanOrEqual(2);
    expect(await held('marco')).toBeLessThanOrEqual(1);
    const waiting = (await ok('GET', '/api/tasks?group=service-desk&status=open&limit=500', 'sam'))
      .items as Array<{
      id: string;
    }>;
    expect(waiting.length).toBeGreaterThan(480);
    // d1 frees a slot: the critical call, the last one opened, is the one d1 gets.
    const d1 = (await f.call('POST', '/api/auth/login', { body: { username: 'd1', password: 'secret-123' } }))
      .body.token as string;
    const mine = (await ok('GET', '/api/tasks?assignee=d1&status=claimed', 'sam')).items as Array<{
      id: string;
    }>;
    expect(
      (await f.call('POST', `/api/tasks/${mine[0]!.id}/complete`, { token: d1, body: { outcome: 'done' } }))
        .status,
    ).toBe(200);
    expect(await task(ids[499]!)).toMatchObject({ assignee: 'd1' });
    // Twenty minutes on, whatever still waits at the desk has overflowed to card operations.
    await f.call('POST', '/api/_test/clock', { as: 'admin', body: { advance: 'PT20M' } });
    const left = (await ok('GET', '/api/tasks?group=service-desk&status=open&limit=500', 'sam')).items;
    expect(left).toEqual([]);
    const moved = (await ok('GET', '/api/tasks?group=card-ops&status=open&limit=500', 'sam')).items as Array<{
      id: string;
      caseId: string;
    }>;
    expect(moved.length).toBeGreaterThan(400);
    const entry = (await timeline(moved[0]!.caseId)).find((e) => e.type === 'task.overflowed');
    expect(entry).toMatchObject({
      actor: 'routing',
      data: { from: 'service-desk', group: 'card-ops', reason: 'wait' },
    });
    // Card operations took what it had room for (Nora has the default capacity of 5).
    for (const [username, capacity] of [
      ...desk.map((d) => [d, 2] as const),
      ['marco', 1] as const,
      ['nora', 5] as const,
    ]) {
      expect(await held(username), username).toBeLessThanOrEqual(capacity);
    }
    expect(await held('nora')).toBe(5);
  }, 120_000);

  it('reports declines, assignment waits, overflows and adherence in the metrics', async () => {
    const report = await ok('GET', `/api/metrics?flow=${flow.key}`, 'olivia');
    type Figures = { agent: string; declines: number; assignments: number };
    const agents: Record<string, Figures> = Object.fromEntries(
      (report.workforce.agents as Figures[]).map((a) => [a.agent, a]),
    );
    // Declines and lapsed offers: d1's first offer, d2's decline, and offers left untouched
    // while the clock jumped twenty minutes.
    expect(agents.d1!.declines).toBeGreaterThanOrEqual(1);
    expect(agents.d2!.declines).toBeGreaterThanOrEqual(1);
    expect(agents.d3!.assignments).toBeGreaterThanOrEqual(3);
    const desk = report.workforce.groups.find((g: { group: string }) => g.group === 'service-desk');
    expect(desk.overflows).toBeGreaterThan(400);
    expect(desk.assignmentWaitMs).toBeGreaterThanOrEqual(0);
    // Groups add up their members: the desk's were online; card-ops' held routed work while online.
    expect(desk.members).toBeGreaterThanOrEqual(3);
    expect(desk.onlineMs).toBeGreaterThan(0);
    const cardOps = report.workforce.groups.find((g: { group: string }) => g.group === 'card-ops');
    expect(cardOps.members).toBeGreaterThanOrEqual(2);
    expect(cardOps.occupancy).toBeGreaterThan(0);
    expect(cardOps.occupancy).toBeLessThanOrEqual(1);
  });
});
