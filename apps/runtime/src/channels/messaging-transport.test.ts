import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { callTargetResolver } from '../connections/call-target';
import { sealSecret } from '../connections/secret-box';
import type { Transport } from '../outbox/transport';
import { T0 } from '../store/contract/fixtures';
import { openSqliteStore } from '../store/sqlite/sqlite-store';
import type { OutboxRow, Store } from '../store/store';
import { messagingTransport } from './messaging-transport';

/** A real HTTP server on loopback standing in for the Graph and Twilio APIs. */
interface Seen {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: string;
}
let server: Server;
let base: string;
const seen: Seen[] = [];
let answer = 200;
beforeAll(async () => {
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => {
      body += chunk;
    });
    req.on('end', () => {
      seen.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body });
      res.writeHead(answer, { 'content-type': 'application/json' }).end('{"messages":[{"id":"wamid.out"}]}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const key = randomBytes(32);
const logged: OutboxRow[] = [];
const fallback: Transport = {
  name: 'log',
  async deliver(row) {
    logged.push(row);
    return { ok: true };
  },
};
let store: Store;
let transport: Transport;
beforeEach(async () => {
  seen.length = 0;
  logged.length = 0;
  answer = 200;
  store = await openSqliteStore({ file: ':memory:' });
  const connection = (name: string, baseUrl: string, auth: Record<string, unknown>, secret: string) =>
    store.connections.create({
      name,
      baseUrl,
      allowedHosts: [],
      auth,
      secret: sealSecret(key, secret, name),
      description: null,
      updatedBy: 'admin',
      createdAt: T0,
      updatedAt: T0,
    });
  await connection('meta', `${base}/v21.0`, { kind: 'bearer' }, 'graph-token');
  await connection(
    'twilio',
    `${base}/2010-04-01/Accounts/AC123`,
    { kind: 'basic', username: 'AC123' },
    'auth-token',
  );
  const account = {
    webhookUrl: null,
    secret: 'sealed',
    verifyToken: null,
    updatedAt: T0,
    updatedBy: 'admin',
  };
  await store.messaging.putAccount({
    ...account,
    channel: 'whatsapp',
    connection: 'meta',
    sender: '106540352242922',
  });
  await store.messaging.putAccount({
    ...account,
    channel: 'sms',
    connection: 'twilio',
    sender: '+14158141819',
  });
  transport = messagingTransport(fallback, { store, resolveTarget: callTargetResolver(store, key) });
});

const row = (payload: Record<string, unknown>, kind: OutboxRow['kind'] = 'message'): OutboxRow => ({
  id: 'o-1',
  caseId: 'c1',
  kind,
  idempotencyKey: 'c1/message/m-1',
  payload,
  status: 'pending',
  attempts: 1,
  nextAttemptAt: T0,
  lastError: null,
  createdAt: T0,
  deliveredAt: null,
});

describe('messaging transport', () => {
  it('sends a WhatsApp reply as the Cloud API expects, with the connection’s token', async () => {
    const result = await transport.deliver(
      row({ channel: 'whatsapp', messageId: 'm-1', to: '+5511999990000', body: 'Your card is on its way' }),
    );
    expect(result).toEqual({ ok: true, status: 200 });
    expect(seen).toHaveLength(1);
    const [call] = seen;
    expect(call).toMatchObject({ method: 'POST', url: '/v21.0/106540352242922/messages' });
    expect(call!.headers.authorization).toBe('Bearer graph-token');
    expect(call!.headers['idempotency-key']).toBe('c1/message/m-1');
    expect(JSON.parse(call!.body)).toEqual({
      messaging_product: 'whatsapp',
      recipient_type: 'individual',
      to: '5511999990000',
      type: 'text',
      text: { preview_url: false, body: 'Your card is on its way' },
    });
  });

  it('sends an SMS reply to Twilio’s Messages API, form-encoded with basic auth', async () => {
    await transport.deliver(row({ channel: 'sms', messageId: 'm-1', to: '+14159354345', body: 'Olá!' }));
    const [call] = seen;
    expect(call!.url).toBe('/2010-04-01/Accounts/AC123/Messages.json');
    expect(call!.headers.authorization).toBe(`Basic ${Buffer.from('AC123:auth-token').toString('base64')}`);
    expect(call!.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(Object.fromEntries(new URLSearchParams(call!.body))).toEqual({
      To: '+14159354345',
      From: '+14158141819',
      Body: 'Olá!',
    });
  });

  it('asks the outbox to retry on 5xx and 429, and gives up on other 4xx', async () => {
    answer = 503;
    const reply = row({ channel: 'sms', messageId: 'm-1', to: '+14159354345', body: 'x' });
    expect(await transport.deliver(reply)).toMatchObject({ ok: false, status: 503, retryable: true });
    answer = 429;
    expect(await transport.deliver(reply)).toMatchObject({ ok: false, retryable: true });
    answer = 400;
    expect(await transport.deliver(reply)).toMatchObject({ ok: false, status: 400, retryable: false });
  });

  it('gives up when the channel has no account, and passes every other row on', async () => {
    await store.messaging.putAccount({
      channel: 'sms',
      connection: 'missing',
      sender: '+1415',
      webhookUrl: null,
      secret: 's',
      verifyToken: null,
      updatedAt: T0,
      updatedBy: null,
    });
    const result = await transport.deliver(
      row({ channel: 'sms', messageId: 'm', to: '+14159354345', body: 'x' }),
    );
    expect(result).toMatchObject({ ok: false, retryable: false, error: expect.stringContaining('missing') });
    await transport.deliver(row({ channel: 'email', body: 'x' }));
    await transport.deliver(row({ template: 't' }, 'notify'));
    expect(logged).toHaveLength(2);
    expect(seen).toHaveLength(0);
  });
});
