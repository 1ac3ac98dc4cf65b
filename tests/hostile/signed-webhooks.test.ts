import { randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publishFlow } from '../faults/support/fault-flows';
import {
  messagingFlow,
  metaSign,
  smsParams,
  twilioSign,
  whatsappDelivery,
  whatsappText,
} from '../support/provider-webhooks';
import { type RuntimeProcess, startRuntime } from '../support/runtime-process';
import { scenarioBackends } from '../support/test-database';
import { startHealthPoller } from './support/health-poller';

/**
 * Hostile content inside validly signed WhatsApp and Twilio deliveries (the signature only says
 * the provider sent it, not that what it carries is sane), on SQLite and PostgreSQL: oversized
 * bodies, a thousand messages in one delivery, deep nesting, invalid UTF-8 and NUL characters,
 * senders that are no phone number, a message naming another customer's case or message,
 * media ids and URLs pointing anywhere, and the same message id replayed at once.
 */

const APP_SECRET = 'meta-app-secret-hostile-0123';
const AUTH_TOKEN = 'twilio-auth-token-hostile';
const SMS_URL = 'https://support.example.com/api/channels/sms/webhook';
const NUMBER_ID = '106540352242922';

/** Every request anything sends to the stand-in provider (a media fetch would show here). */
const heard: string[] = [];
let provider: Server;
let providerUrl = '';
beforeAll(async () => {
  provider = createServer((req, res) => {
    heard.push(`${req.method} ${req.url}`);
    req.resume();
    req.on('end', () => res.writeHead(200, { 'content-type': 'application/json' }).end('{"sid":"SMout"}'));
  });
  await new Promise<void>((resolve) => provider.listen(0, '127.0.0.1', resolve));
  providerUrl = `http://127.0.0.1:${(provider.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => provider.close(() => resolve())));

describe.each(scenarioBackends())(
  'signed messaging webhooks with hostile content on $backend',
  ({ backend, skip }) => {
    describe.skipIf(skip)('attacks', () => {
      let rt: RuntimeProcess;
      let carlaCase = '';
      beforeAll(async () => {
        rt = await startRuntime({}, { backend });
        await publishFlow(rt, messagingFlow);
        for (const [name, path] of [
          ['meta-graph', '/v21.0'],
          ['twilio', '/2010-04-01/Accounts/AC0123'],
        ] as const) {
          const made = await rt.api('POST', '/api/connections', {
            as: 'admin',
            body: {
              name,
              baseUrl: `${providerUrl}${path}`,
              auth: { kind: 'bearer', token: 'provider-token' },
            },
          });
          expect(made.status, JSON.stringify(made.body)).toBe(201);
        }
        const wa = await rt.api('PUT', '/api/channels/whatsapp/account', {
          as: 'admin',
          body: {
            connection: 'meta-graph',
            sender: NUMBER_ID,
            secret: APP_SECRET,
            verifyToken: 'verify-token',
          },
        });
        expect(wa.status, JSON.stringify(wa.body)).toBe(200);
        const sms = await rt.api('PUT', '/api/channels/sms/account', {
          as: 'admin',
          body: { connection: 'twilio', sender: '+14158141819', webhookUrl: SMS_URL, secret: AUTH_TOKEN },
        });
        expect(sms.status, JSON.stringify(sms.body)).toBe(200);
        const open = await rt.api('POST', '/api/cases', {
          as: 'lena',
          body: {
            flow: 'lost-card',
            customerId: 'c-1001',
            channel: 'phone',
            variables: { cardLast4: '4242' },
          },
        });
        expect(open.status, JSON.stringify(open.body)).toBe(201);
        carlaCase = open.body.id;
      }, 120_000);
      afterAll(() => rt?.stop());

      const postWhatsapp = (body: string | Uint8Array, contentType = 'application/json') =>
        fetch(`${rt.url}/api/channels/whatsapp/webhook`, {
          method: 'POST',
          headers: { 'content-type': contentType, 'x-hub-signature-256': metaSign(body, APP_SECRET) },
          body,
        });
      const postSms = (params: Record<string, string>) =>
        fetch(`${rt.url}/api/channels/sms/webhook`, {
          method: 'POST',
          headers: {
            'content-type': 'application/x-www-form-urlencoded',
            'x-twilio-signature': twilioSign(SMS_URL, params, AUTH_TOKEN),
          },
          body: new URLSearchParams(params).toString(),
        });
      const customerOf = async (phone: string) => {
        const all = await rt.api('GET', '/api/customers?limit=500', { as: 'admin' });
        return all.body.items.find((c: { phone: string | null }) => c.phone === phone) as
          | { id: string }
          | undefined;
      };
      const casesOf = async (customerId: string) =>
        (await rt.api('GET', `/api/cases?customer=${encodeURIComponent(customerId)}`, { as: 'admin' })).body
          .items as Array<{ id: string; channel: string }>;
      const bodiesOf = async (caseId: string) =>
        (await rt.api('GET', `/api/cases/${caseId}/messages?limit=100`, { as: 'admin' })).body.items.map(
          (m: { body: string }) => m.body,
        ) as string[];
      const errorOf = async (res: Response) => {
        const text = await res.text();
        return { status: res.status, text };
      };

      it('answers an oversized signed delivery 413 and stores nothing of it', async () => {
        const big = JSON.stringify(
          whatsappDelivery(NUMBER_ID, [whatsappText('5511970000001', 'wamid.big', 'x'.repeat(1_200_000))]),
        );
        const res = await postWhatsapp(big);
        expect(res.status).toBe(413);
        const params = smsParams('+14150000001', 'SMbig', 'y'.repeat(1_200_000));
        expect((await postSms(params)).status).toBe(413);
        expect(await customerOf('+5511970000001')).toBeUndefined();
        expect(await customerOf('+14150000001')).toBeUndefined();
      });

      it('refuses more than a thousand messages in one delivery and takes a full one while staying responsive', async () => {
        const tooMany = {
          object: 'whatsapp_business_account',
          entry: Array.from({ length: 11 }, (_, e) => ({
            changes: Array.from({ length: 1 }, () => ({
              field: 'messages',
              value: {
                metadata: { phone_number_id: NUMBER_ID },
                messages: Array.from({ length: 100 }, (_, i) =>
                  whatsappText('5511970000002', `wamid.many.${e}.${i}`, `many ${e}.${i}`),
                ),
              },
            })),
          })),
        };
        const refused = await postWhatsapp(JSON.stringify(tooMany));
        const answer = await errorOf(refused);
        expect(answer.status, answer.text).toBe(400);
        expect(answer.text).toContain('entry');
        expect(await customerOf('+5511970000002')).toBeUndefined();

        // A hundred entries of ten changes, one message in each: a thousand messages, the cap,
        // spread over ten senders.
        const full = {
          object: 'whatsapp_business_account',
          entry: Array.from({ length: 100 }, (_, e) => ({
            changes: Array.from({ length: 10 }, (_, c) => ({
              field: 'messages',
              value: {
                metadata: { phone_number_id: NUMBER_ID },
                messages: [whatsappText(`55119700001${e % 10}`, `wamid.full.${e}.${c}`, `full ${e}.${c}`)],
              },
            })),
          })),
        };
        const poller = startHealthPoller(`${rt.url}/api/health`, 100, 2000);
        const started = Date.now();
        const took = await postWhatsapp(JSON.stringify(full));
        const elapsed = Date.now() - started;
        const health = await poller.stop();
        const tookAnswer = await errorOf(took);
        expect(tookAnswer.status, tookAnswer.text).toBe(200);
        expect(JSON.parse(tookAnswer.text)).toEqual({ received: 1000 });
        // The runtime went on answering others while it stored them.
        expect(health.bad, `${elapsed} ms: ${JSON.stringify(health.bad.slice(0, 5))}`).toEqual([]);
        const sender = await customerOf('+551197000010');
        expect(sender).toBeDefined();
        const cases = await casesOf(sender!.id);
        expect(cases).toHaveLength(1);
        expect((await bodiesOf(cases[0]!.id)).filter((b) => b.startsWith('full '))).toHaveLength(100);
      });

      it('refuses deep nesting, invalid UTF-8 and NUL characters whatever the content type says', async () => {
        const deep = `{"object":"whatsapp_business_account","entry":[],"x":${'['.repeat(50_000)}${']'.repeat(50_000)}}`;
        const nul = JSON.stringify(
          whatsappDelivery(NUMBER_ID, [whatsappText('5511970000003', 'wamid.nul', 'before\u0000after')]),
        );
        const invalid = Buffer.concat([
          Buffer.from(
            JSON.stringify(whatsappDelivery(NUMBER_ID, [whatsappText('5511970000004', 'wamid.utf', 'ok')])),
          ),
        ]);
        // 0xC3 0x28: an invalid two-byte sequence in the middle of the message text.
        const at = invalid.indexOf('"ok"') + 1;
        invalid[at] = 0xc3;
        invalid[at + 1] = 0x28;
        for (const contentType of ['application/json', 'text/plain', 'application/octet-stream']) {
          for (const [body, what] of [
            [deep, 'deep'],
            [nul, 'nul'],
            [new Uint8Array(invalid), 'utf-8'],
          ] as const) {
            const res = await errorOf(await postWhatsapp(body, contentType));
            expect(res.status, `${what} as ${contentType}: ${res.text}`).toBe(400);
            expect(JSON.parse(res.text).error.details[0].path, what).toMatch(/^(body|x|entry)/);
          }
        }
        expect(await customerOf('+5511970000003')).toBeUndefined();
        expect(await customerOf('+5511970000004')).toBeUndefined();

        // Twilio's form: a NUL and other control characters never reach the store.
        const res = await postSms(smsParams('+14150000003', 'SMnul', 'before\u0000after\u0007bell'));
        expect(res.status).toBe(200);
        const [kase] = await casesOf((await customerOf('+14150000003'))!.id);
        expect(await bodiesOf(kase!.id)).toEqual(['beforeafterbell']);

        // The signature covers the bytes as sent: a delivery that opens with a byte-order mark is
        // Meta's as much as one without (it was refused as forged when checked over decoded text).
        const bom = Buffer.concat([
          Buffer.from([0xef, 0xbb, 0xbf]),
          Buffer.from(
            JSON.stringify(whatsappDelivery(NUMBER_ID, [whatsappText('5511970000005', 'wamid.bom', 'bom')])),
          ),
        ]);
        const taken = await errorOf(await postWhatsapp(new Uint8Array(bom)));
        expect(taken.status, taken.text).toBe(200);
        expect(JSON.parse(taken.text)).toEqual({ received: 1 });
      });

      it('takes no sender that is not a phone number', async () => {
        const notPhones = [
          '',
          '0',
          '123',
          '+',
          'abc',
          '1'.repeat(16),
          '0049301001',
          '+49 30 1001\nBcc: x',
          '\u0665\u0665\u0661\u0661\u0669\u0668\u0668\u0668\u0668\u0667\u0667\u0667\u0667',
          '5511 9 7000-0005; DROP TABLE customers',
        ];
        const delivery = whatsappDelivery(
          NUMBER_ID,
          notPhones.map((from, i) => whatsappText(from, `wamid.notphone.${i}`, `not a phone ${i}`)),
          notPhones.map((from) => ({ wa_id: from, name: 'Nobody' })),
        );
        const body = JSON.stringify(delivery);
        const res = await postWhatsapp(body);
        expect(res.status).toBe(200);
        expect(await res.json()).toEqual({ received: 0 });
        for (const from of [
          'client:alice',
          '+1',
          'whatsapp:',
          '+0123456789',
          '+49 30 1001\r\nX: y',
          'x'.repeat(5000),
        ]) {
          const answer = await errorOf(await postSms(smsParams(from, `SMnot${from.length}`, 'not a phone')));
          expect(answer.status, `${from.slice(0, 20)}: ${answer.text}`).toBe(400);
          expect(JSON.parse(answer.text).error.details[0].path).toBe('From');
        }
        const all = await rt.api('GET', '/api/customers?limit=500', { as: 'admin' });
        expect(JSON.stringify(all.body)).not.toContain('Nobody');
      });

      it("keeps a message on its sender's own case whatever case or message it names", async () => {
        const carla = await rt.api('GET', `/api/cases/${carlaCase}`, { as: 'admin' });
        const number = carla.body.number as string;
        const delivery = whatsappDelivery(NUMBER_ID, [
          {
            ...whatsappText('5511970000006', 'wamid.names', `names-another-case [${number}] ${carlaCase}`),
            context: { from: '49301001', id: 'wamid.first' },
            caseId: carlaCase,
            customerId: 'c-1001',
          },
        ]);
        const res = await postWhatsapp(JSON.stringify({ ...delivery, caseId: carlaCase }));
        expect(res.status).toBe(200);
        const sms = await postSms({
          ...smsParams('+14150000006', 'SMnames', `names-another-case [${number}]`),
          caseId: carlaCase,
          customerId: 'c-1001',
          OriginalRepliedMessageSid: 'SM2003cbd5e6a3701999aa3e5f20ff2787',
        });
        expect(sms.status).toBe(200);
        expect(JSON.stringify(await bodiesOf(carlaCase))).not.toContain('names-another-case');
        for (const phone of ['+5511970000006', '+14150000006']) {
          const who = await customerOf(phone);
          expect(who, phone).toBeDefined();
          expect(who!.id).not.toBe('c-1001');
          const [own] = await casesOf(who!.id);
          expect((await bodiesOf(own!.id)).join(' ')).toContain('names-another-case');
        }
      });

      it('never fetches a media id or URL a delivery names', async () => {
        const before = heard.length;
        const targets = [
          `${providerUrl}/steal-media`,
          'http://169.254.169.254/latest/meta-data/',
          'file:///etc/passwd',
        ];
        const delivery = whatsappDelivery(NUMBER_ID, [
          {
            from: '5511970000007',
            id: 'wamid.media1',
            type: 'image',
            image: { id: '../../../../etc/passwd', link: targets[0] },
          },
          {
            from: '5511970000007',
            id: 'wamid.media2',
            type: 'document',
            document: { id: targets[1], link: targets[2], filename: '<img src=x onerror=alert(1)>\r\n.pdf' },
          },
          {
            from: '5511970000007',
            id: 'wamid.media3',
            type: 'audio',
            audio: { id: `${providerUrl}/steal-audio` },
          },
        ]);
        const res = await postWhatsapp(JSON.stringify(delivery));
        expect(res.status).toBe(200);
        expect(await res.json()).toEqual({ received: 3 });
        const withMedia = {
          ...smsParams('+14150000007', 'SMmedia', ''),
          NumMedia: '3',
          MediaUrl0: `${providerUrl}/steal-sms`,
          MediaContentType0: 'image/jpeg',
          MediaUrl1: targets[1]!,
        };
        expect((await postSms(withMedia)).status).toBe(200);
        for (const n of ['1e309', '-5', 'abc', '11']) {
          const answer = await errorOf(
            await postSms({ ...smsParams('+14150000007', `SMmedia${n}`, ''), NumMedia: n }),
          );
          expect(answer.status, `${n}: ${answer.text}`).toBe(400);
          expect(JSON.parse(answer.text).error.details[0].path).toBe('NumMedia');
        }
        const wa = await customerOf('+5511970000007');
        const [waCase] = await casesOf(wa!.id);
        const waBodies = await bodiesOf(waCase!.id);
        expect(waBodies).toHaveLength(3);
        const texter = await customerOf('+14150000007');
        const [smsCase] = await casesOf(texter!.id);
        const smsBodies = await bodiesOf(smsCase!.id);
        expect(smsBodies).toEqual(['[3 media]']);
        // Give any fetch a moment to happen, then check nothing went out but replies.
        await new Promise((r) => setTimeout(r, 500));
        expect(heard.slice(before).filter((h) => h.includes('steal'))).toEqual([]);
      });

      it('stores a message id replayed at once a single time, and keeps it per sender', async () => {
        const one = JSON.stringify(
          whatsappDelivery(NUMBER_ID, [whatsappText('5511970000008', 'wamid.replay', 'replayed once')]),
        );
        const answers = await Promise.all(Array.from({ length: 20 }, () => postWhatsapp(one)));
        expect(answers.map((a) => a.status)).toEqual(Array(20).fill(200));
        const sender = await customerOf('+5511970000008');
        const cases = await casesOf(sender!.id);
        expect(cases).toHaveLength(1);
        expect((await bodiesOf(cases[0]!.id)).filter((b) => b === 'replayed once')).toHaveLength(1);

        // The same id from another number is that number's message, and leaves the first alone.
        const other = JSON.stringify(
          whatsappDelivery(NUMBER_ID, [
            whatsappText('5511970000009', 'wamid.replay', 'same id, other sender'),
          ]),
        );
        expect((await postWhatsapp(other)).status).toBe(200);
        const second = await customerOf('+5511970000009');
        const [secondCase] = await casesOf(second!.id);
        expect(await bodiesOf(secondCase!.id)).toContain('same id, other sender');
        expect(await bodiesOf(cases[0]!.id)).not.toContain('same id, other sender');

        const params = smsParams('+14150000008', 'SMreplay', 'sms replayed once');
        const smsAnswers = await Promise.all(Array.from({ length: 20 }, () => postSms(params)));
        expect(smsAnswers.map((a) => a.status)).toEqual(Array(20).fill(200));
        const texter = await customerOf('+14150000008');
        const smsCases = await casesOf(texter!.id);
        expect(smsCases).toHaveLength(1);
        expect((await bodiesOf(smsCases[0]!.id)).filter((b) => b === 'sms replayed once')).toHaveLength(1);
      });

      it('bounds what one SMS may carry: its id and its text', async () => {
        const longSid = await errorOf(
          await postSms(smsParams('+14150000010', `SM${randomBytes(3000).toString('hex')}`, 'long id')),
        );
        expect(longSid.status, longSid.text).toBe(400);
        expect(JSON.parse(longSid.text).error.details[0].path).toBe('MessageSid');
        const longBody = await errorOf(
          await postSms(smsParams('+14150000011', 'SMlongbody', 'z'.repeat(400_000))),
        );
        expect(longBody.status, longBody.text).toBe(400);
        expect(JSON.parse(longBody.text).error.details[0].path).toBe('Body');
        expect(await customerOf('+14150000010')).toBeUndefined();
        expect(await customerOf('+14150000011')).toBeUndefined();
      });
    });
  },
);
