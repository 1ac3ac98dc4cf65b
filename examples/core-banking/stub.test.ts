import { afterEach, describe, expect, it } from 'vitest';
import { type CoreBankingStub, startCoreBankingStub } from './stub';

let stub: CoreBankingStub | null = null;
afterEach(async () => {
  await stub?.close();
  stub = null;
});

interface Frozen {
  frozen: boolean;
  customerId: string;
  reference: string;
}

const freeze = (url: string, key?: string) =>
  fetch(`${url}/accounts/c-1001/freeze`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(key ? { 'idempotency-key': key } : {}) },
    body: JSON.stringify({ reason: 'lost-card', caseId: 'c1' }),
  });

describe('core-banking stub', () => {
  it('freezes the accounts of a customer and records the call', async () => {
    stub = await startCoreBankingStub();
    expect(stub.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const res = await freeze(stub.url, 'k1');
    expect(res.status).toBe(200);
    const body = (await res.json()) as Frozen;
    expect(body).toEqual({ frozen: true, customerId: 'c-1001', reference: expect.any(String) });
    expect(stub.calls).toEqual([
      {
        customerId: 'c-1001',
        body: { reason: 'lost-card', caseId: 'c1' },
        idempotencyKey: 'k1',
        authorization: null,
        status: 200,
        reference: body.reference,
      },
    ]);
  });

  it('answers a repeated idempotency key with the first reference', async () => {
    stub = await startCoreBankingStub();
    const first = (await (await freeze(stub.url, 'same')).json()) as Frozen;
    const again = (await (await freeze(stub.url, 'same')).json()) as Frozen;
    const other = (await (await freeze(stub.url, 'other')).json()) as Frozen;
    expect(again.reference).toBe(first.reference);
    expect(other.reference).not.toBe(first.reference);
  });

  it('fails exactly the next n calls with 503, then recovers', async () => {
    stub = await startCoreBankingStub();
    stub.failNext(2);
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await freeze(stub.url, `k${i}`)).status);
    expect(statuses).toEqual([503, 503, 200]);
    expect(stub.calls.map((c) => c.status)).toEqual([503, 503, 200]);
    expect(stub.calls[0]?.reference).toBeNull();
  });

  it('answers 404 for other routes and methods', async () => {
    stub = await startCoreBankingStub();
    expect((await fetch(`${stub.url}/accounts/c-1001/freeze`)).status).toBe(404);
    expect((await fetch(`${stub.url}/accounts`, { method: 'POST' })).status).toBe(404);
    expect(stub.calls).toHaveLength(0);
  });

  it('with a token, refuses calls without the bearer token and records what came', async () => {
    stub = await startCoreBankingStub({ token: 'tok-1' });
    expect((await freeze(stub.url)).status).toBe(401);
    const ok = await fetch(`${stub.url}/accounts/c-1001/freeze`, {
      method: 'POST',
      headers: { authorization: 'Bearer tok-1' },
      body: '{}',
    });
    expect(ok.status).toBe(200);
    expect(stub.calls.map((c) => [c.status, c.authorization])).toEqual([
      [401, null],
      [200, 'Bearer tok-1'],
    ]);
  });
});
