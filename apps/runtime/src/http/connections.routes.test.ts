import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type HttpFixture, httpFixture } from './http-fixture';

let f: HttpFixture;
beforeAll(async () => {
  f = await httpFixture();
});
afterAll(() => f.dispose());

const crm = {
  name: 'crm',
  baseUrl: 'https://crm.example/api/',
  allowedHosts: ['CRM-DR.example'],
  description: 'CRM',
  auth: { kind: 'bearer', token: 'crm-token-123' },
};

describe('/api/connections', () => {
  it('is for admins only', async () => {
    for (const as of ['olivia', 'lena', 'carla']) {
      expect((await f.call('GET', '/api/connections', { as })).status).toBe(403);
      expect((await f.call('POST', '/api/connections', { as, body: crm })).status).toBe(403);
    }
  });

  it('creates a connection whose secret is write-only and sealed at rest', async () => {
    const res = await f.call('POST', '/api/connections', { as: 'admin', body: crm });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      name: 'crm',
      baseUrl: 'https://crm.example/api',
      allowedHosts: ['crm-dr.example'],
      auth: { kind: 'bearer' },
      secret: 'set',
      updatedBy: 'admin',
    });
    const listed = await f.call('GET', '/api/connections', { as: 'admin' });
    const one = await f.call('GET', '/api/connections/crm', { as: 'admin' });
    for (const text of [JSON.stringify(res.body), JSON.stringify(listed.body), JSON.stringify(one.body)])
      expect(text).not.toContain('crm-token-123');
    const row = await f.store.connections.get('crm');
    expect(row?.secret).toMatch(/^cf1\./);
    expect(row?.secret).not.toContain('crm-token-123');
    expect((await f.call('POST', '/api/connections', { as: 'admin', body: crm })).status).toBe(409);
  });

  it('keeps the stored secret on a PUT without one, and needs one when the kind changes', async () => {
    const before = (await f.store.connections.get('crm'))!.secret;
    const put = await f.call('PUT', '/api/connections/crm', {
      as: 'admin',
      body: { baseUrl: 'https://crm.example/v2', auth: { kind: 'bearer' } },
    });
    expect(put.status).toBe(200);
    expect(put.body).toMatchObject({ baseUrl: 'https://crm.example/v2', secret: 'set', allowedHosts: [] });
    expect((await f.store.connections.get('crm'))!.secret).toBe(before);
    const kindChange = await f.call('PUT', '/api/connections/crm', {
      as: 'admin',
      body: { baseUrl: 'https://crm.example/v2', auth: { kind: 'basic', username: 'svc' } },
    });
    expect(kindChange.status).toBe(400);
    expect(kindChange.body.error.details).toEqual([expect.objectContaining({ path: 'auth.password' })]);
    const none = await f.call('PUT', '/api/connections/crm', {
      as: 'admin',
      body: { baseUrl: 'https://crm.example/v2', auth: { kind: 'none' } },
    });
    expect(none.body.secret).toBeUndefined();
    expect((await f.call('PUT', '/api/connections/nope', { as: 'admin', body: crm })).status).toBe(400);
    expect(
      (await f.call('PUT', '/api/connections/nope', { as: 'admin', body: { ...crm, name: undefined } }))
        .status,
    ).toBe(404);
  });

  it.each([
    ['name', { ...crm, name: 'Bad Name' }],
    ['baseUrl', { ...crm, name: 'b1', baseUrl: 'ftp://x.example' }],
    ['baseUrl', { ...crm, name: 'b2', baseUrl: 'https://u:p@x.example' }],
    ['baseUrl', { ...crm, name: 'b3', baseUrl: 'https://x.example/?q=1' }],
    ['baseUrl', { ...crm, name: 'b4', baseUrl: 'https://x.example/#f' }],
    ['baseUrl', { ...crm, name: 'b5', baseUrl: 'x.example/api' }],
    [
      'allowedHosts',
      { ...crm, name: 'b6', allowedHosts: Array.from({ length: 21 }, (_, i) => `h${i}.example`) },
    ],
    ['auth.token', { ...crm, name: 'b7', auth: { kind: 'bearer' } }],
    ['auth.token', { ...crm, name: 'b8', auth: { kind: 'bearer', token: 'a\r\nX-Evil: 1' } }],
  ])('refuses a bad %s with 400 naming the field', async (field, body) => {
    const res = await f.call('POST', '/api/connections', { as: 'admin', body });
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body.error)).toContain(field);
  });

  it('refuses to delete a connection an active flow version calls, naming the flow', async () => {
    const res = await f.call('DELETE', '/api/connections/core-banking', { as: 'admin' });
    expect(res.status).toBe(409);
    expect(res.body.error.message).toContain('lost-card');
    expect(res.body.error.details).toEqual({ flows: [{ flow: 'lost-card', version: 1 }] });
    expect((await f.call('DELETE', '/api/connections/crm', { as: 'lena' })).status).toBe(403);
    expect((await f.call('DELETE', '/api/connections/crm', { as: 'admin' })).status).toBe(204);
    expect((await f.call('GET', '/api/connections/crm', { as: 'admin' })).status).toBe(404);
  });

  it('makes flow validation name unknown connections', async () => {
    const draft = (await f.call('GET', '/api/flows/lost-card', { as: 'olivia' })).body.definition;
    const nodes = draft.nodes.map((n: { id: string; action?: object }) =>
      n.id === 'freeze' ? { ...n, action: { ...n.action, connection: 'nope' } } : n,
    );
    const res = await f.call('POST', '/api/flows/lost-card/validate', {
      as: 'olivia',
      body: { definition: { ...draft, nodes } },
    });
    expect(res.body.problems).toContainEqual(expect.objectContaining({ code: 'unknown-connection' }));
  });
});
