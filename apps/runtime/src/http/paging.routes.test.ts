import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type HttpFixture, httpFixture, openCarlasLostCard } from './http-fixture';

let f: HttpFixture;
beforeAll(async () => {
  f = await httpFixture();
});
afterAll(() => f.dispose());

const garbled = [
  'garbage',
  Buffer.from('"str"').toString('base64url'),
  Buffer.from('[1e400,"x"]').toString('base64url'),
];

describe('list cursors', () => {
  it('refuses a cursor the list did not give (400 naming cursor) instead of serving page 1 again', async () => {
    for (const path of ['/api/cases', '/api/tasks', '/api/outbox', '/api/incidents']) {
      for (const cursor of garbled) {
        const res = await f.call('GET', `${path}?cursor=${encodeURIComponent(cursor)}`, { as: 'admin' });
        expect(res.status, `${path} ${cursor}`).toBe(400);
        expect(res.body.error.details, path).toEqual([{ path: 'cursor', message: expect.any(String) }]);
      }
    }
  });

  it('pages on with the cursor a list gave', async () => {
    const opened = [await openCarlasLostCard(f, 'one'), await openCarlasLostCard(f, 'two')];
    const first = await f.call('GET', '/api/cases?limit=1', { as: 'admin' });
    expect(first.status).toBe(200);
    const next = await f.call('GET', `/api/cases?limit=1&cursor=${encodeURIComponent(first.body.next)}`, {
      as: 'admin',
    });
    expect(next.status).toBe(200);
    expect([first.body.items[0].id, next.body.items[0].id].sort()).toEqual(opened.sort());
  });
});
