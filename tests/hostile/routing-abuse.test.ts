import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publishFlow } from '../faults/support/fault-flows';
import { oneTaskFlow } from '../support/one-task-flow';
import { type RuntimeProcess, startRuntime } from '../support/runtime-process';
import { scenarioBackends } from '../support/test-database';

/**
 * Routing and presence attacked by the agents themselves, on SQLite and PostgreSQL: setting
 * another agent's presence, taking (claiming, delegating, completing, declining) a task routing
 * offered to someone else, declining the same task over and over, and a burst of presence
 * flips while cases are opened and work is offered. The service desk routes round-robin with a
 * ten-minute offer (the demo's settings); r1 and r2 are its agents, lena stays offline.
 */

const deskFlow = oneTaskFlow('desk-routed', 'Routed desk work', 'Answer');

interface Task {
  id: string;
  caseId: string;
  status: string;
  group: string | null;
  assignee: string | null;
}

describe.each(scenarioBackends())('routing attacked by its agents on $backend', ({ backend, skip }) => {
  describe.skipIf(skip)('attacks', () => {
    let rt: RuntimeProcess;
    const tokens: Record<string, string> = {};
    beforeAll(async () => {
      rt = await startRuntime({}, { backend });
      await publishFlow(rt, deskFlow);
      for (const username of ['r1', 'r2', 'r3']) {
        const made = await rt.api('POST', '/api/users', {
          as: 'admin',
          body: {
            username,
            displayName: username,
            password: 'routing-pass-1',
            roles: ['agent'],
            groups: ['service-desk'],
          },
        });
        expect(made.status, JSON.stringify(made.body)).toBe(201);
        const login = await rt.api('POST', '/api/auth/login', {
          body: { username, password: 'routing-pass-1' },
        });
        tokens[username] = login.body.token;
      }
    }, 120_000);
    afterAll(() => rt?.stop());

    const as = (who: string) => (tokens[who] ? { token: tokens[who] } : { as: who });
    const call = (method: string, path: string, who: string, body?: unknown) =>
      rt.api(method, path, { ...as(who), body });
    const presence = (who: string, of: string, status: string) =>
      call('PUT', `/api/agents/${of}/presence`, who, { status });
    const presenceOf = async (of: string) => (await call('GET', `/api/agents/${of}`, 'sam')).body.presence;
    const openCase = async (): Promise<Task> => {
      const res = await rt.api('POST', '/api/cases', {
        as: 'olivia',
        body: { flow: deskFlow.key, customerId: 'c-1001', channel: 'phone', subject: 'Call' },
      });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      return res.body.tasks[0];
    };
    const task = async (id: string): Promise<Task> => (await call('GET', `/api/tasks/${id}`, 'sam')).body;

    it("refuses to set another agent's presence unless a supervisor does, and an impossible one", async () => {
      for (const [who, of] of [
        ['r2', 'r1'],
        ['r1', 'lena'],
        ['lena', 'r1'],
        ['carla', 'r1'],
      ] as const) {
        const res = await presence(who, of, 'online');
        expect(res.status, `${who} → ${of}: ${JSON.stringify(res.body)}`).toBe(403);
      }
      expect(await presenceOf('r1')).not.toBe('online');
      expect((await presence('carla', 'carla', 'online')).status).toBe(403);
      expect((await presence('sam', 'nobody', 'online')).status).toBe(404);
      // A customer is no agent (owners and admins rank above agents and have a presence).
      for (const of of ['carla', 'ben']) {
        const res = await presence('sam', of, 'online');
        expect(res.status, of).toBe(422);
        expect(res.body.error.details[0].path).toBe('username');
      }
      for (const body of [{ status: 'busy' }, { status: 'online', by: 'sam' }, {}, { status: ['online'] }]) {
        const res = await call('PUT', '/api/agents/r1/presence', 'r1', body);
        expect(res.status, JSON.stringify(body)).toBe(400);
      }
      expect((await presence('sam', 'r1', 'online')).status).toBe(200);
      expect(await presenceOf('r1')).toBe('online');
      expect((await presence('r1', 'r1', 'offline')).status).toBe(200);
    });

    it('gives a task offered to one agent to nobody else: not by claim, completion, decline, delegation or escalation', async () => {
      expect((await presence('r1', 'r1', 'online')).status).toBe(200);
      const offered = await openCase();
      expect(offered).toMatchObject({ assignee: 'r1', status: 'claimed' });
      const attempts: Array<[string, string, unknown, number[]]> = [
        ['r2', 'claim', undefined, [409]],
        ['r2', 'complete', { outcome: 'done' }, [409]],
        ['r2', 'decline', { reason: 'not mine' }, [409]],
        ['r2', 'delegate', { to: 'r2' }, [409]],
        ['r3', 'delegate', { to: 'r2' }, [409]],
        ['r2', 'escalate', { reason: 'taking it away' }, [409]],
        ['marco', 'claim', undefined, [403]],
        ['marco', 'delegate', { to: 'marco' }, [403]],
        ['carla', 'claim', undefined, [403, 404]],
        ['olivia', 'claim', undefined, [403]],
      ];
      for (const [who, action, body, statuses] of attempts) {
        const res = await call('POST', `/api/tasks/${offered.id}/${action}`, who, body);
        expect(statuses, `${who} ${action}: ${res.status} ${JSON.stringify(res.body)}`).toContain(res.status);
      }
      expect(await task(offered.id)).toMatchObject({ assignee: 'r1', status: 'claimed' });
      // Their supervisor may move it, to a member of its group.
      const moved = await call('POST', `/api/tasks/${offered.id}/delegate`, 'admin', { to: 'r2' });
      expect(moved.status, JSON.stringify(moved.body)).toBe(200);
      expect(moved.body).toMatchObject({ assignee: 'r2' });
      expect((await call('POST', `/api/tasks/${offered.id}/delegate`, 'r2', { to: 'r1' })).status).toBe(200);
      expect(await task(offered.id)).toMatchObject({ assignee: 'r1' });
    });

    it('lets an agent decline a task once: again only after taking it back, never into a loop of offers', async () => {
      const mine = await openCase();
      expect(mine.assignee).toBe('r1');
      const timelineSize = async () =>
        (await call('GET', `/api/cases/${mine.caseId}/timeline?limit=500`, 'admin')).body.items?.length ??
        (await call('GET', `/api/cases/${mine.caseId}/timeline`, 'admin')).body.length;
      const declined = await call('POST', `/api/tasks/${mine.id}/decline`, 'r1', { reason: 'busy' });
      expect(declined.status, JSON.stringify(declined.body)).toBe(200);
      // r2 and r3 are offline: it waits, and routing does not hand it back to r1.
      expect(declined.body).toMatchObject({ status: 'open', assignee: null });
      const before = await timelineSize();
      for (let i = 0; i < 20; i++) {
        const again = await call('POST', `/api/tasks/${mine.id}/decline`, 'r1', { reason: `again ${i}` });
        expect(again.status, JSON.stringify(again.body)).toBe(409);
      }
      expect(await timelineSize()).toBe(before);
      expect(await task(mine.id)).toMatchObject({ status: 'open', assignee: null });
      const long = await call('POST', `/api/tasks/${mine.id}/claim`, 'r1');
      expect(long.status).toBe(200);
      const huge = await call('POST', `/api/tasks/${mine.id}/decline`, 'r1', { reason: 'x'.repeat(100_000) });
      expect(huge.status).toBe(400);
      expect(JSON.stringify(huge.body.error.details)).toContain('reason');
      // Taking it back and declining again ends where it started: waiting, nobody offered.
      for (let i = 0; i < 5; i++) {
        if (i > 0) expect((await call('POST', `/api/tasks/${mine.id}/claim`, 'r1')).status).toBe(200);
        expect(
          (await call('POST', `/api/tasks/${mine.id}/decline`, 'r1', { reason: `loop ${i}` })).status,
        ).toBe(200);
      }
      expect(await task(mine.id)).toMatchObject({ status: 'open', assignee: null });
      // When r2 comes online the waiting task is offered to them, not back to r1.
      expect((await presence('r2', 'r2', 'online')).status).toBe(200);
      expect(await task(mine.id)).toMatchObject({ assignee: 'r2' });
      expect((await presence('r2', 'r2', 'offline')).status).toBe(200);
    });

    it('keeps routing consistent through a burst of presence flips while work is offered', async () => {
      const statuses = ['online', 'away', 'offline'] as const;
      const flips: Array<Promise<{ status: number }>> = [];
      const opened: Array<Promise<Task>> = [];
      for (let i = 0; i < 60; i++) {
        const who = ['r1', 'r2', 'r3'][i % 3]!;
        // Each agent flips itself, and a supervisor flips them too, at once.
        flips.push(presence(who, who, statuses[i % 3]!));
        flips.push(presence('sam', who, statuses[(i + 1) % 3]!));
        if (i % 3 === 0) opened.push(openCase());
      }
      const started = Date.now();
      const answers = await Promise.all(flips);
      const tasks = await Promise.all(opened);
      // On PostgreSQL the flips of three agents in two group-commit batches waited on each other
      // in a circle until the deadlock detector broke one each second: 48 s for this burst.
      expect(Date.now() - started).toBeLessThan(20_000);
      expect(answers.filter((a) => a.status !== 200).map((a) => a.status)).toEqual([]);
      expect(tasks).toHaveLength(20);
      // Everybody online at the end takes what waits, within capacity.
      for (const who of ['r1', 'r2', 'r3']) expect((await presence('sam', who, 'online')).status).toBe(200);
      const all = await Promise.all(tasks.map((t) => task(t.id)));
      const held = new Map<string, number>();
      for (const t of all) {
        if (t.assignee) held.set(t.assignee, (held.get(t.assignee) ?? 0) + 1);
        expect(['r1', 'r2', 'r3', null]).toContain(t.assignee);
      }
      // Nobody holds more than their capacity (5), and nothing waits while a member has room.
      let room = 0;
      for (const who of ['r1', 'r2', 'r3']) {
        const holds = (await call('GET', `/api/tasks?assignee=${who}&status=claimed&limit=500`, 'sam')).body
          .items;
        expect(holds.length, who).toBeLessThanOrEqual(5);
        room += 5 - holds.length;
      }
      const waiting = all.filter((t) => t.assignee === null).length;
      expect(
        waiting === 0 || room === 0,
        `waiting ${waiting}, room ${room}, ${JSON.stringify([...held])}`,
      ).toBe(true);
      const log = rt.output();
      expect(log).not.toMatch(/deadlock|unhandled|TypeError|"level":50/i);
    });
  });
});
