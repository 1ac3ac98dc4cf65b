import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type HttpFixture, httpFixture } from './http-fixture';

let f: HttpFixture;
beforeAll(async () => {
  f = await httpFixture();
  // start (signal card-fraud-alert) → check (L3 fraud) → closed
  const definition = {
    key: 'fraud-alert',
    name: 'Proactive fraud alert',
    tiers: [{ id: 'L3', name: 'Fraud', group: 'fraud' }],
    nodes: [
      { id: 'start', type: 'start', trigger: { kind: 'signal', signal: 'card-fraud-alert' } },
      { id: 'check', type: 'task', title: 'Check the alert', assign: { tier: 'L3' }, outcomes: ['done'] },
      { id: 'closed', type: 'end' },
    ],
    edges: [
      { from: 'start', to: 'check' },
      { from: 'check', to: 'closed', on: 'done' },
    ],
  };
  await f.call('PUT', '/api/flows/fraud-alert', { as: 'olivia', body: { definition } });
  const { body } = await f.call('POST', '/api/flows/fraud-alert/publish', { as: 'olivia', body: {} });
  await f.call('POST', '/api/flows/fraud-alert/activate', { as: 'admin', body: { version: body.version } });
});
afterAll(() => f.dispose());

describe('proactive signals', () => {
  it('open a case of every flow whose active version starts on the signal', async () => {
    const res = await f.call('POST', '/api/signals/card-fraud-alert', {
      as: 'sam',
      body: { customerId: 'c-1003', data: { amount: 950 } },
    });
    expect(res.status).toBe(201);
    expect(res.body.items).toHaveLength(1);
    expect(res.body.items[0]).toMatchObject({ flow: 'fraud-alert', customerId: 'c-1003', channel: 'api' });
    expect(res.body.items[0].variables.signal).toEqual({ name: 'card-fraud-alert', data: { amount: 950 } });
    expect(res.body.items[0].tasks[0]).toMatchObject({ group: 'fraud', nodeId: 'check' });
  });

  it('answer 404 for a signal no flow starts on and 400 for an unknown customer', async () => {
    expect(
      (await f.call('POST', '/api/signals/nothing', { as: 'sam', body: { customerId: 'c-1003' } })).status,
    ).toBe(404);
    const unknown = await f.call('POST', '/api/signals/card-fraud-alert', {
      as: 'sam',
      body: { customerId: 'c-9' },
    });
    expect(unknown.status).toBe(400);
  });

  it('are not for customers', async () => {
    expect(
      (await f.call('POST', '/api/signals/card-fraud-alert', { as: 'carla', body: { customerId: 'c-1001' } }))
        .status,
    ).toBe(403);
  });
});
