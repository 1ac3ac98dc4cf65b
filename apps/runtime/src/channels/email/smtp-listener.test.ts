import { createTransport } from 'nodemailer';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { contactId } from '../../executor/inbound-message';
import { supportFlow } from '../../executor/test-support/flows';
import { type RuntimeFixture, runtimeFixture } from '../../executor/test-support/runtime-fixture';
import { loadMailConfig } from './mail-config';
import { caseMessageId } from './mail-ids';
import { type MailOutcome, type SmtpListener, startSmtpListener } from './smtp-listener';

/** The support flow, opened by new e-mail conversations. */
const mailFlow = {
  ...supportFlow,
  key: 'mail-support',
  nodes: supportFlow.nodes.map((n) =>
    n.type === 'start' ? { ...n, trigger: { kind: 'case' as const, channels: ['email' as const] } } : n,
  ),
};

describe('SMTP listener (real SMTP on loopback)', () => {
  let f: RuntimeFixture;
  let smtp: SmtpListener;
  const outcomes: MailOutcome[] = [];
  const config = loadMailConfig(
    {
      CASEFLOW_MAIL_DOMAINS: 'help.example.com',
      CASEFLOW_MAIL_MAX_BYTES: String(200 * 1024),
      CASEFLOW_MAIL_MAX_RECIPIENTS: '20',
      CASEFLOW_SMTP_MAX_CLIENTS: '5',
      CASEFLOW_SMTP_HOST: '127.0.0.1',
      CASEFLOW_MAIL_FROM: 'Help <help@help.example.com>',
    },
    false,
  );
  beforeEach(async () => {
    outcomes.length = 0;
    f = await runtimeFixture();
    await f.publish(mailFlow);
    smtp = await startSmtpListener({
      runtime: f.runtime,
      config,
      logger: f.logger as never,
      port: 0,
      onMail: (o) => outcomes.push(o),
    });
  });
  afterEach(async () => {
    await smtp.close();
    await f.dispose();
  });

  const client = () =>
    createTransport({ host: '127.0.0.1', port: smtp.port, secure: false, ignoreTLS: true, pool: false });
  const send = (mail: Parameters<ReturnType<typeof client>['sendMail']>[0]) =>
    client().sendMail({ from: 'Carla <carla@example.com>', to: 'help@help.example.com', ...mail });
  const casesOf = async (customerId: string) => (await f.store.cases.list({ customerId, limit: 500 })).items;

  it('opens a case from a plain mail, the sender resolved to the customer by address', async () => {
    const info = await send({ subject: 'Lost card', text: 'I lost my card yesterday.' });
    expect(info.response).toMatch(/^250 /);
    const [c] = await casesOf('cu-1');
    expect(c).toMatchObject({ flow: 'mail-support', channel: 'email', subject: 'Lost card' });
    const [m] = await f.store.messages.listByCase(c!.id);
    expect(m).toMatchObject({
      from: 'customer',
      body: 'I lost my card yesterday.',
      address: 'carla@example.com',
    });
  });

  it('keeps a multipart mail: sanitised HTML, text, files; refused file types are noted for staff', async () => {
    await send({
      subject: 'Receipt',
      text: 'See the receipt.',
      html: '<p>See the <b>receipt</b>.<script>alert(1)</script><img src="http://track/x"></p>',
      attachments: [
        { filename: 'receipt.pdf', content: Buffer.from('%PDF-1.4 receipt'), contentType: 'application/pdf' },
        { filename: 'run.exe', content: Buffer.from('MZ'), contentType: 'application/x-msdownload' },
      ],
    });
    const [c] = await casesOf('cu-1');
    const messages = await f.store.messages.listByCase(c!.id);
    // Same instant on the manual clock: told apart by visibility, not by order.
    const mail = messages.find((m) => m.visibility === 'public')!;
    const note = messages.find((m) => m.visibility === 'internal')!;
    expect(mail.html).toBe('<p>See the <b>receipt</b>.</p>');
    const files = await f.store.channels.attachmentsOf([mail.id]);
    expect(files.map((x) => [x.name, x.contentType, x.size])).toEqual([
      ['receipt.pdf', 'application/pdf', 16],
    ]);
    expect(note).toMatchObject({ from: 'system' });
    expect(note.body).toContain('run.exe');
  });

  it('threads a reply by In-Reply-To, trims the quote and delivers customer-replied; by subject number too', async () => {
    await send({ subject: 'Lost card', text: 'Lost it.', messageId: '<first@example.com>' });
    const [c] = await casesOf('cu-1');
    const task = (await f.runtime.getCase(c!.id))!.tasks[0]!;
    await f.runtime.completeTask(task.id, { outcome: 'wait', values: { note: 'asked' } }, 'ann');
    await send({
      subject: 'Re: Lost card',
      text: 'Found it under the sofa.\n\nOn Mon, 5 Jan 2026, Help <help@help.example.com> wrote:\n> Where did you lose it?',
      inReplyTo: caseMessageId(c!.id, 'm1', 'help.example.com'),
    });
    expect(outcomes.at(-1)).toMatchObject({ kind: 'delivered', outcome: 'threaded', caseId: c!.id });
    expect((await f.store.cases.get(c!.id))!.status).toBe('resolved');
    const bodies = (await f.store.messages.listByCase(c!.id)).map((m) => m.body);
    expect(bodies).toContain('Found it under the sofa.');
    expect(bodies.join('\n')).not.toContain('Where did you lose it?');

    await send({ subject: 'Another thing', text: 'New question.' });
    const other = (await casesOf('cu-1')).find((x) => x.id !== c!.id)!;
    const number = `REQ-${String(other.number).padStart(6, '0')}`;
    await send({ subject: `Re: [${number}] Another thing`, text: 'More details.' });
    expect(outcomes.at(-1)).toMatchObject({ outcome: 'threaded', caseId: other.id });
  });

  it('never opens cases for auto-replies, bounces or our own mail', async () => {
    await send({
      subject: 'Out of office',
      text: 'I am away',
      headers: { 'Auto-Submitted': 'auto-replied' },
    });
    await send({ subject: 'Vacation', text: 'away', headers: { Precedence: 'bulk' } });
    await send({
      envelope: { from: '', to: 'help@help.example.com' },
      subject: 'Undeliverable',
      text: 'bounce',
    });
    await send({ from: 'help@help.example.com', subject: 'loop', text: 'ours' });
    expect(outcomes.map((o) => o.kind)).toEqual(['ignored', 'ignored', 'ignored', 'ignored']);
    expect(await casesOf('cu-1')).toEqual([]);
  });

  it('refuses oversized mail with 552 and other domains with 550, storing nothing', async () => {
    await expect(
      send({
        subject: 'big',
        text: 'x',
        attachments: [{ filename: 'a.bin', content: Buffer.alloc(300 * 1024, 7) }],
      }),
    ).rejects.toMatchObject({ responseCode: 552 });
    await expect(send({ to: 'someone@elsewhere.org', subject: 'relay?', text: 'x' })).rejects.toMatchObject({
      responseCode: 550,
    });
    expect(await casesOf('cu-1')).toEqual([]);
    expect(outcomes).toEqual([]);
  });

  it('survives malformed MIME and invalid UTF-8', async () => {
    const raw = [
      'From: Carla <carla@example.com>',
      'To: help@help.example.com',
      'Subject: =?utf-8?B?broken',
      'Content-Type: multipart/mixed; boundary="never-closed"',
      '',
      '--never-closed',
      'Content-Type: text/plain; charset=utf-8',
      'Content-Transfer-Encoding: base64',
      '',
      '@@@not base64@@@',
      '--never-closed',
      'Content-Type: text/plain; charset=utf-8',
      '',
      'caf\u0000',
    ].join('\r\n');
    const bad = Buffer.concat([
      Buffer.from(raw, 'latin1'),
      Buffer.from([0xff, 0xfe, 0xc3, 0x28, 0x0d, 0x0a]),
    ]);
    const info = await client().sendMail({
      envelope: { from: 'carla@example.com', to: 'help@help.example.com' },
      raw: bad,
    });
    expect(info.response).toMatch(/^250 /);
    const [c] = await casesOf('cu-1');
    const [m] = await f.store.messages.listByCase(c!.id);
    expect(m!.body).not.toContain('\u0000');
    expect(m!.body.length).toBeGreaterThan(0);
    await send({ subject: 'still up', text: 'ok' });
    expect(await casesOf('cu-1')).toHaveLength(2);
  });

  it('refuses a mail of too many MIME parts or too large a header with 554, not a retry', async () => {
    const envelope = { from: 'carla@example.com', to: 'help@help.example.com' };
    const parts = Array.from({ length: 1100 }, (_, i) => `--b\r\nContent-Type: text/plain\r\n\r\n${i}\r\n`);
    const manyParts = `From: carla@example.com\r\nSubject: parts\r\nContent-Type: multipart/mixed; boundary=b\r\n\r\n${parts.join('')}--b--\r\n`;
    await expect(client().sendMail({ envelope, raw: manyParts })).rejects.toMatchObject({
      responseCode: 554,
    });
    // Over 1 MB of header lines needs a listener that takes mail that large.
    const roomy = await startSmtpListener({
      runtime: f.runtime,
      config: { ...config, maxBytes: 4 * 1024 * 1024 },
      logger: f.logger as never,
      port: 0,
    });
    try {
      const bigHeaders = `From: carla@example.com\r\n${`X-Big: ${'a'.repeat(900)}\r\n`.repeat(1300)}Subject: head\r\n\r\nhi\r\n`;
      const transport = createTransport({
        host: '127.0.0.1',
        port: roomy.port,
        secure: false,
        ignoreTLS: true,
      });
      await expect(transport.sendMail({ envelope, raw: bigHeaders })).rejects.toMatchObject({
        responseCode: 554,
      });
    } finally {
      await roomy.close();
    }
    expect(await casesOf('cu-1')).toEqual([]);
    await send({ subject: 'still up', text: 'ok' });
    expect(await casesOf('cu-1')).toHaveLength(1);
  });

  it('takes a mail addressed to 10,000 recipients once, refusing recipients past the limit', async () => {
    const to = Array.from({ length: 10_000 }, (_, i) => `r${i}@help.example.com`);
    const info = await client().sendMail({
      from: 'carla@example.com',
      to: 'help@help.example.com',
      envelope: { from: 'carla@example.com', to },
      subject: 'spam?',
      text: 'hello',
    });
    expect(info.accepted).toHaveLength(20);
    expect(info.rejected).toHaveLength(9_980);
    expect(await casesOf('cu-1')).toHaveLength(1);
  }, 60_000);

  it('bounds a flood: connections past the limit are turned away, retries lose no case and make no duplicate', async () => {
    const senders = Array.from({ length: 60 }, (_, i) => `sender${i}@example.net`);
    const deliver = async (from: string, i: number) => {
      for (let attempt = 0; ; attempt++) {
        try {
          return await client().sendMail({
            from,
            to: 'help@help.example.com',
            subject: `flood ${i}`,
            text: 'x',
            messageId: `<flood-${i}@example.net>`,
          });
        } catch (error) {
          if (attempt > 50) throw error;
          await new Promise((r) => setTimeout(r, 20 + Math.random() * 50));
        }
      }
    };
    await Promise.all(senders.map((from, i) => deliver(from, i)));
    // The same mails again (a sender that never saw our 250): stored once.
    await Promise.all(senders.slice(0, 10).map((from, i) => deliver(from, i)));
    const counts = await Promise.all(senders.map(async (s) => (await casesOf(contactId('email', s))).length));
    expect(counts).toEqual(senders.map(() => 1));
    expect(outcomes.filter((o) => o.kind === 'delivered' && o.outcome === 'duplicate')).toHaveLength(10);
  }, 60_000);
});
