import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RuntimeProcess, startRuntime } from '../support/runtime-process';

/**
 * The password-reset example end to end against the built runtime process:
 *
 *   carla requests (portal) → reset task (it-support, L1) → ivan completes "done"
 *   → grace timer (test clock) → ask-confirmation → await-confirmation
 *   --customer-confirmed--> CES survey → done (resolved)
 *
 * and the case survives a restart of the process.
 */
let rt: RuntimeProcess;
beforeAll(async () => {
  rt = await startRuntime();
});
afterAll(() => rt?.stop());

describe('password reset over HTTP', () => {
  let caseId = '';

  it('opens a case from a portal request', async () => {
    const res = await rt.api('POST', '/api/catalog/password-reset/requests', {
      as: 'carla',
      body: { values: { username: 'carla.j', contact: 'carla@example.com' } },
    });
    expect(res.status).toBe(201);
    caseId = res.body.id;
    expect(res.body).toMatchObject({ flow: 'password-reset', status: 'open', activeNodes: ['reset'] });
  });

  it('puts the reset task in the it-support queue, not in others', async () => {
    const queue = await rt.api('GET', `/api/tasks?case=${caseId}&status=open`, { as: 'ivan' });
    expect(queue.body.items).toHaveLength(1);
    const task = queue.body.items[0];
    expect(task).toMatchObject({ group: 'it-support', tier: 'L1', outcomes: ['done', 'cannot-reset'] });
    expect((await rt.api('POST', `/api/tasks/${task.id}/claim`, { as: 'marco' })).status).toBe(403);
    expect((await rt.api('POST', `/api/tasks/${task.id}/claim`, { as: 'ivan' })).status).toBe(200);
    const done = await rt.api('POST', `/api/tasks/${task.id}/complete`, {
      as: 'ivan',
      body: { outcome: 'done' },
    });
    expect(done.status).toBe(200);
    expect(done.body.activeNodes).toEqual(['grace']);
  });

  it('keeps the case across a restart of the process', async () => {
    await rt.restart();
    const res = await rt.api('GET', `/api/cases/${caseId}`, { as: 'carla' });
    expect(res.status).toBe(200);
    expect(res.body.activeNodes).toEqual(['grace']);
  });

  it('fires the grace timer when the test clock moves, then waits for the customer', async () => {
    const moved = await rt.api('POST', '/api/_test/clock', { body: { advance: 'P1D' } });
    expect(moved.status).toBe(200);
    expect(moved.body.fired).toBeGreaterThanOrEqual(1);
    const res = await rt.api('GET', `/api/cases/${caseId}`, { as: 'carla' });
    expect(res.body.activeNodes).toEqual(['await-confirmation']);
  });

  it('resolves on the confirmation signal and takes a CES answer', async () => {
    const res = await rt.api('POST', `/api/cases/${caseId}/signals`, {
      as: 'ivan',
      body: { name: 'customer-confirmed' },
    });
    expect(res.status).toBe(200);
    expect(res.body.status).toBe('resolved');
    const survey = res.body.surveys.find((s: { kind: string }) => s.kind === 'ces');
    expect((await rt.api('POST', `/api/surveys/${survey.token}`, { body: { score: 2 } })).status).toBe(200);

    const timeline = await rt.api('GET', `/api/cases/${caseId}/timeline`, { as: 'olivia' });
    const types = timeline.body.items.map((e: { type: string }) => e.type);
    expect(types[0]).toBe('case.opened');
    expect(types).toEqual(expect.arrayContaining(['task.completed', 'survey.sent', 'case.closed']));
  });

  it('hides the case from another customer', async () => {
    expect((await rt.api('GET', `/api/cases/${caseId}`, { as: 'ben' })).status).toBe(404);
  });
});
