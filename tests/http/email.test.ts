import type { ParsedMail } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually } from '../support/eventually';
import { freePort, type RuntimeProcess, startRuntime } from '../support/runtime-process';
import { type SmtpSink, sendMailTo, startSmtpSink } from '../support/smtp';

/**
 * E-mail both ways against the built runtime process, on real SMTP over loopback: a customer
 * writes to the runtime's SMTP port with nodemailer (the demo's e-mail support flow opens a
 * case), an agent answers with a file, and what Caseflow sends is read from an `smtp-server`
 * sink standing in for the deployment's mail server (CASEFLOW_SMTP_URL); the customer's reply
 * threads back by In-Reply-To, and replies to a closed case follow CASEFLOW_MAIL_REOPEN_DAYS.
 */

const PASSWORD = 'relay-pa55word-xyz';
let sink: SmtpSink;
let rt: RuntimeProcess;
let smtpPort: number;
/** What the mail server received, parsed, in order. */
const received = () => sink.received.map((r) => r.mail);

beforeAll(async () => {
  sink = await startSmtpSink({ password: PASSWORD });
  smtpPort = await freePort();
  rt = await startRuntime({
    CASEFLOW_SMTP_PORT: String(smtpPort),
    CASEFLOW_SMTP_HOST: '127.0.0.1',
    CASEFLOW_MAIL_DOMAINS: 'help.example.com',
    CASEFLOW_MAIL_FROM: 'Help desk <help@help.example.com>',
    CASEFLOW_SMTP_URL: sink.url,
    CASEFLOW_MAIL_REOPEN_DAYS: '7',
  });
}, 120_000);
afterAll(async () => {
  await rt?.stop();
  await sink?.close();
});

/** Carla (demo customer c-1001) writes to the support address; answers the case it reached. */
async function carlaWrites(mail: Record<string, unknown>): Promise<string> {
  const info = await sendMailTo(smtpPort, {
    from: 'Carla <carla@example.com>',
    to: 'support@help.example.com',
    ...mail,
  });
  const caseId = /accepted for (\S+)/.exec(info.response)?.[1];
  if (!caseId) throw new Error(`no case in ${info.response}`);
  return caseId;
}
const caseOf = async (id: string) => (await rt.api('GET', `/api/cases/${id}`, { as: 'admin' })).body;
const timelineTypes = async (id: string) =>
  (await rt.api('GET', `/api/cases/${id}/timeline?limit=200`, { as: 'admin' })).body.items.map(
    (e: { type: string }) => e.type,
  );

describe('e-mail in and out (built runtime, SMTP on loopback)', () => {
  let first: string;
  let answer: ParsedMail;

  it("opens a case from a mail and sends the agent's answer threaded, numbered and with its file", async () => {
    first = await carlaWrites({
      subject: 'Card not arriving',
      text: 'My new card has not arrived yet.',
      messageId: '<carla-1@example.com>',
    });
    const kase = await caseOf(first);
    expect(kase).toMatchObject({ flow: 'email-support', channel: 'email', customerId: 'c-1001' });

    const reply = await rt.api('POST', `/api/cases/${first}/messages`, {
      as: 'lena',
      body: {
        body: 'It was sent on Monday; the tracking letter is attached.',
        attachments: [
          {
            name: 'tracking.pdf',
            contentType: 'application/pdf',
            content: Buffer.from('%PDF-1.4 tracking').toString('base64'),
          },
        ],
      },
    });
    expect(reply.status, JSON.stringify(reply.body)).toBe(201);
    const note = await rt.api('POST', `/api/cases/${first}/messages`, {
      as: 'lena',
      body: { body: 'customer sounds annoyed', visibility: 'internal' },
    });
    expect(note.status).toBe(201);

    answer = await eventually(async () => received()[0], 'the answer at the mail server');
    expect(answer.messageId).toMatch(new RegExp(`^<cf\\.${first}\\.[^@]+@help\\.example\\.com>$`));
    expect(answer.subject).toBe(`Re: [${kase.number}] Card not arriving`);
    expect(answer.inReplyTo).toBe('<carla-1@example.com>');
    expect(answer.to).toMatchObject({ value: [{ address: 'carla@example.com' }] });
    expect(answer.text).toContain('It was sent on Monday');
    expect(answer.html).toContain('<p>It was sent on Monday; the tracking letter is attached.</p>');
    expect(answer.attachments.map((a) => [a.filename, a.content.toString()])).toEqual([
      ['tracking.pdf', '%PDF-1.4 tracking'],
    ]);
    // Internal notes never leave: the case's outbox holds the answer only.
    const outbox = await rt.api('GET', '/api/outbox?limit=50', { as: 'admin' });
    const rows = outbox.body.items.filter(
      (o: { caseId: string; kind: string }) => o.caseId === first && o.kind === 'message',
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      status: 'delivered',
      payload: { channel: 'email', to: 'carla@example.com', text: expect.stringContaining('Monday') },
    });
    expect(
      received()
        .map((m) => m.text)
        .join(),
    ).not.toContain('annoyed');
    // The relay's password is in no answer and no log line.
    expect(JSON.stringify(outbox.body)).not.toContain(PASSWORD);
    expect(rt.output()).not.toContain(PASSWORD);
  });

  it("threads the customer's reply to that mail by In-Reply-To onto the same case", async () => {
    const again = await carlaWrites({
      subject: 'Re: something else entirely',
      text: 'Thanks, I will wait.\n\nOn Mon, Help desk wrote:\n> It was sent on Monday',
      inReplyTo: answer.messageId,
      references: ['<carla-1@example.com>', answer.messageId!],
    });
    expect(again).toBe(first);
    const messages = await rt.api('GET', `/api/cases/${first}/messages?limit=50`, { as: 'admin' });
    const bodies = messages.body.items.map((m: { body: string }) => m.body);
    expect(bodies).toContain('Thanks, I will wait.');
  });

  it('reopens a case closed within CASEFLOW_MAIL_REOPEN_DAYS, threads replies to it, and links a later reply as a new case', async () => {
    const task = (await caseOf(first)).tasks.find((t: { status: string }) => t.status !== 'completed');
    expect((await rt.api('POST', `/api/tasks/${task.id}/claim`, { as: 'lena' })).status).toBe(200);
    const done = await rt.api('POST', `/api/tasks/${task.id}/complete`, {
      as: 'lena',
      body: { outcome: 'solved', values: {} },
    });
    expect(done.status, JSON.stringify(done.body)).toBe(200);
    expect((await caseOf(first)).status).toBe('resolved');
    // The flow tells the customer by e-mail, in the same thread.
    const notice = await eventually(
      async () => received().find((m) => m.headers.get('auto-submitted') === 'auto-generated'),
      'the done notification',
    );
    const number = (await caseOf(first)).number;
    expect(notice.subject).toBe(`[${number}] Your request ${number} is done`);
    expect(notice.references).toContain(answer.messageId);

    await rt.advance('P2D');
    const reopened = await carlaWrites({
      subject: `Re: [${number}] Card not arriving`,
      text: 'The card came but it is broken.',
      inReplyTo: notice.messageId,
    });
    expect(reopened).not.toBe(first);
    expect(await caseOf(reopened)).toMatchObject({
      flow: 'email-support',
      status: 'open',
      subject: 'Card not arriving',
      variables: { previousCase: first },
    });
    expect(await timelineTypes(reopened)).toContain('case.follow-up');
    expect(await timelineTypes(first)).toContain('case.continued');
    // Another reply to the old thread while its follow-up is open joins that one.
    const joined = await carlaWrites({
      subject: `Re: [${number}] Card not arriving`,
      text: 'And the PIN letter is missing.',
      inReplyTo: notice.messageId,
    });
    expect(joined).toBe(reopened);

    // Once that one is closed too, a reply past the window opens a new case, linked.
    const closed = await rt.api('POST', `/api/cases/${reopened}/cancel`, {
      as: 'sam',
      body: { reason: 'answered by phone' },
    });
    expect(closed.status, JSON.stringify(closed.body)).toBe(200);
    await rt.advance('P8D');
    const later = await carlaWrites({
      subject: `Re: [${number}] Card not arriving`,
      text: 'One more question.',
    });
    expect([first, reopened]).not.toContain(later);
    const linked = await rt.api('GET', `/api/cases/${later}/timeline?limit=200`, { as: 'admin' });
    expect(linked.body.items.find((e: { type: string }) => e.type === 'case.follow-up')?.data).toMatchObject({
      previousCaseId: first,
      reopened: false,
    });
  });
});
