import { createHmac } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { moveClock } from './runtime';
import { httpFlow } from './test-support/flows';
import { httpRecorder } from './test-support/http-recorder';
import { type RuntimeFixture, runtimeFixture, T0 } from './test-support/runtime-fixture';

const SECRET = 'runtime-test-secret-123';

describe('outbox delivery through the runtime', () => {
  let f: RuntimeFixture | undefined;
  let close: (() => Promise<void>) | undefined;
  afterEach(async () => {
    await f?.dispose();
    await close?.();
  });

  it('performs the flow HTTP call, feeds the result back, then sends the signed notify webhook', async () => {
    const server = await httpRecorder((_, req) =>
      req.path === '/hook' ? { status: 202 } : { status: 200, body: { frozen: true, ref: 'F-1' } },
    );
    close = server.close;
    f = await runtimeFixture({
      env: { CASEFLOW_WEBHOOK_URL: `${server.url}/hook`, CASEFLOW_WEBHOOK_SECRET: SECRET },
    });
    await f.publish(httpFlow(`${server.url}/accounts/freeze`));
    const c = await f.runtime.openCase({
      flow: 'freeze',
      customerId: 'cu-1',
      channel: 'phone',
      actor: 'ann',
    });
    expect(c.activeNodes).toEqual(['freeze']);
    const [queued] = await f.runtime.outboxEntries(c.id);
    expect(queued).toMatchObject({ kind: 'http', status: 'pending' });

    await f.runtime.dispatchOutbox();
    const call = server.requests.find((r) => r.path === '/accounts/freeze')!;
    expect(JSON.parse(call.body)).toEqual({ customer: 'cu-1' });
    expect(call.headers['idempotency-key']).toBe(queued!.idempotencyKey);
    const moved = (await f.runtime.getCase(c.id))!;
    expect(moved.status).toBe('resolved');
    expect((await f.runtime.timeline(c.id)).find((e) => e.type === 'http.called')).toMatchObject({
      data: { ok: true, status: 200 },
    });

    // The notify row queued by the step after the call goes out on the next round.
    await f.runtime.dispatchOutbox();
    const hook = server.requests.find((r) => r.path === '/hook')!;
    expect(hook.headers['x-caseflow-signature']).toBe(
      `sha256=${createHmac('sha256', SECRET).update(hook.body).digest('hex')}`,
    );
    const doc = JSON.parse(hook.body);
    expect(doc).toMatchObject({
      kind: 'notify',
      caseId: c.id,
      payload: {
        template: 'card-frozen',
        to: 'customer',
        recipients: [{ kind: 'customer', customerId: 'cu-1', email: 'carla@example.com' }],
      },
    });
    const statuses = (await f.runtime.outboxEntries(c.id)).map((r) => [r.kind, r.status]);
    expect(statuses).toEqual(
      expect.arrayContaining([
        ['http', 'delivered'],
        ['notify', 'delivered'],
      ]),
    );
  });

  it('moving the manual clock settles everything due: the call, its result and the notification it queued', async () => {
    const server = await httpRecorder((_, req) =>
      req.path === '/hook' ? { status: 204 } : { status: 200, body: {} },
    );
    close = server.close;
    f = await runtimeFixture({
      env: { CASEFLOW_WEBHOOK_URL: `${server.url}/hook`, CASEFLOW_WEBHOOK_SECRET: SECRET },
    });
    await f.publish(httpFlow(`${server.url}/freeze`));
    const c = await f.runtime.openCase({
      flow: 'freeze',
      customerId: 'cu-1',
      channel: 'phone',
      actor: 'ann',
    });
    await moveClock(f.runtime, { advance: 'PT0S' });
    expect(server.requests.map((r) => r.path)).toEqual(['/freeze', '/hook']);
    expect((await f.runtime.getCase(c.id))!.status).toBe('resolved');
    expect((await f.runtime.outboxEntries(c.id)).every((r) => r.status === 'delivered')).toBe(true);
  });

  it('takes the on:"error" edge once the HTTP call failed on its last retry', async () => {
    const server = await httpRecorder(() => ({ status: 503, body: { error: 'maintenance' } }));
    close = server.close;
    f = await runtimeFixture({ outbox: { backoffMs: 1000 } });
    await f.publish(httpFlow(`${server.url}/freeze`));
    const c = await f.runtime.openCase({
      flow: 'freeze',
      customerId: 'cu-1',
      channel: 'phone',
      actor: 'ann',
    });

    await f.runtime.dispatchOutbox();
    expect((await f.runtime.getCase(c.id))!.status).toBe('open');
    expect((await f.runtime.outboxEntries(c.id))[0]).toMatchObject({ status: 'failed', attempts: 1 });

    // moveClock runs the outbox after firing timers: the retry is due after ~1 s.
    await moveClock(f.runtime, { advance: 'PT2S' });
    expect(server.requests).toHaveLength(2);
    const after = (await f.runtime.getCase(c.id))!;
    expect(after.status).toBe('failed');
    expect((await f.runtime.outboxEntries(c.id))[0]).toMatchObject({ status: 'dead', attempts: 2 });
  });

  it('does not perform the HTTP call of a case cancelled before the dispatcher got to it', async () => {
    const server = await httpRecorder(() => ({ status: 200, body: {} }));
    close = server.close;
    f = await runtimeFixture();
    await f.publish(httpFlow(`${server.url}/freeze`));
    const c = await f.runtime.openCase({
      flow: 'freeze',
      customerId: 'cu-1',
      channel: 'phone',
      actor: 'ann',
    });
    await f.runtime.cancelCase(c.id, 'opened by mistake', 'ann');
    await f.runtime.dispatchOutbox();
    expect(server.requests).toHaveLength(0);
    expect((await f.runtime.outboxEntries(c.id))[0]).toMatchObject({ kind: 'http', status: 'dead' });
  });

  it('creates a survey with an unguessable token that can be answered once, within its scale', async () => {
    f = await runtimeFixture();
    await f.publish({
      key: 'csat',
      name: 'CSAT',
      nodes: [
        { id: 'start', type: 'start' },
        { id: 'ask', type: 'survey', survey: 'csat' },
        { id: 'done', type: 'end' },
      ],
      edges: [
        { from: 'start', to: 'ask' },
        { from: 'ask', to: 'done' },
      ],
    });
    const c = await f.runtime.openCase({ flow: 'csat', customerId: 'cu-1', channel: 'web', actor: 'ann' });
    expect(c.surveys).toHaveLength(1);
    // The staff resource shows the survey without its token; the customer's view and the
    // message sent to the customer carry it.
    expect(c.surveys[0]).toEqual({ kind: 'csat', answered: false, score: null });
    const token = (await f.runtime.getCase(c.id, { surveyTokens: true }))!.surveys[0]!.token!;
    expect(token).toMatch(/^[A-Za-z0-9_-]{24}$/);
    expect(JSON.stringify((await f.runtime.outboxEntries(c.id))[0]!.payload)).toContain(token);
    await expect(f.runtime.answerSurvey(token, { score: 9 }, null)).rejects.toMatchObject({ status: 400 });
    await expect(f.runtime.answerSurvey('nope', { score: 5 }, null)).rejects.toMatchObject({ status: 404 });
    // Staff and other customers are refused, whatever the token.
    await expect(f.runtime.answerSurvey(token, { score: 5 }, 'ann')).rejects.toMatchObject({ status: 403 });
    await f.store.customers.create({ id: 'cu-2', name: 'Other', createdAt: T0 });
    await f.store.users.create({
      username: 'other',
      passwordHash: 'x',
      roles: ['customer'],
      customerId: 'cu-2',
      createdAt: T0,
    });
    await expect(f.runtime.answerSurvey(token, { score: 5 }, 'other')).rejects.toMatchObject({ status: 403 });
    expect(await f.runtime.answerSurvey(token, { score: 5, comment: 'great' }, null)).toMatchObject({
      score: 5,
      comment: 'great',
    });
    await expect(f.runtime.answerSurvey(token, { score: 4 }, null)).rejects.toMatchObject({ status: 409 });
    expect((await f.runtime.getCase(c.id))!.surveys[0]).toMatchObject({ answered: true, score: 5 });
    expect((await f.runtime.outboxEntries(c.id))[0]).toMatchObject({ kind: 'survey' });
    const pub = (await f.runtime.timeline(c.id, { publicOnly: true })).map((e) => e.type);
    expect(pub).toEqual(expect.arrayContaining(['survey.sent', 'survey.answered']));
  });
});
