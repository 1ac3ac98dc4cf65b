import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually } from '../support/eventually';
import { CLOCK_START, type RuntimeProcess, startRuntime } from '../support/runtime-process';

/**
 * Issue #17 "done when", against the built runtime in demo mode with demo presence on (as
 * `npm start` runs it; the other tests turn it off), on the manual clock from Monday
 * 2026-01-05 09:00 Berlin: the agents at work per their calendar are online from the start, so
 * a request a customer makes in the portal lands in the queue of an online agent of the right
 * group without anyone claiming it; signing out sets an agent offline (work waits), signing in
 * sets them online (the waiting work comes to them); an agent off shift gets nothing until
 * their hours begin and they sign in.
 */

interface Task {
  id: string;
  nodeId: string;
  status: string;
  group: string | null;
  assignee: string | null;
}

let rt: RuntimeProcess;
beforeAll(async () => {
  rt = await startRuntime({ CASEFLOW_DEMO_PRESENCE: '1' });
});
afterAll(() => rt?.stop());

const ok = async (method: string, path: string, options: { as?: string; token?: string; body?: unknown }) => {
  const res = await rt.api(method, path, options);
  expect(res.status, `${method} ${path}: ${JSON.stringify(res.body)}`).toBeLessThan(300);
  return res.body;
};
const presences = async (): Promise<Record<string, string>> => {
  const agents: Array<{ username: string; presence: string }> = (
    await ok('GET', '/api/agents', { as: 'admin' })
  ).items;
  return Object.fromEntries(agents.map((a) => [a.username, a.presence]));
};
/** A fresh session of `username` (rt.login caches one; signing in again is the point here). */
const signIn = async (username: string): Promise<string> =>
  (await ok('POST', '/api/auth/login', { body: { username, password: 'demo1234' } })).token;
const tasksOf = async (caseId: string): Promise<Task[]> =>
  (await ok('GET', `/api/tasks?case=${caseId}&limit=100`, { as: 'admin' })).items;
/** The task of `caseId` at `nodeId` once the flow got there (the freeze call runs first). */
const taskAt = (caseId: string, nodeId: string) =>
  eventually(async () => (await tasksOf(caseId)).find((t) => t.nodeId === nodeId), `${nodeId} of ${caseId}`);
const request = async (as: string, item: string, values: Record<string, unknown>): Promise<string> =>
  (await ok('POST', `/api/catalog/${item}/requests`, { as, body: { values } })).id;

describe('demo mode routes work by itself', () => {
  it('puts the agents at work per their calendar online at start, and nobody else', async () => {
    const at = await presences();
    // Berlin's business calendar: 09:00 on a Monday is working time.
    for (const agent of ['lena', 'marco', 'nora', 'fatima', 'ivan']) expect(at[agent], agent).toBe('online');
    // Ines works São Paulo hours (05:00 there); sam has no working hours: both stay offline.
    expect(at.ines).toBe('offline');
    expect(at.sam).toBe('offline');
    const lena = await ok('GET', '/api/agents/lena', { as: 'sam' });
    expect(lena).toMatchObject({ calendar: '24x7', presenceAt: CLOCK_START });
  });

  it("lands a customer's portal request in an online service-desk agent's queue, unclaimed by anyone", async () => {
    const caseId = await request('carla', 'report-lost-card', {
      cardLast4: '4242',
      suspiciousTransactions: 0,
    });
    const triage = await taskAt(caseId, 'triage');
    expect(triage).toMatchObject({ group: 'service-desk', assignee: 'lena', status: 'claimed' });
    const queue: Task[] = (await ok('GET', '/api/tasks?assignee=lena&status=claimed', { as: 'lena' })).items;
    expect(queue.map((t) => t.id)).toContain(triage.id);
    const timeline = (await ok('GET', `/api/cases/${caseId}/timeline?limit=200`, { as: 'olivia' }))
      .items as Array<{
      type: string;
      actor: string;
      data: Record<string, unknown>;
    }>;
    expect(timeline.filter((e) => e.type === 'task.claimed')).toEqual([]);
    expect(timeline.find((e) => e.type === 'task.assigned')).toMatchObject({
      actor: 'routing',
      data: { taskId: triage.id, group: 'service-desk', to: 'lena', mode: 'round-robin' },
    });
  });

  it('keeps work waiting while the only agent of a group is signed out, and gives it to her on sign-in', async () => {
    // Lena's only sessions are the ones of this test and of rt.login: sign out of both.
    const token = await signIn('lena');
    await ok('POST', '/api/auth/logout', { token });
    await ok('POST', '/api/auth/logout', { token: await rt.login('lena') });
    expect((await presences()).lena).toBe('offline');

    const caseId = await request('ben', 'report-lost-card', { cardLast4: '1111', suspiciousTransactions: 0 });
    const waiting = await taskAt(caseId, 'triage');
    expect(waiting).toMatchObject({ group: 'service-desk', assignee: null, status: 'open' });

    const back = await signIn('lena');
    expect((await presences()).lena).toBe('online');
    const mine: Task[] = (await ok('GET', '/api/tasks?assignee=lena&status=claimed', { token: back })).items;
    expect(mine.map((t) => t.id)).toContain(waiting.id);
  });

  it('gives an agent nothing before their hours, and work once their shift began and they signed in', async () => {
    const first = await request('ben', 'password-reset', { username: 'ben.o', contact: 'ben@example.com' });
    const before = await eventually(
      async () => (await tasksOf(first)).find((t) => t.assignee !== null),
      'an assignee',
    );
    // Ivan is the one it-support agent at work (ines is off shift and offline).
    expect(before.assignee).toBe('ivan');

    // 13:00 UTC is 10:00 in São Paulo: ines's day began; signing in puts her online.
    await rt.setClock('2026-01-05T13:00:00.000Z');
    await signIn('ines');
    expect((await presences()).ines).toBe('online');
    // Round-robin: the agent given work longest ago (ines: never) goes first.
    const second = await request('carla', 'password-reset', {
      username: 'carla.j',
      contact: 'carla@example.com',
    });
    const after = await eventually(
      async () => (await tasksOf(second)).find((t) => t.assignee !== null),
      'an assignee',
    );
    expect(after).toMatchObject({ group: 'it-support', assignee: 'ines' });
  });
});
