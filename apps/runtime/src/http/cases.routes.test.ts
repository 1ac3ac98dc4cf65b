import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type HttpFixture, httpFixture, openCarlasLostCard } from './http-fixture';

let f: HttpFixture;
let carlasCase: string;
beforeAll(async () => {
  f = await httpFixture();
  carlasCase = await openCarlasLostCard(f, 'Card lost in Berlin');
});
afterAll(() => f.dispose());

describe('case routes', () => {
  it('opens a case and answers the Case resource', async () => {
    const res = await f.call('GET', `/api/cases/${carlasCase}`, { as: 'lena' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      id: carlasCase,
      flow: 'lost-card',
      version: 1,
      customerId: 'c-1001',
      channel: 'phone',
      subject: 'Card lost in Berlin',
      status: 'open',
    });
    expect(Array.isArray(res.body.tasks)).toBe(true);
    expect(res.body.slas.map((s: { id: string }) => s.id)).toEqual(
      expect.arrayContaining(['response', 'resolution']),
    );
  });

  it("shows a customer their own case and answers 404 for someone else's", async () => {
    expect((await f.call('GET', `/api/cases/${carlasCase}`, { as: 'carla' })).status).toBe(200);
    const other = await f.call('GET', `/api/cases/${carlasCase}`, { as: 'ben' });
    expect(other.status).toBe(404);
    expect((await f.call('GET', `/api/cases/${carlasCase}/timeline`, { as: 'ben' })).status).toBe(404);
  });

  it('lists only the own cases of a customer, whatever filter they send', async () => {
    const res = await f.call('GET', '/api/cases?customer=c-1001', { as: 'ben' });
    expect(res.status).toBe(200);
    expect(res.body.items).toEqual([]);
    const carla = await f.call('GET', '/api/cases', { as: 'carla' });
    expect(carla.body.items.map((c: { id: string }) => c.id)).toContain(carlasCase);
  });

  it('refuses a customer opening a case for another customer', async () => {
    const res = await f.call('POST', '/api/cases', {
      as: 'carla',
      body: { flow: 'lost-card', customerId: 'c-1002', channel: 'web' },
    });
    expect(res.status).toBe(403);
  });

  it('pages case lists with {items, next}', async () => {
    for (let i = 0; i < 3; i++) {
      await f.call('POST', '/api/cases', {
        as: 'lena',
        body: { flow: 'lost-card', customerId: 'c-1003', channel: 'email' },
      });
    }
    const first = await f.call('GET', '/api/cases?customer=c-1003&limit=2', { as: 'lena' });
    expect(first.body.items).toHaveLength(2);
    expect(first.body.next).toEqual(expect.any(String));
    const second = await f.call('GET', `/api/cases?customer=c-1003&limit=2&cursor=${first.body.next}`, {
      as: 'lena',
    });
    expect(second.body.items).toHaveLength(1);
    expect(second.body.next).toBeNull();
  });

  it('records messages; the customer speaks as the customer', async () => {
    const res = await f.call('POST', `/api/cases/${carlasCase}/messages`, {
      as: 'carla',
      body: { channel: 'web', body: 'Any news?', from: 'agent' },
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      from: { kind: 'customer', id: 'c-1001' },
      visibility: 'public',
      body: 'Any news?',
      author: 'carla',
    });
    const list = await f.call('GET', `/api/cases/${carlasCase}/messages`, { as: 'lena' });
    expect(list.body.items.map((m: { body: string }) => m.body)).toContain('Any news?');
  });

  it("delivers a customer's message as the customer-replied signal to a waiting case", async () => {
    // start → ask (L1: asked) → wait (customer-replied) → closed
    const definition = {
      key: 'question',
      name: 'Ask the customer',
      tiers: [{ id: 'L1', name: 'Desk', group: 'service-desk' }],
      nodes: [
        { id: 'start', type: 'start' },
        { id: 'ask', type: 'task', title: 'Ask', assign: { tier: 'L1' }, outcomes: ['asked'] },
        { id: 'wait', type: 'wait', signal: 'customer-replied' },
        { id: 'closed', type: 'end' },
      ],
      edges: [
        { from: 'start', to: 'ask' },
        { from: 'ask', to: 'wait', on: 'asked' },
        { from: 'wait', to: 'closed', on: 'customer-replied' },
      ],
    };
    await f.call('PUT', '/api/flows/question', { as: 'olivia', body: { definition } });
    const { body: published } = await f.call('POST', '/api/flows/question/publish', {
      as: 'olivia',
      body: {},
    });
    await f.call('POST', '/api/flows/question/activate', {
      as: 'admin',
      body: { version: published.version },
    });
    const opened = await f.call('POST', '/api/cases', {
      as: 'lena',
      body: { flow: 'question', customerId: 'c-1002', channel: 'phone' },
    });
    const asked = await f.call('POST', `/api/tasks/${opened.body.tasks[0].id}/complete`, {
      as: 'lena',
      body: { outcome: 'asked' },
    });
    expect(asked.body.activeNodes).toEqual(['wait']);
    const id = opened.body.id;
    // An agent's message is not the customer's reply.
    await f.call('POST', `/api/cases/${id}/messages`, {
      as: 'lena',
      body: { channel: 'email', body: 'Where?' },
    });
    expect((await f.call('GET', `/api/cases/${id}`, { as: 'lena' })).body.status).toBe('open');
    const reply = await f.call('POST', `/api/cases/${id}/messages`, {
      as: 'ben',
      body: { channel: 'web', body: 'On the train' },
    });
    expect(reply.status).toBe(201);
    expect((await f.call('GET', `/api/cases/${id}`, { as: 'lena' })).body.status).toBe('resolved');
    // On a case that waits for nothing the message is simply recorded.
    const again = await f.call('POST', `/api/cases/${carlasCase}/messages`, {
      as: 'carla',
      body: { channel: 'web', body: 'Hi' },
    });
    expect(again.status).toBe(201);
  });

  it('gives the customer only the public timeline entries', async () => {
    const staff = await f.call('GET', `/api/cases/${carlasCase}/timeline`, { as: 'lena' });
    const customer = await f.call('GET', `/api/cases/${carlasCase}/timeline`, { as: 'carla' });
    expect(staff.body.items[0].type).toBe('case.opened');
    expect(customer.body.items.length).toBeGreaterThan(0);
    expect(customer.body.items.length).toBeLessThanOrEqual(staff.body.items.length);
    const seqs = staff.body.items.map((e: { seq: number }) => e.seq);
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
  });

  it('answers 409 with the allowed events for a signal the case does not wait for', async () => {
    const res = await f.call('POST', `/api/cases/${carlasCase}/signals`, {
      as: 'lena',
      body: { name: 'nobody-waits' },
    });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('event-not-allowed');
  });

  it("lets a customer withdraw their own request, answered with their view, and not another's", async () => {
    const other = await f.call('POST', `/api/cases/${carlasCase}/cancel`, {
      as: 'ben',
      body: { reason: 'x' },
    });
    expect(other.status).toBe(404);
    // lena opened carlasCase for her on the phone: the team's to close.
    const staffs = await f.call('POST', `/api/cases/${carlasCase}/cancel`, { as: 'carla', body: {} });
    expect(staffs.status).toBe(403);
    const opened = await f.call('POST', '/api/catalog/report-lost-card/requests', {
      as: 'carla',
      body: { values: { cardLast4: '4242', suspiciousTransactions: 0 } },
    });
    expect(opened.status, JSON.stringify(opened.body)).toBe(201);
    expect(opened.body.mayWithdraw).toBe(true);
    const own: string = opened.body.id;
    const res = await f.call('POST', `/api/cases/${own}/cancel`, {
      as: 'carla',
      body: { reason: 'found it' },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ id: own, status: 'cancelled', mayWithdraw: false });
    expect(res.body).not.toHaveProperty('tasks');
    expect(res.body).not.toHaveProperty('variables');
  });

  it('answers a retried message or cancel with the same Idempotency-Key once, from the record', async () => {
    const id = await openCarlasLostCard(f, 'Retried on a bad network');
    const write = () =>
      f.call('POST', `/api/cases/${id}/messages`, {
        as: 'carla',
        headers: { 'idempotency-key': 'msg-1' },
        body: { body: 'Still waiting' },
      });
    const first = await write();
    const again = await write();
    expect(first.status).toBe(201);
    expect(again.body.id).toBe(first.body.id);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    const list = await f.call('GET', `/api/cases/${id}/messages`, { as: 'carla' });
    expect(list.body.items.filter((m: { body: string }) => m.body === 'Still waiting')).toHaveLength(1);
    const cancel = () =>
      f.call('POST', `/api/cases/${id}/cancel`, {
        as: 'lena',
        headers: { 'idempotency-key': 'cancel-1' },
        body: { reason: 'duplicate' },
      });
    expect((await cancel()).status).toBe(200);
    const retried = await cancel();
    expect(retried.status).toBe(200);
    expect(retried.headers.get('idempotent-replayed')).toBe('true');
  });

  it('cancels a case for staff, with or without a reason', async () => {
    const open = () =>
      f.call('POST', '/api/cases', {
        as: 'lena',
        body: { flow: 'lost-card', customerId: 'c-1005', channel: 'chat' },
      });
    const withReason = await f.call('POST', `/api/cases/${(await open()).body.id}/cancel`, {
      as: 'lena',
      body: { reason: 'duplicate' },
    });
    expect(withReason.status).toBe(200);
    expect(withReason.body.status).toBe('cancelled');
    const bare = await f.call('POST', `/api/cases/${(await open()).body.id}/cancel`, { as: 'lena' });
    expect(bare.body.status).toBe('cancelled');
  });

  it('lets only the people working a case cancel it: its groups, who opened it, supervisors', async () => {
    const opened = await f.call('POST', '/api/cases', {
      as: 'lena',
      body: { flow: 'lost-card', customerId: 'c-1005', channel: 'chat' },
    });
    const id = opened.body.id as string;
    const groups = (opened.body.tasks as Array<{ group: string | null }>).map((t) => t.group);
    expect(groups).not.toContain('fraud');
    const outsider = await f.call('POST', `/api/cases/${id}/cancel`, { as: 'fatima', body: { reason: 'x' } });
    expect(outsider.status).toBe(403);
    expect(outsider.body.error.message).toMatch(/only (they, )?a supervisor or an admin may cancel it/);
    expect((await f.call('GET', `/api/cases/${id}`, { as: 'lena' })).body.status).toBe('open');
    const supervisor = await f.call('POST', `/api/cases/${id}/cancel`, {
      as: 'sam',
      body: { reason: 'dup' },
    });
    expect(supervisor.status).toBe(200);
    expect(supervisor.body.status).toBe('cancelled');
  });
});
