import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publishChatFlow } from '../support/chat-flow';
import { type RuntimeProcess, startRuntime } from '../support/runtime-process';

/**
 * The anonymous visitor chat attacked over HTTP (tests/http/visitor-chat.test.ts has the
 * happy path, cross-visitor reads, expiry and a flood from one address): a flood that forges
 * X-Forwarded-For behind no trusted proxy, the visitor's token used as a bearer token, a
 * message that names another case, and header-breaking names and addresses.
 */

describe('anonymous visitor chat attacked (SQLite)', () => {
  let rt: RuntimeProcess;
  let carlaCase = '';
  beforeAll(async () => {
    rt = await startRuntime({});
    await publishChatFlow(rt, 'visitor-chat', 'Visitor chat');
    const open = await rt.api('POST', '/api/cases', {
      as: 'lena',
      body: { flow: 'lost-card', customerId: 'c-1001', channel: 'phone', variables: { cardLast4: '4242' } },
    });
    expect(open.status, JSON.stringify(open.body)).toBe(201);
    carlaCase = open.body.id;
  }, 120_000);
  afterAll(() => rt?.stop());

  const openChat = (
    email: string,
    extra: Record<string, unknown> = {},
    headers: Record<string, string> = {},
  ) =>
    rt.api('POST', '/api/chat/visitor', {
      body: { name: 'Visitor', email, body: 'hello', ...extra },
      headers,
    });
  const cookieOf = (res: { headers: Headers }) => (res.headers.get('set-cookie') ?? '').split(';')[0]!;

  it('refuses header-breaking names and addresses, oversized bodies, and fields it does not take', async () => {
    const bad: Array<[Record<string, unknown>, string]> = [
      [{ name: 'Eve\r\nBcc: spy@evil.example', email: 'eve@evil.example', body: 'x' }, 'name'],
      [{ name: 'Eve', email: 'eve@evil.example\r\nBcc: spy@evil.example', body: 'x' }, 'email'],
      [{ name: 'Eve', email: 'Eve <eve@evil.example>', body: 'x' }, 'email'],
      [{ name: 'Eve', email: 'eve@evil.example', body: 'x'.repeat(5001) }, 'body'],
      [{ name: 'x'.repeat(101), email: 'eve@evil.example', body: 'x' }, 'name'],
    ];
    for (const [body, field] of bad) {
      const res = await rt.api('POST', '/api/chat/visitor', { body });
      expect(res.status, JSON.stringify(res.body)).toBe(400);
      expect(JSON.stringify(res.body.error.details)).toContain(field);
    }
  });

  it("keeps a visitor's message on the visitor's own case whatever case it names", async () => {
    const opened = await openChat('carla@example.com');
    expect(opened.status, JSON.stringify(opened.body)).toBe(201);
    const cookie = cookieOf(opened);
    const sent = await rt.api('POST', '/api/chat/visitor/messages', {
      headers: { cookie },
      body: { body: 'visitor-names-another-case', caseId: carlaCase, customerId: 'c-1002' },
    });
    expect([201, 400]).toContain(sent.status);
    const carla = await rt.api('GET', `/api/cases/${carlaCase}/messages?limit=100`, { as: 'admin' });
    expect(JSON.stringify(carla.body)).not.toContain('visitor-names-another-case');
    // The token is no bearer token: none of the signed-in routes take it.
    const token = cookie.split('=')[1]!;
    for (const path of [`/api/cases/${carlaCase}`, '/api/cases', '/api/auth/me', '/api/chat']) {
      expect((await rt.api('GET', path, { token })).status, path).toBe(401);
    }
  });

  it('counts openings by the socket address when X-Forwarded-For is not trusted', async () => {
    const answers = [];
    for (let i = 0; i < 8; i++) {
      answers.push(await openChat(`spoof${i}@example.org`, {}, { 'x-forwarded-for': `203.0.113.${i + 1}` }));
    }
    const statuses = answers.map((a) => a.status);
    // One socket address: at most the per-source allowance (5, one used above) gets through.
    expect(statuses.filter((s) => s === 201).length, JSON.stringify(statuses)).toBeLessThanOrEqual(4);
    expect(
      statuses.every((s) => s === 201 || s === 429),
      JSON.stringify(statuses),
    ).toBe(true);
  });
});
