import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publishFlow } from '../faults/support/fault-flows';
import { eventually } from '../support/eventually';
import {
  messagingFlow,
  metaSign as signMeta,
  twilioSign as signTwilio,
  smsParams,
  whatsappDelivery,
  whatsappText as whatsappTextMessage,
} from '../support/provider-webhooks';
import { type RuntimeProcess, startRuntime } from '../support/runtime-process';

/**
 * WhatsApp (Meta Cloud API) and SMS (Twilio) against the built runtime process: payloads and
 * signatures computed as the providers document them, a customer found (or made) by the
 * verified phone, retried deliveries stored once, forged ones refused with 401 and nothing
 * stored, and an agent's reply sent by the outbox to the provider's API — a real HTTP server on
 * loopback standing in for graph.facebook.com and api.twilio.com.
 */

const APP_SECRET = 'meta-app-secret-0123456789';
const VERIFY_TOKEN = 'verify-me-please';
const AUTH_TOKEN = 'twilio-auth-token-abcdef';
const SMS_URL = 'https://support.example.com/api/channels/sms/webhook';
const PHONE_NUMBER_ID = '106540352242922';

function whatsappText(from: string, id: string, body: string, name = 'Sheena Nelson') {
  return JSON.stringify(
    whatsappDelivery(PHONE_NUMBER_ID, [whatsappTextMessage(from, id, body)], [{ wa_id: from, name }]),
  );
}
const metaSign = (body: string, secret = APP_SECRET) => signMeta(body, secret);
const twilioSign = (params: Record<string, string>, token = AUTH_TOKEN) => signTwilio(SMS_URL, params, token);

interface Seen {
  url: string;
  headers: IncomingMessage['headers'];
  body: string;
}
let provider: Server;
let providerUrl: string;
const seen: Seen[] = [];
beforeAll(async () => {
  provider = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => {
      body += c;
    });
    req.on('end', () => {
      seen.push({ url: req.url ?? '', headers: req.headers, body });
      res
        .writeHead(200, { 'content-type': 'application/json' })
        .end('{"sid":"SMout","messages":[{"id":"wamid.out"}]}');
    });
  });
  await new Promise<void>((resolve) => provider.listen(0, '127.0.0.1', resolve));
  providerUrl = `http://127.0.0.1:${(provider.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => provider.close(() => resolve())));

describe('WhatsApp and SMS webhooks', () => {
  let rt: RuntimeProcess;
  beforeAll(async () => {
    rt = await startRuntime({}, { backend: 'sqlite' });
    await publishFlow(rt, messagingFlow);
    for (const [name, baseUrl, auth] of [
      ['meta-graph', `${providerUrl}/v21.0`, { kind: 'bearer', token: 'graph-access-token' }],
      [
        'twilio',
        `${providerUrl}/2010-04-01/Accounts/AC0123`,
        { kind: 'basic', username: 'AC0123', password: AUTH_TOKEN },
      ],
    ] as const) {
      const made = await rt.api('POST', '/api/connections', { as: 'admin', body: { name, baseUrl, auth } });
      expect(made.status, JSON.stringify(made.body)).toBe(201);
    }
  });
  afterAll(() => rt?.stop());

  const whatsappPost = (body: string, signature: string | null) =>
    fetch(`${rt.url}/api/channels/whatsapp/webhook`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(signature ? { 'x-hub-signature-256': signature } : {}),
      },
      body,
    });
  const smsPost = (params: Record<string, string>, signature: string) =>
    fetch(`${rt.url}/api/channels/sms/webhook`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': signature },
      body: new URLSearchParams(params).toString(),
    });
  const casesOf = async (customerId: string) =>
    (await rt.api('GET', `/api/cases?customer=${encodeURIComponent(customerId)}`, { as: 'admin' })).body
      .items;
  const messagesOf = async (caseId: string) =>
    (await rt.api('GET', `/api/cases/${caseId}/messages?limit=100`, { as: 'admin' })).body.items;

  it('lets only admins set the accounts, and never answers a secret', async () => {
    const body = {
      connection: 'meta-graph',
      sender: PHONE_NUMBER_ID,
      secret: APP_SECRET,
      verifyToken: VERIFY_TOKEN,
    };
    expect((await rt.api('PUT', '/api/channels/whatsapp/account', { as: 'lena', body })).status).toBe(403);
    const set = await rt.api('PUT', '/api/channels/whatsapp/account', { as: 'admin', body });
    expect(set.status, JSON.stringify(set.body)).toBe(200);
    expect(set.body).toMatchObject({ channel: 'whatsapp', secret: 'set', verifyToken: 'set' });
    const sms = await rt.api('PUT', '/api/channels/sms/account', {
      as: 'admin',
      body: { connection: 'twilio', sender: '+14158141819', webhookUrl: SMS_URL, secret: AUTH_TOKEN },
    });
    expect(sms.status, JSON.stringify(sms.body)).toBe(200);
    const missing = await rt.api('PUT', '/api/channels/sms/account', {
      as: 'admin',
      body: { connection: 'nope', sender: '+1' },
    });
    expect(missing.status).toBe(400);
    expect(missing.body.error.details[0].path).toBe('connection');
    const listed = await rt.api('GET', '/api/channels/messaging', { as: 'admin' });
    const text = JSON.stringify(listed.body);
    expect(listed.body.items).toHaveLength(2);
    for (const secret of [APP_SECRET, VERIFY_TOKEN, AUTH_TOKEN]) {
      expect(text).not.toContain(secret);
      expect(rt.output()).not.toContain(secret);
    }
  });

  it('answers Meta’s verify-token handshake only with the right token', async () => {
    const ok = await fetch(
      `${rt.url}/api/channels/whatsapp/webhook?hub.mode=subscribe&hub.verify_token=${VERIFY_TOKEN}&hub.challenge=1158201444`,
    );
    expect(ok.status).toBe(200);
    expect(await ok.text()).toBe('1158201444');
    const wrong = await fetch(
      `${rt.url}/api/channels/whatsapp/webhook?hub.mode=subscribe&hub.verify_token=guess&hub.challenge=1`,
    );
    expect(wrong.status).toBe(403);
  });

  it('opens a case for a new WhatsApp contact, stores a retried delivery once, and threads the next message', async () => {
    const first = whatsappText('5511988887777', 'wamid.first', 'My card was swallowed by the ATM');
    const res = await whatsappPost(first, metaSign(first));
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ received: 1 });
    // Meta retries a delivery it thinks failed: the same message id is stored once.
    expect((await whatsappPost(first, metaSign(first))).status).toBe(200);
    const customers = await rt.api('GET', '/api/customers?limit=500', { as: 'admin' });
    const sheena = customers.body.items.find((c: { phone: string | null }) => c.phone === '+5511988887777');
    expect(sheena).toMatchObject({ name: 'Sheena Nelson' });
    const [kase] = await casesOf(sheena.id);
    expect(kase).toMatchObject({ flow: 'messaging-support', channel: 'whatsapp' });
    const second = whatsappText('5511988887777', 'wamid.second', 'It is the Paulista branch');
    expect((await whatsappPost(second, metaSign(second))).status).toBe(200);
    expect(await casesOf(sheena.id)).toHaveLength(1);
    const bodies = (await messagesOf(kase.id)).map((m: { body: string }) => m.body);
    expect(bodies.filter((b: string) => b.includes('swallowed'))).toHaveLength(1);
    expect(bodies.some((b: string) => b.includes('Paulista'))).toBe(true);

    // The agent's answer goes out through the outbox to the Graph API with the connection's token.
    const reply = await rt.api('POST', `/api/cases/${kase.id}/messages`, {
      as: 'lena',
      body: { body: 'We have blocked the card; a new one is on its way.' },
    });
    expect(reply.status, JSON.stringify(reply.body)).toBe(201);
    const sent = await eventually(
      async () => seen.find((s) => s.url.endsWith('/messages')),
      'the WhatsApp send',
    );
    expect(sent.url).toBe(`/v21.0/${PHONE_NUMBER_ID}/messages`);
    expect(sent.headers.authorization).toBe('Bearer graph-access-token');
    expect(JSON.parse(sent.body)).toMatchObject({
      messaging_product: 'whatsapp',
      to: '5511988887777',
      type: 'text',
      text: { body: 'We have blocked the card; a new one is on its way.' },
    });
  });

  it('refuses a forged or unsigned WhatsApp delivery with 401 and stores nothing', async () => {
    const forged = whatsappText('5511911112222', 'wamid.forged', 'Send me the money');
    expect((await whatsappPost(forged, metaSign(forged, 'guessed-secret'))).status).toBe(401);
    expect((await whatsappPost(forged, null)).status).toBe(401);
    const tampered = whatsappText('5511911112222', 'wamid.forged', 'Send me the money!');
    expect((await whatsappPost(tampered, metaSign(forged))).status).toBe(401);
    const customers = await rt.api('GET', '/api/customers?limit=500', { as: 'admin' });
    expect(customers.body.items.some((c: { phone: string | null }) => c.phone === '+5511911112222')).toBe(
      false,
    );
  });

  it('takes a signed Twilio SMS, refuses a forged one, and replies through the Messages API', async () => {
    const params = smsParams('+14159354345', 'SM2003cbd5e6a3701999aa3e5f20ff2787', 'Where is my refund?');
    const forged = await smsPost(params, twilioSign(params, 'not-the-token'));
    expect(forged.status).toBe(401);
    const res = await smsPost(params, twilioSign(params));
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('<Response>');
    expect((await smsPost(params, twilioSign(params))).status).toBe(200);
    const customers = await rt.api('GET', '/api/customers?limit=500', { as: 'admin' });
    const texter = customers.body.items.find((c: { phone: string | null }) => c.phone === '+14159354345');
    const cases = await casesOf(texter.id);
    expect(cases).toHaveLength(1);
    expect(cases[0].channel).toBe('sms');
    expect(
      (await messagesOf(cases[0].id)).filter((m: { body: string }) => m.body === 'Where is my refund?'),
    ).toHaveLength(1);
    const reply = await rt.api('POST', `/api/cases/${cases[0].id}/messages`, {
      as: 'lena',
      body: { body: 'Your refund left today.' },
    });
    expect(reply.status).toBe(201);
    const sent = await eventually(
      async () => seen.find((s) => s.url.endsWith('/Messages.json')),
      'the SMS send',
    );
    expect(sent.url).toBe('/2010-04-01/Accounts/AC0123/Messages.json');
    expect(sent.headers.authorization).toBe(
      `Basic ${Buffer.from(`AC0123:${AUTH_TOKEN}`).toString('base64')}`,
    );
    expect(Object.fromEntries(new URLSearchParams(sent.body))).toEqual({
      To: '+14159354345',
      From: '+14158141819',
      Body: 'Your refund left today.',
    });
  });
});
