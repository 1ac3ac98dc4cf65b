import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { oneTaskFlow } from '../../../../tests/support/one-task-flow';
import { type HttpFixture, httpFixture } from './http-fixture';

let f: HttpFixture;
beforeAll(async () => {
  f = await httpFixture();
});
afterAll(() => f.dispose());

const flow = (title: string) => oneTaskFlow('handoff', 'Hand off', title);

async function publish(title: string): Promise<number> {
  await f.call('PUT', '/api/flows/handoff', { as: 'olivia', body: { definition: flow(title) } });
  return (await f.call('POST', '/api/flows/handoff/publish', { as: 'olivia', body: {} })).body.version;
}

describe('activation requests', () => {
  it('lets an owner ask with a note, shows it to admins, and settles it when an admin activates', async () => {
    expect(await publish('Hand off')).toBe(1);
    expect(await publish('Hand off with care')).toBe(2);

    const noNote = await f.call('POST', '/api/flows/handoff/activation-requests', {
      as: 'olivia',
      body: { version: 2, note: '  ' },
    });
    expect(noNote.status).toBe(400);
    expect(noNote.body.error.details.map((d: { path: string }) => d.path)).toEqual(['note']);
    const agent = await f.call('POST', '/api/flows/handoff/activation-requests', {
      as: 'lena',
      body: { version: 2, note: 'please' },
    });
    expect(agent.status).toBe(403);

    const asked = await f.call('POST', '/api/flows/handoff/activation-requests', {
      as: 'olivia',
      body: { version: 2, note: 'clearer title for the desk' },
    });
    expect(asked.status).toBe(201);
    expect(asked.body).toMatchObject({
      version: 2,
      status: 'pending',
      requestedBy: 'olivia',
      decidedBy: null,
    });
    expect(asked.body.requestedAt).toMatch(/^\d{4}-\d\d-\d\dT/);

    expect((await f.call('GET', '/api/activation-requests', { as: 'olivia' })).status).toBe(403);
    const pending = await f.call('GET', '/api/activation-requests', { as: 'admin' });
    expect(pending.body.items.map((r: { id: string }) => r.id)).toEqual([asked.body.id]);

    expect(
      (await f.call('POST', '/api/flows/handoff/activate', { as: 'olivia', body: { version: 2 } })).status,
    ).toBe(403);
    const activated = await f.call('POST', '/api/flows/handoff/activate', {
      as: 'admin',
      body: { version: 2, note: 'looks good' },
    });
    expect(activated.body).toEqual({ key: 'handoff', activeVersion: 2 });
    const history = await f.call('GET', '/api/flows/handoff/activation-requests', { as: 'olivia' });
    expect(history.body.items[0]).toMatchObject({
      id: asked.body.id,
      status: 'activated',
      decidedBy: 'admin',
      decisionNote: 'looks good',
    });
    expect((await f.call('GET', '/api/activation-requests', { as: 'admin' })).body.items).toEqual([]);
  });

  it('lets an admin reject a request with a note, once', async () => {
    expect(await publish('Hand off, v3')).toBe(3);
    const asked = await f.call('POST', '/api/flows/handoff/activation-requests', {
      as: 'olivia',
      body: { version: 3, note: 'try this' },
    });
    const path = `/api/flows/handoff/activation-requests/${asked.body.id}/reject`;
    expect((await f.call('POST', path, { as: 'olivia', body: { note: 'no' } })).status).toBe(403);
    expect((await f.call('POST', path, { as: 'admin', body: {} })).status).toBe(400);
    const rejected = await f.call('POST', path, { as: 'admin', body: { note: 'the title is unclear' } });
    expect(rejected.body).toMatchObject({ status: 'rejected', decisionNote: 'the title is unclear' });
    expect((await f.call('POST', path, { as: 'admin', body: { note: 'again' } })).status).toBe(409);
    expect(
      (
        await f.call('POST', '/api/flows/handoff/activation-requests/nope/reject', {
          as: 'admin',
          body: { note: 'x' },
        })
      ).status,
    ).toBe(404);
  });
});
