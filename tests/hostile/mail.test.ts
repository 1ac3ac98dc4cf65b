import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually } from '../support/eventually';
import { freePort, type RuntimeProcess, startRuntime } from '../support/runtime-process';
import { type SmtpSink, sendMailTo, startSmtpSink } from '../support/smtp';

/**
 * E-mail in and out attacked over real SMTP against the built runtime: a stranger forging
 * the threading of another customer's case (our Message-ID, a case number, the customer's own
 * Message-ID), our own mail coming back, header injection through names, subjects and file
 * names, and a relay that repeats its password in an error.
 */

const PASSWORD = 'relay-s3cret-hostile-77';
const DOMAIN = 'help.example.com';
let sink: SmtpSink;
let rt: RuntimeProcess;
let smtpPort: number;

beforeAll(async () => {
  sink = await startSmtpSink({
    password: PASSWORD,
    onRcptTo(address, _session, callback) {
      // A relay that repeats what it was given, password included, in its refusal.
      if (address.address.startsWith('echo@')) {
        return callback(Object.assign(new Error(`refused for relay:${PASSWORD}`), { responseCode: 550 }));
      }
      callback();
    },
  });
  smtpPort = await freePort();
  rt = await startRuntime({
    LOG_LEVEL: 'info',
    CASEFLOW_SMTP_PORT: String(smtpPort),
    CASEFLOW_SMTP_HOST: '127.0.0.1',
    CASEFLOW_MAIL_DOMAINS: DOMAIN,
    CASEFLOW_MAIL_FROM: `Help desk <help@${DOMAIN}>`,
    CASEFLOW_SMTP_URL: sink.url,
    CASEFLOW_MAIL_REOPEN_DAYS: '7',
  });
}, 120_000);
afterAll(async () => {
  await rt?.stop();
  await sink?.close();
});

/** Sends one mail to the listener; answers the SMTP response text. */
async function send(mail: Record<string, unknown>): Promise<string> {
  return (await sendMailTo(smtpPort, { to: `support@${DOMAIN}`, ...mail })).response;
}
/** Sends a message exactly as written (headers the composer would not write). */
async function rawSend(envelopeFrom: string, raw: string): Promise<string> {
  return (await sendMailTo(smtpPort, { envelope: { from: envelopeFrom, to: [`support@${DOMAIN}`] }, raw }))
    .response;
}
const caseIn = (response: string) => /accepted for (\S+)/.exec(response)?.[1] ?? null;
const caseOf = async (id: string) => (await rt.api('GET', `/api/cases/${id}`, { as: 'admin' })).body;
const bodiesOf = async (id: string) =>
  (await rt.api('GET', `/api/cases/${id}/messages?limit=100`, { as: 'admin' })).body.items.map(
    (m: { body: string }) => m.body,
  );

describe('e-mail attacked (built runtime, SMTP on loopback)', () => {
  let carlaCase = '';
  let carlaNumber = '';

  beforeAll(async () => {
    const res = await send({
      from: 'Carla <carla@example.com>',
      subject: 'My card is blocked',
      text: 'Please unblock my card.',
      messageId: '<carla-hostile-1@example.com>',
    });
    carlaCase = caseIn(res)!;
    expect(carlaCase).toBeTruthy();
    carlaNumber = (await caseOf(carlaCase)).number;
  });

  it("keeps a stranger's mail forging our Message-ID of Carla's case out of her case", async () => {
    const forged = `<cf.${carlaCase}.m-forged@${DOMAIN}>`;
    const res = await send({
      from: 'Mallory <mallory@evil.example>',
      subject: 'Re: your request',
      text: 'mallory-forged-thread',
      inReplyTo: forged,
      references: [forged],
    });
    const got = caseIn(res);
    expect(got).not.toBeNull();
    expect(got).not.toBe(carlaCase);
    expect((await caseOf(got!)).customerId).not.toBe('c-1001');
    expect(await bodiesOf(carlaCase)).not.toContain('mallory-forged-thread');
  });

  it("keeps a stranger naming Carla's case number in the subject out of her case", async () => {
    const res = await send({
      from: 'mallory@evil.example',
      subject: `Re: [${carlaNumber}] My card is blocked`,
      text: 'mallory-forged-number',
    });
    expect(caseIn(res)).not.toBe(carlaCase);
    expect(await bodiesOf(carlaCase)).not.toContain('mallory-forged-number');
  });

  it("neither names Carla's case nor drops her mail when a stranger reuses her Message-ID", async () => {
    // Replaying a Message-ID Carla used: not a duplicate of her message (that answer named her case).
    const replay = await send({
      from: 'mallory@evil.example',
      subject: 'replay',
      text: 'mallory-replayed-id',
      messageId: '<carla-hostile-1@example.com>',
    });
    expect(replay).not.toContain(carlaCase);
    const mallorys = caseIn(replay);
    expect(mallorys).not.toBeNull();
    expect((await caseOf(mallorys!)).customerId).not.toBe('c-1001');
    expect(await bodiesOf(mallorys!)).toContain('mallory-replayed-id');

    // Taking a Message-ID first (Mallory was copied on Carla's mail): Carla's mail still lands.
    const taken = await send({
      from: 'mallory@evil.example',
      subject: 'first',
      text: 'mallory-took-the-id',
      messageId: '<carla-hostile-2@example.com>',
    });
    expect(taken).not.toContain(carlaCase);
    const carla = await send({
      from: 'carla@example.com',
      subject: `Re: [${carlaNumber}] My card is blocked`,
      text: 'carla-second-mail',
      messageId: '<carla-hostile-2@example.com>',
    });
    expect(caseIn(carla)).toBe(carlaCase);
    expect(await bodiesOf(carlaCase)).toContain('carla-second-mail');
    // Carla's own re-delivery of a mail she holds the Message-ID of is still a duplicate.
    const again = await send({
      from: 'carla@example.com',
      subject: 'My card is blocked',
      text: 'Please unblock my card.',
      messageId: '<carla-hostile-1@example.com>',
    });
    expect(caseIn(again)).toBe(carlaCase);
    expect((await bodiesOf(carlaCase)).filter((b: string) => b === 'Please unblock my card.')).toHaveLength(
      1,
    );
  });

  it('opens no case for our own mail coming back (Message-ID, marker header or From)', async () => {
    const before = (await rt.api('GET', '/api/cases?limit=200', { as: 'admin' })).body.items.length;
    const loops = [
      { from: 'someone@evil.example', messageId: `<cf.${carlaCase}.m-1@${DOMAIN}>` },
      { from: 'someone@evil.example', headers: { 'X-Caseflow-Message': 'ob-1' } },
      { from: `Help desk <help@${DOMAIN}>` },
    ];
    for (const loop of loops) {
      const res = await send({ subject: 'loop', text: 'loop-body', ...loop });
      expect(caseIn(res), JSON.stringify(loop)).toBeNull();
    }
    // Our address behind a first From entry that is no address: still our own mail.
    const hidden = await rawSend(
      'someone@evil.example',
      [
        'From: undisclosed-recipients:;, Help desk <help@help.example.com>',
        `To: support@${DOMAIN}`,
        'Subject: loop',
        'Message-ID: <hidden-loop-1@evil.example>',
        '',
        'loop-body',
        '',
      ].join('\r\n'),
    );
    expect(caseIn(hidden)).toBeNull();
    const after = (await rt.api('GET', '/api/cases?limit=200', { as: 'admin' })).body.items.length;
    expect(after).toBe(before);
  });

  it('lets no CR/LF in a name, subject or file name add a header or a recipient to our mail', async () => {
    const res = await send({
      from: { name: 'Eve\r\nBcc: spy@evil.example', address: 'eve@evil.example' },
      subject: 'Hello\r\nBcc: spy2@evil.example',
      text: 'eve-writes',
    });
    const eveCase = caseIn(res)!;
    expect(eveCase).toBeTruthy();
    const reply = await rt.api('POST', `/api/cases/${eveCase}/messages`, {
      as: 'lena',
      body: {
        body: 'Here you go.',
        attachments: [
          {
            name: 'a.pdf\r\nBcc: spy3@evil.example',
            contentType: 'application/pdf',
            content: Buffer.from('%PDF-1.4 x').toString('base64'),
          },
        ],
      },
    });
    expect(reply.status, JSON.stringify(reply.body)).toBe(201);
    const out = await eventually(
      async () => sink.received.find((r) => r.rcpt.includes('eve@evil.example')),
      'the answer to Eve',
    );
    expect(out.rcpt).toEqual(['eve@evil.example']);
    expect(out.mail.bcc).toBeUndefined();
    expect(out.mail.cc).toBeUndefined();
    expect(out.raw).not.toMatch(/^bcc:/im);
    expect(out.raw).not.toMatch(/^[^:\s]*:?\s*spy\d?@evil\.example/im);
    expect(out.mail.attachments).toHaveLength(1);
  });

  it("keeps the relay's password out of the outbox and the log when the relay repeats it", async () => {
    const res = await send({ from: 'echo@evil.example', subject: 'echo', text: 'echo-writes' });
    const echoCase = caseIn(res)!;
    const reply = await rt.api('POST', `/api/cases/${echoCase}/messages`, {
      as: 'lena',
      body: { body: 'An answer the relay refuses.' },
    });
    expect(reply.status).toBe(201);
    const row = await eventually(async () => {
      const outbox = await rt.api('GET', '/api/outbox?limit=100', { as: 'admin' });
      return outbox.body.items.find(
        (o: { caseId: string; status: string }) => o.caseId === echoCase && o.status === 'dead',
      );
    }, 'the refused answer, dead');
    expect(JSON.stringify(row)).toContain('[redacted]');
    const outbox = await rt.api('GET', '/api/outbox?limit=100', { as: 'admin' });
    expect(JSON.stringify(outbox.body)).not.toContain(PASSWORD);
    expect(rt.output()).not.toContain(PASSWORD);
  });
});
