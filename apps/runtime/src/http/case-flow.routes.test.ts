import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type HttpFixture, httpFixture, openCarlasLostCard } from './http-fixture';

let f: HttpFixture;
let carlasCase: string;
beforeAll(async () => {
  f = await httpFixture();
  carlasCase = await openCarlasLostCard(f, 'Card lost');
});
afterAll(() => f.dispose());

describe('GET /api/cases/:id/flow', () => {
  it("answers an agent the definition of the case's own version, which agents cannot read directly", async () => {
    const res = await f.call('GET', `/api/cases/${carlasCase}/flow`, { as: 'lena' });
    expect(res.status).toBe(200);
    const stored = (await f.runtime.getVersion('lost-card', 1))!;
    expect(res.body).toEqual({ flow: 'lost-card', version: 1, definition: stored.definition });
    expect((await f.call('GET', '/api/flows/lost-card/versions/1', { as: 'lena' })).status).toBe(403);
  });

  it('keeps answering the version the case started on after a newer one is published', async () => {
    const draft = (await f.call('GET', '/api/flows/lost-card', { as: 'olivia' })).body.definition;
    const renamed = { ...draft, name: `${draft.name} (v2)` };
    expect(
      (await f.call('PUT', '/api/flows/lost-card', { as: 'olivia', body: { definition: renamed } })).status,
    ).toBe(200);
    const published = await f.call('POST', '/api/flows/lost-card/publish', {
      as: 'olivia',
      body: { note: 'v2' },
    });
    expect(published.status).toBe(201);
    const res = await f.call('GET', `/api/cases/${carlasCase}/flow`, { as: 'lena' });
    expect(res.body.version).toBe(1);
    expect(res.body.definition.name).not.toBe(renamed.name);
  });

  it('keeps the definition from customers, their own case included, and answers 404 for no case', async () => {
    expect((await f.call('GET', `/api/cases/${carlasCase}/flow`, { as: 'carla' })).status).toBe(403);
    expect((await f.call('GET', `/api/cases/${carlasCase}/flow`, { as: 'ben' })).status).toBe(403);
    expect((await f.call('GET', '/api/cases/no-such-case/flow', { as: 'lena' })).status).toBe(404);
    expect((await f.call('GET', `/api/cases/${carlasCase}/flow`)).status).toBe(401);
  });
});
