import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type HttpFixture, httpFixture } from './http-fixture';

let f: HttpFixture;
beforeAll(async () => {
  f = await httpFixture();
});
afterAll(() => f.dispose());

/** A standard password reset: straight to the L1 `reset` task of it-support. */
async function passwordReset(values: Record<string, unknown> = {}) {
  const res = await f.call('POST', '/api/catalog/password-reset/requests', {
    as: 'carla',
    body: { values: { username: 'carla.j', contact: 'carla@example.com', ...values } },
  });
  expect(res.status).toBe(201);
  // The customer's answer shows no tasks (they are internal work): read the case as staff.
  expect(res.body).not.toHaveProperty('tasks');
  const staff = await f.call('GET', `/api/cases/${res.body.id}`, { as: 'ivan' });
  return staff.body as {
    id: string;
    tasks: Array<{ id: string; nodeId: string; group: string; kind: string }>;
  };
}

describe('task routes', () => {
  it('shows the task in the queue of its group', async () => {
    const kase = await passwordReset();
    const task = kase.tasks.find((t) => t.nodeId === 'reset');
    expect(task).toMatchObject({ group: 'it-support', kind: 'task', status: 'open' });
    const queue = await f.call('GET', '/api/tasks?group=it-support&status=open,claimed', { as: 'ivan' });
    expect(queue.body.items.map((t: { id: string }) => t.id)).toContain(task!.id);
    expect((await f.call('GET', '/api/tasks?status=bogus', { as: 'ivan' })).status).toBe(400);
    const mine = await f.call('GET', '/api/tasks?mine=1', { as: 'ines' });
    expect(mine.body.items.map((t: { id: string }) => t.id)).toContain(task!.id);
    expect((await f.call('GET', '/api/tasks?mine=1', { as: 'lena' })).body.items).toEqual([]);
  });

  it('forbids agents outside the task group (403) and customers (403)', async () => {
    const kase = await passwordReset();
    const task = kase.tasks.find((t) => t.nodeId === 'reset')!;
    expect((await f.call('POST', `/api/tasks/${task.id}/claim`, { as: 'lena' })).status).toBe(403);
    expect((await f.call('POST', `/api/tasks/${task.id}/claim`, { as: 'carla' })).status).toBe(403);
    expect((await f.call('POST', '/api/tasks/no-such-task/claim', { as: 'ivan' })).status).toBe(404);
  });

  it('claims and completes with an outcome, moving the case on', async () => {
    const kase = await passwordReset();
    const task = kase.tasks.find((t) => t.nodeId === 'reset')!;
    const claimed = await f.call('POST', `/api/tasks/${task.id}/claim`, { as: 'ivan' });
    expect(claimed.status).toBe(200);
    expect(claimed.body).toMatchObject({ id: task.id, status: 'claimed', assignee: 'ivan' });
    // Someone else in the group cannot take it over.
    expect((await f.call('POST', `/api/tasks/${task.id}/claim`, { as: 'ines' })).status).toBe(409);
    // An outcome the task does not offer is bad input.
    const bad = await f.call('POST', `/api/tasks/${task.id}/complete`, {
      as: 'ivan',
      body: { outcome: 'maybe' },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(/maybe/);
    const done = await f.call('POST', `/api/tasks/${task.id}/complete`, {
      as: 'ivan',
      body: { outcome: 'done' },
    });
    expect(done.status).toBe(200);
    expect(done.body.activeNodes).toEqual(['grace']);
    expect(done.body.tasks.find((t: { id: string }) => t.id === task.id).status).toBe('completed');
  });

  it('closes the case when the outcome leads to an end', async () => {
    const kase = await passwordReset();
    const task = kase.tasks.find((t) => t.nodeId === 'reset')!;
    const res = await f.call('POST', `/api/tasks/${task.id}/complete`, {
      as: 'ines',
      body: { outcome: 'cannot-reset' },
    });
    expect(res.body.status).toBe('failed');
    expect(res.body.closedAt).toEqual(expect.any(String));
  });

  it('delegates only to known users', async () => {
    const kase = await passwordReset();
    const task = kase.tasks.find((t) => t.nodeId === 'reset')!;
    const bad = await f.call('POST', `/api/tasks/${task.id}/delegate`, { as: 'ivan', body: { to: 'ghost' } });
    expect(bad.status).toBe(400);
    const ok = await f.call('POST', `/api/tasks/${task.id}/delegate`, { as: 'ivan', body: { to: 'ines' } });
    expect(ok.status).toBe(200);
    expect(ok.body.assignee).toBe('ines');
  });

  it('turns approval tasks into votes (privileged reset needs two approvals)', async () => {
    const kase = await passwordReset({ accountType: 'privileged' });
    const approvals = kase.tasks.filter((t) => t.kind === 'approval');
    expect(approvals.length).toBe(2);
    for (const a of approvals) {
      const assignee = (a as unknown as { assignee: string }).assignee;
      const res = await f.call('POST', `/api/tasks/${a.id}/complete`, {
        as: assignee,
        body: { outcome: 'approve' },
      });
      expect(res.status).toBe(200);
    }
    const after = await f.call('GET', `/api/cases/${kase.id}`, { as: 'ivan' });
    expect(after.body.activeNodes).toEqual(['reset']);
  });
});
