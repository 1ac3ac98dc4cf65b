import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { oneTaskFlow } from '../../../../tests/support/one-task-flow';
import { type HttpFixture, httpFixture } from '../http/http-fixture';
import { REOFFER_AFTER_MS } from './router';

/*
 * A lone agent on shift (fatima, the only member of `fraud`) lets an offer lapse, then declines
 * the next one: the task is not lost in the queue until someone new comes online — after a
 * pause it is offered to her again.
 *
 *   start → ask (fraud) → closed
 */
const flow = oneTaskFlow('lone-desk', 'Lone desk', 'Check the payment', 'fraud');

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
const advance = (ms: number) => ok('POST', '/api/_test/clock', 'admin', { advance: `PT${ms / 1000}S` });
const task = (id: string) => ok('GET', `/api/tasks/${id}`, 'sam');

describe('re-offering work nobody else can take', () => {
  it('offers a lapsed or declined task to the lone agent again after a pause', async () => {
    await ok('PUT', `/api/flows/${flow.key}`, 'olivia', { definition: flow });
    await ok('POST', `/api/flows/${flow.key}/publish`, 'olivia', {}, 201);
    await ok('PUT', '/api/groups/fraud', 'admin', { routing: { mode: 'round-robin', offerTimeout: 'PT2M' } });
    await ok('PUT', '/api/agents/fatima/presence', 'fatima', { status: 'online' });
    const opened = await ok(
      'POST',
      '/api/cases',
      'lena',
      { flow: flow.key, customerId: 'c-1001', channel: 'phone', subject: 'Odd payment' },
      201,
    );
    const id = opened.tasks[0].id as string;
    const offered = await task(id);
    expect(offered).toMatchObject({ status: 'claimed', assignee: 'fatima' });
    // Reads say it is an offer waiting for her, and until when; the case page's tasks too.
    expect(Date.parse(offered.offer.expiresAt) - Date.parse(offered.offer.offeredAt)).toBe(120_000);
    const kase = await ok('GET', `/api/cases/${opened.id}`, 'fatima');
    expect(kase.tasks[0].offer).toEqual(offered.offer);
    const queue = await ok('GET', '/api/tasks?assignee=fatima&status=claimed', 'fatima');
    expect(queue.items[0].offer).toEqual(offered.offer);

    // The offer lapses: nobody else may take it, so it waits — not straight back to her.
    await advance(120_000);
    expect(await task(id)).toMatchObject({ status: 'open', assignee: null });
    await advance(REOFFER_AFTER_MS - 60_000);
    expect(await task(id)).toMatchObject({ status: 'open', assignee: null });
    // After the pause, a new round: hers again, with a new offer timeout running.
    await advance(60_000);
    expect(await task(id)).toMatchObject({ status: 'claimed', assignee: 'fatima' });

    // She declines it: the same, the pause first, then offered again.
    await ok('POST', `/api/tasks/${id}/decline`, 'fatima', { reason: 'on a call' });
    expect(await task(id)).toMatchObject({ status: 'open', assignee: null });
    await advance(REOFFER_AFTER_MS);
    expect(await task(id)).toMatchObject({ status: 'claimed', assignee: 'fatima' });
    await ok('POST', `/api/tasks/${id}/claim`, 'fatima');
    // Accepted: no offer any more, and nothing lapses.
    expect((await task(id)).offer).toBeUndefined();
    await advance(REOFFER_AFTER_MS);
    expect(await task(id)).toMatchObject({ status: 'claimed', assignee: 'fatima' });
    const types = (
      (await ok('GET', `/api/cases/${opened.id}/timeline?limit=200`, 'sam')).items as Array<{ type: string }>
    ).map((e) => e.type);
    expect(types.filter((t) => t === 'task.assigned')).toHaveLength(3);
    expect(types).toEqual(expect.arrayContaining(['task.offer-expired', 'task.declined']));
  });
});
