import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { flowChoices } from '../executor/flow-choices';
import { type HttpFixture, httpFixture } from './http-fixture';

describe('GET /api/flow-choices', () => {
  let f: HttpFixture;
  beforeAll(async () => {
    f = await httpFixture();
  });
  afterAll(() => f.dispose());

  it('lists what the demo installation offers a flow, by name', async () => {
    const res = await f.call('GET', '/api/flow-choices', { as: 'olivia' });
    expect(res.status).toBe(200);
    const names = (items: Array<{ name?: string; key?: string }>) => items.map((i) => i.name ?? i.key);
    expect(names(res.body.groups)).toEqual(expect.arrayContaining(['card-ops', 'fraud', 'service-desk']));
    expect(res.body.calendars).toContainEqual(expect.objectContaining({ key: 'business' }));
    expect(res.body.templates).toContainEqual({
      key: 'card-replaced',
      subject: { en: expect.any(String), 'pt-BR': expect.any(String) },
    });
    expect(res.body.connections).toEqual([{ name: 'core-banking' }]);
    // Staff by username and display name only; customers are never listed.
    const usernames = res.body.users.map((u: { username: string }) => u.username);
    expect(usernames).toEqual(expect.arrayContaining(['admin', 'lena', 'marco', 'olivia']));
    expect(usernames).not.toContain('carla');
    for (const u of res.body.users) expect(Object.keys(u).sort()).toEqual(['displayName', 'username']);
    expect(res.body.flows).toContainEqual({ key: 'fraud-check', name: expect.any(String), kind: 'subflow' });
    // Published help articles a notify node may send, each once, with their titles per language.
    const slugs = res.body.articles.map((a: { slug: string }) => a.slug);
    expect(slugs).toContain('lost-card');
    expect(new Set(slugs).size).toBe(slugs.length);
    for (const a of res.body.articles) expect(Object.keys(a.title).length).toBeGreaterThan(0);
    // Sorted, so a picker reads like a list.
    expect(names(res.body.groups)).toEqual([...names(res.body.groups)].sort((a, b) => a!.localeCompare(b!)));
  });

  it('shows connections by name only: no base URL, no credentials', async () => {
    const res = await f.call('GET', '/api/flow-choices', { as: 'olivia' });
    expect(JSON.stringify(res.body.connections)).not.toMatch(/http|secret|token|auth/i);
  });

  it('is for owners and admins', async () => {
    expect((await f.call('GET', '/api/flow-choices', { as: 'admin' })).status).toBe(200);
    expect((await f.call('GET', '/api/flow-choices', { as: 'lena' })).status).toBe(403);
    expect((await f.call('GET', '/api/flow-choices', { as: 'carla' })).status).toBe(403);
    expect((await f.call('GET', '/api/flow-choices')).status).toBe(401);
  });

  it('is refused by the query itself to agents and unknown names, whatever route calls it', async () => {
    const { store, calendars } = f.runtime;
    await expect(flowChoices(store, calendars, 'lena')).rejects.toMatchObject({ status: 403 });
    await expect(flowChoices(store, calendars, 'nobody')).rejects.toMatchObject({ status: 403 });
    await expect(flowChoices(store, calendars, 'olivia')).resolves.toMatchObject({
      groups: expect.any(Array),
    });
  });
});
