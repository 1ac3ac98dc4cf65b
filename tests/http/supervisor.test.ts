import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RuntimeProcess, startRuntime } from '../support/runtime-process';
import { openSse, type SseEvent, type SseStream } from '../support/sse-client';
import { deskFlow } from '../support/supervisor-flow';
import { scenarioBackends } from '../support/test-database';

/**
 * DESIGN §12 supervisor view against the built runtime on SQLite and PostgreSQL: only
 * supervisors read the overview and its stream; the stream announces work created and claimed
 * elsewhere; queues, load, risks and breach notifications follow the day on the manual clock;
 * a supervisor reassigns a task within its group, nobody else outside theirs.
 */

const changeOf = (caseId: string, kind: string) => (e: SseEvent) =>
  e.event === 'change' && JSON.parse(e.data).caseId === caseId && JSON.parse(e.data).kinds.includes(kind);

describe.each(scenarioBackends())('supervisor view on $backend', ({ backend, skip }) => {
  describe.skipIf(skip)('scenario', () => {
    let rt: RuntimeProcess;
    const open: SseStream[] = [];
    beforeAll(async () => {
      rt = await startRuntime({}, { backend });
    });
    afterAll(async () => {
      for (const s of open) s.close();
      await rt?.stop();
    });

    const ok = async (method: string, path: string, as: string, body?: unknown, status = 200) => {
      const res = await rt.api(method, path, { as, body });
      expect(res.status, `${method} ${path}: ${JSON.stringify(res.body)}`).toBe(status);
      return res.body;
    };
    const stream = async (as: string) => {
      const { ticket } = await ok('POST', '/api/events/ticket', as);
      const s = await openSse(`${rt.url}/api/supervisor/events?ticket=${ticket}`);
      open.push(s);
      return s;
    };
    const overview = (as = 'sam') => ok('GET', '/api/supervisor/overview', as);
    const deskQueue = (o: { queues: Array<{ group: string; tier: string; open: number }> }) =>
      o.queues.find((q) => q.group === 'service-desk' && q.tier === 'L1');

    let caseId: string;
    let taskId: string;
    let watch: SseStream;

    it('serves the overview and its stream to supervisors only', async () => {
      for (const as of ['lena', 'olivia', 'carla']) {
        const res = await rt.api('GET', '/api/supervisor/overview', { as });
        expect(res.status, as).toBe(403);
        expect(res.body.error.code).toBe('forbidden');
      }
      expect((await rt.api('GET', '/api/supervisor/overview')).status).toBe(401);
      expect((await rt.api('GET', '/api/supervisor/overview?since=yesterday', { as: 'sam' })).status).toBe(
        400,
      );
      expect((await stream('lena')).status).toBe(403);
      const admin = await overview('admin');
      expect(admin.agents.map((a: { username: string }) => a.username)).toContain('lena');
      watch = await stream('sam');
      expect(watch.status).toBe(200);
      await watch.next((e) => e.event === 'ready', 'ready');
    });

    it('announces a case opened elsewhere and shows it waiting in its queue', async () => {
      await ok('PUT', `/api/flows/${deskFlow.key}`, 'olivia', { definition: deskFlow });
      await ok('POST', `/api/flows/${deskFlow.key}/publish`, 'olivia', { note: 'supervisor test' }, 201);
      const before = deskQueue(await overview())?.open ?? 0;
      const opened = await ok(
        'POST',
        '/api/cases',
        'lena',
        { flow: deskFlow.key, customerId: 'c-1001', channel: 'phone', subject: 'Card stuck in ATM' },
        201,
      );
      caseId = opened.id;
      taskId = opened.tasks[0].id;
      await watch.next(changeOf(caseId, 'task'), 'the new task');
      const o = await overview();
      expect(deskQueue(o)).toMatchObject({ open: before + 1 });
      expect(o.throughput.casesOpened).toBeGreaterThanOrEqual(1);
    });

    it('announces a claim and shows the agent holding the work', async () => {
      await ok('POST', `/api/tasks/${taskId}/claim`, 'lena');
      await watch.next((e) => changeOf(caseId, 'task')(e) && e.id !== watch.lastEventId, 'the claim');
      const lena = (await overview()).agents.find((a: { username: string }) => a.username === 'lena');
      expect(lena.load).toBeGreaterThanOrEqual(1);
      expect(lena.work.map((w: { taskId: string }) => w.taskId)).toContain(taskId);
    });

    it('lists the task at risk, then breached with the notification sent to supervisors', async () => {
      await rt.advance('PT16M');
      let o = await overview();
      expect(o.risks.find((r: { task: { id: string } }) => r.task.id === taskId)).toMatchObject({
        state: 'at-risk',
      });
      await rt.advance('PT15M');
      o = await overview();
      expect(o.risks.find((r: { task: { id: string } }) => r.task.id === taskId)).toMatchObject({
        state: 'breached',
        subject: 'Card stuck in ATM',
        caseNumber: expect.stringMatching(/^REQ-\d+$/),
      });
      expect(o.totals.breached).toBeGreaterThanOrEqual(1);
      expect(o.breaches.find((b: { caseId: string }) => b.caseId === caseId)).toMatchObject({
        nodeId: 'handle',
        to: 'group:supervisors',
        caseNumber: expect.stringMatching(/^REQ-\d+$/),
      });
      // Nobody but supervisors sees that list; lena was not notified.
      expect((await rt.api('GET', '/api/supervisor/overview', { as: 'lena' })).status).toBe(403);
    });

    it('lets a supervisor reassign the task within its group; others may not', async () => {
      await ok(
        'POST',
        '/api/users',
        'admin',
        {
          username: 'leo',
          password: 'demo1234-leo',
          roles: ['agent'],
          groups: ['service-desk'],
          tiers: ['L1'],
        },
        201,
      );
      const refused = await rt.api('POST', `/api/tasks/${taskId}/delegate`, {
        as: 'marco',
        body: { to: 'leo' },
      });
      expect(refused.status).toBe(403);
      const outside = await rt.api('POST', `/api/tasks/${taskId}/delegate`, {
        as: 'sam',
        body: { to: 'marco' },
      });
      expect(outside.status).toBe(422);
      expect(outside.body.error.details[0]).toMatchObject({ path: 'to', reason: 'not-member' });
      expect(await ok('POST', `/api/tasks/${taskId}/delegate`, 'sam', { to: 'leo' })).toMatchObject({
        assignee: 'leo',
      });
      const agents = (await overview()).agents as Array<{ username: string; load: number }>;
      expect(agents.find((a) => a.username === 'leo')?.load).toBe(1);
      const timeline = await ok('GET', `/api/cases/${caseId}/timeline`, 'admin');
      expect(timeline.items.find((e: { type: string }) => e.type === 'task.delegated')).toMatchObject({
        actor: 'sam',
        data: { from: 'lena', to: 'leo' },
      });
    });

    it("lets supervisors pause a group's assignment and set an agent's presence; others may not", async () => {
      const path = '/api/supervisor/groups/service-desk/assignment';
      expect((await rt.api('PUT', path, { as: 'lena', body: { paused: true } })).status).toBe(403);
      expect(
        (await rt.api('PUT', '/api/supervisor/groups/nope/assignment', { as: 'sam', body: { paused: true } }))
          .status,
      ).toBe(404);
      const bad = await rt.api('PUT', path, { as: 'sam', body: { paused: 'yes' } });
      expect(bad.status).toBe(400);
      expect(bad.body.error.details[0].path).toBe('paused');
      // Pausing keeps the group's routing settings (the demo's service desk is round-robin);
      // resuming gives them back unchanged.
      const { paused, ...settings } = await ok('PUT', path, 'sam', { paused: true });
      expect(paused).toBe(true);
      expect(settings).toMatchObject({ mode: 'round-robin' });
      let o = await overview();
      expect(o.groups.find((g: { name: string }) => g.name === 'service-desk')).toMatchObject({
        paused: true,
      });
      expect(await ok('PUT', path, 'sam', { paused: false })).toEqual(settings);

      await ok('PUT', '/api/agents/lena/presence', 'sam', { status: 'online' });
      o = await overview();
      expect(o.agents.find((a: { username: string }) => a.username === 'lena')).toMatchObject({
        presence: 'online',
        capacity: 5,
      });
    });
  });
});
