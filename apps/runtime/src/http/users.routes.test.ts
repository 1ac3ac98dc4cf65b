import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type HttpFixture, httpFixture } from './http-fixture';

let f: HttpFixture;
beforeAll(async () => {
  f = await httpFixture();
});
afterAll(() => f.dispose());

describe('auth routes', () => {
  it('answers a token and the user for the right password', async () => {
    const res = await f.call('POST', '/api/auth/login', {
      body: { username: 'carla', password: 'demo1234' },
    });
    expect(res.status).toBe(200);
    expect(res.body.user).toEqual({
      username: 'carla',
      roles: ['customer'],
      groups: [],
      customerId: 'c-1001',
      locale: null,
    });
    expect(res.body.token).toMatch(/^[\w-]+\.[\w-]+$/);
  });

  it('answers the signed-in user at /auth/me', async () => {
    const res = await f.call('GET', '/api/auth/me', { as: 'marco' });
    expect(res.body).toMatchObject({
      username: 'marco',
      roles: ['agent'],
      groups: ['card-ops'],
      tiers: ['L2'],
    });
    expect((await f.call('GET', '/api/auth/me')).status).toBe(401);
  });

  it('gives the same 401 for a wrong password and an unknown user', async () => {
    const wrong = await f.call('POST', '/api/auth/login', {
      body: { username: 'carla', password: 'nope-nope' },
    });
    const unknown = await f.call('POST', '/api/auth/login', {
      body: { username: 'ghost', password: 'nope-nope' },
    });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(unknown.body).toEqual(wrong.body);
  });
});

describe('user and group routes', () => {
  it('are for admins only', async () => {
    expect((await f.call('GET', '/api/users', { as: 'olivia' })).status).toBe(403);
    expect((await f.call('GET', '/api/users')).status).toBe(401);
  });

  it('list users without password hashes', async () => {
    const res = await f.call('GET', '/api/users', { as: 'admin' });
    expect(res.body.items.map((u: { username: string }) => u.username)).toEqual(
      expect.arrayContaining(['admin', 'lena', 'carla']),
    );
    expect(JSON.stringify(res.body)).not.toMatch(/scrypt|passwordHash|password_hash/i);
    expect(res.body.items.find((u: { username: string }) => u.username === 'lena')).toMatchObject({
      active: true,
      passwordChangedAt: null,
    });
  });

  it('create users who can then sign in', async () => {
    const created = await f.call('POST', '/api/users', {
      as: 'admin',
      body: { username: 'zoe', password: 'secret-123', roles: ['agent'], groups: ['fraud'], tiers: ['L3'] },
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ username: 'zoe', roles: ['agent'], groups: ['fraud'] });
    const login = await f.call('POST', '/api/auth/login', {
      body: { username: 'zoe', password: 'secret-123' },
    });
    expect(login.status).toBe(200);
    const dup = await f.call('POST', '/api/users', {
      as: 'admin',
      body: { username: 'zoe', password: 'secret-123', roles: ['agent'] },
    });
    expect(dup.status).toBe(409);
  });

  it('refuse customer users without a known customer and unknown groups', async () => {
    const noCustomer = await f.call('POST', '/api/users', {
      as: 'admin',
      body: { username: 'yan', password: 'secret-123', roles: ['customer'] },
    });
    expect(noCustomer.status).toBe(400);
    const badGroup = await f.call('POST', '/api/users', {
      as: 'admin',
      body: { username: 'yan', password: 'secret-123', roles: ['agent'], groups: ['nope'] },
    });
    expect(badGroup.status).toBe(400);
    expect(badGroup.body.error.details[0].path).toBe('groups.0');
  });

  it('let owners list groups but not create them', async () => {
    expect((await f.call('GET', '/api/groups', { as: 'olivia' })).status).toBe(200);
    expect((await f.call('POST', '/api/groups', { as: 'olivia', body: { name: 'x' } })).status).toBe(403);
    expect((await f.call('GET', '/api/groups', { as: 'lena' })).status).toBe(403);
  });

  it('create and list groups', async () => {
    expect((await f.call('POST', '/api/groups', { as: 'admin', body: { name: 'billing' } })).status).toBe(
      201,
    );
    expect((await f.call('POST', '/api/groups', { as: 'admin', body: { name: 'Bad Name' } })).status).toBe(
      400,
    );
    const list = await f.call('GET', '/api/groups', { as: 'admin' });
    expect(list.body.items.map((g: { name: string }) => g.name)).toContain('billing');
  });
});

describe('customer routes', () => {
  it('create and search customers (agents)', async () => {
    const created = await f.call('POST', '/api/customers', {
      as: 'lena',
      body: { name: 'Hana Ito', email: 'hana@example.com', segment: 'gold' },
    });
    expect(created.status).toBe(201);
    expect(created.body.id).toMatch(/^c-/);
    const list = await f.call('GET', '/api/customers?segment=gold', { as: 'lena' });
    expect(list.body.items.map((c: { name: string }) => c.name)).toContain('Hana Ito');
  });

  it('show the 360 view to staff and to the customer themself only', async () => {
    await f.call('POST', '/api/cases', {
      as: 'lena',
      body: { flow: 'lost-card', customerId: 'c-1001', channel: 'chat' },
    });
    const staff = await f.call('GET', '/api/customers/c-1001', { as: 'lena' });
    expect(staff.status).toBe(200);
    expect(staff.body).toMatchObject({ id: 'c-1001', segment: 'gold', channels: ['chat'] });
    expect(staff.body.cases).toHaveLength(1);
    // Hers, without the team's notes on her (segment, attributes, tags).
    await f.store.customers.update(
      'c-1001',
      { tags: ['fraud-watch'], attributes: { risk: 'high' } },
      Date.now(),
    );
    const own = await f.call('GET', '/api/customers/c-1001', { as: 'carla' });
    expect(own.status).toBe(200);
    expect(own.body).toMatchObject({ id: 'c-1001', segment: null, attributes: {}, tags: [] });
    expect(JSON.stringify(own.body)).not.toMatch(/gold|fraud-watch|risk/);
    expect((await f.call('GET', '/api/customers/c-1001', { as: 'lena' })).body).toMatchObject({
      segment: 'gold',
      tags: ['fraud-watch'],
    });
    expect((await f.call('GET', '/api/customers/c-1001', { as: 'ben' })).status).toBe(404);
    expect((await f.call('GET', '/api/customers', { as: 'carla' })).status).toBe(403);
  });
});

describe('outbox and survey routes', () => {
  it('show the outbox to admins only', async () => {
    expect((await f.call('GET', '/api/outbox', { as: 'lena' })).status).toBe(403);
    const res = await f.call('GET', '/api/outbox', { as: 'admin' });
    expect(res.status).toBe(200);
    expect(res.body).toHaveProperty('next');
  });

  it('answer 404 for an unknown survey token', async () => {
    expect((await f.call('POST', '/api/surveys/not-a-real-token', { body: { score: 5 } })).status).toBe(404);
  });
});
