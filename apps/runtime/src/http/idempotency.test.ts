import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pgReachable, pgTempStore } from '../executor/test-support/pg-temp-store';
import { type HttpFixture, httpFixture } from './http-fixture';

const pg = await pgReachable();

/** Opens a case with the key; every caller sends the same body. */
const open = (f: HttpFixture, key: string, subject: string) =>
  f.call('POST', '/api/cases', {
    as: 'lena',
    headers: { 'idempotency-key': key },
    body: { flow: 'lost-card', customerId: 'c-1006', channel: 'phone', subject },
  });

async function casesWithSubject(f: HttpFixture, subject: string): Promise<number> {
  const list = await f.call('GET', '/api/cases?customer=c-1006&limit=500', { as: 'lena' });
  return list.body.items.filter((c: { subject: string }) => c.subject === subject).length;
}

describe.skipIf(!pg)('Idempotency-Key on PostgreSQL, two runtimes on one database', () => {
  let a: HttpFixture;
  let b: HttpFixture;
  let dispose: () => Promise<void>;
  beforeAll(async () => {
    const db = await pgTempStore();
    dispose = db.dispose;
    a = await httpFixture({}, { store: db.store });
    b = await httpFixture({}, { store: await db.openAnother(), seed: false });
  });
  afterAll(async () => {
    await a.dispose();
    await b.dispose();
    await dispose();
  });

  it('opens one case when the same key reaches both processes at once, and answers it everywhere', async () => {
    const answers = await Promise.all([a, b, a, b, a, b].map((f) => open(f, 'retry-77', 'across processes')));
    expect(answers.map((x) => x.status)).toEqual([201, 201, 201, 201, 201, 201]);
    expect(new Set(answers.map((x) => x.body.id)).size).toBe(1);
    expect(answers.filter((x) => x.headers.get('idempotent-replayed') === 'true')).toHaveLength(5);
    expect(await casesWithSubject(a, 'across processes')).toBe(1);
  });

  it('answers a later retry on the other process from the record', async () => {
    const first = await open(a, 'retry-78', 'later retry');
    const again = await open(b, 'retry-78', 'later retry');
    expect(again.body.id).toBe(first.body.id);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
  });
});
