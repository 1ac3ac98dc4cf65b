import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type ParsedMail, simpleParser } from 'mailparser';
import { createTransport } from 'nodemailer';
import { SMTPServer } from 'smtp-server';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { supportFlow, surveyFlow } from '../../executor/test-support/flows';
import { type RuntimeFixture, runtimeFixture } from '../../executor/test-support/runtime-fixture';
import type { Transport } from '../../outbox/transport';
import type { OutboxRow } from '../../store/store';
import { loadMailConfig } from './mail-config';
import { caseOfMessageId } from './mail-ids';
import { sinkSender, smtpSender } from './mail-sender';
import { MAIL_OUT_OFF } from './mail-transport';
import { type SmtpListener, startSmtpListener } from './smtp-listener';

/*
 * E-mail out, on real SMTP over loopback: a customer writes to the runtime's listener, an agent
 * answers, the outbox sends the answer with nodemailer to an `smtp-server` sink standing in for
 * the deployment's mail server, and the customer's reply to it threads back to the case.
 */

/** The support flow, opened by new e-mail conversations, telling the customer when it is done. */
const mailFlow = {
  ...supportFlow,
  key: 'mail-support',
  nodes: [
    ...supportFlow.nodes.map((n) =>
      n.type === 'start' ? { ...n, trigger: { kind: 'case' as const, channels: ['email' as const] } } : n,
    ),
    { id: 'tell-done', type: 'notify' as const, to: 'customer', template: 'request-done' },
  ],
  edges: [
    ...(supportFlow.edges ?? []).map((e) =>
      e.from === 'triage' && e.to === 'done' ? { ...e, to: 'tell-done' } : e,
    ),
    { from: 'tell-done', to: 'done' },
  ],
};
const SINK_PASSWORD = 's3cret-pa55word';

/** The sink: every mail it accepted, parsed; with `auth` it refuses every login, echoing it. */
let sink: SMTPServer;
let sinkPort: number;
const received: Array<{ mail: ParsedMail; rcpt: string[] }> = [];
beforeAll(async () => {
  sink = new SMTPServer({
    authOptional: true,
    allowInsecureAuth: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onAuth(auth, _session, callback) {
      // A server that repeats what it was given: the password must still not reach our errors.
      callback(new Error(`bad login ${auth.username}/${auth.password}`));
    },
    onData(stream, session, callback) {
      simpleParser(stream)
        .then((mail) => {
          received.push({ mail, rcpt: session.envelope.rcptTo.map((r) => r.address) });
          callback();
        })
        .catch(callback);
    },
  });
  await new Promise<void>((resolve) => sink.listen(0, '127.0.0.1', resolve));
  sinkPort = (sink.server.address() as AddressInfo).port;
});
afterAll(() => new Promise<void>((resolve) => sink.close(() => resolve())));

const env = { CASEFLOW_MAIL_FROM: 'Help <help@help.example.com>', CASEFLOW_MAIL_DOMAINS: 'help.example.com' };
const logged: OutboxRow[] = [];
const fallback: Transport = {
  name: 'log',
  async deliver(row) {
    logged.push(row);
    return { ok: true };
  },
};

describe('e-mail out (nodemailer to an SMTP sink)', () => {
  let f: RuntimeFixture;
  let listener: SmtpListener;
  const start = async (url: string | null, more: Record<string, string> = {}) => {
    f = await runtimeFixture({
      env: { ...env, ...more },
      transport: fallback,
      mailSender: url === null ? null : smtpSender(url, { timeoutMs: 5_000 }),
    });
    await f.publish(mailFlow);
    listener = await startSmtpListener({
      runtime: f.runtime,
      config: loadMailConfig({ ...env, CASEFLOW_SMTP_HOST: '127.0.0.1' }, false),
      logger: f.logger as never,
      port: 0,
    });
  };
  beforeEach(() => {
    received.length = 0;
    logged.length = 0;
  });
  afterEach(async () => {
    await listener.close();
    await f.dispose();
  });
  const customerMail = (mail: Parameters<ReturnType<typeof createTransport>['sendMail']>[0]) =>
    createTransport({ host: '127.0.0.1', port: listener.port, secure: false, ignoreTLS: true }).sendMail({
      from: 'Carla <carla@example.com>',
      to: 'help@help.example.com',
      ...mail,
    });
  const onlyCase = async () => (await f.store.cases.list({ customerId: 'cu-1', limit: 10 })).items;

  it("sends an agent's answer threaded, numbered and with its file; the customer's reply lands on the same case", async () => {
    await start(`smtp://127.0.0.1:${sinkPort}`);
    await customerMail({ subject: 'Lost card', text: 'I lost my card.', messageId: '<first@example.com>' });
    const [kase] = await onlyCase();
    const number = (await f.runtime.getCase(kase!.id))!.number!;
    const answer = await f.runtime.addMessage(kase!.id, {
      body: 'We blocked it.\n\nA new card <is> on its way.',
      from: 'agent',
      author: 'ann',
      attachments: [{ name: 'letter.pdf', contentType: 'application/pdf', data: Buffer.from('%PDF-1.4 x') }],
    });
    expect(answer).toMatchObject({ channel: 'email', address: 'carla@example.com' });
    await f.runtime.addMessage(kase!.id, {
      body: 'internal only',
      visibility: 'internal',
      from: 'agent',
      author: 'ann',
    });
    expect(await f.runtime.dispatchOutbox()).toBe(1);

    expect(received).toHaveLength(1);
    const { mail, rcpt } = received[0]!;
    expect(rcpt).toEqual(['carla@example.com']);
    expect(mail.messageId).toBe(`<cf.${kase!.id}.${answer.id}@help.example.com>`);
    expect(answer.externalId).toBe(mail.messageId);
    expect(mail.subject).toBe(`Re: [${number}] Lost card`);
    expect(mail.inReplyTo).toBe('<first@example.com>');
    expect(mail.from?.value[0]?.address).toBe('help@help.example.com');
    expect(mail.text).toContain('A new card <is> on its way.');
    expect(mail.text).toContain(`your request ${number}`);
    expect(mail.html).toContain('A new card &lt;is&gt; on its way.');
    expect(mail.text).not.toContain('internal only');
    expect(mail.attachments.map((a) => [a.filename, a.contentType, a.content.toString()])).toEqual([
      ['letter.pdf', 'application/pdf', '%PDF-1.4 x'],
    ]);
    expect(mail.headers.get('auto-submitted')).toBeUndefined();

    // The customer answers that mail: In-Reply-To names the case.
    expect(caseOfMessageId(mail.messageId!)).toBe(kase!.id);
    await customerMail({
      subject: `Re: ${mail.subject}`,
      text: 'Thanks!',
      inReplyTo: mail.messageId,
      references: [mail.messageId!],
    });
    expect(await onlyCase()).toHaveLength(1);
    const bodies = (await f.store.messages.listByCase(kase!.id)).map((m) => m.body);
    expect(bodies).toContain('Thanks!');
    const [row] = await f.runtime.outboxEntries(kase!.id);
    expect(row).toMatchObject({ kind: 'message', status: 'delivered' });
  });

  it("writes to a Portuguese-speaking customer in Portuguese and mails them the flow's notifications", async () => {
    await start(`smtp://127.0.0.1:${sinkPort}`);
    await f.store.customers.update('cu-1', { locale: 'pt-BR' }, f.clock.now());
    await customerMail({ subject: 'Cartão perdido', text: 'Perdi meu cartão.' });
    const [kase] = await onlyCase();
    const task = (await f.runtime.getCase(kase!.id))!.tasks[0]!;
    await f.runtime.addMessage(kase!.id, { body: 'Bloqueamos o cartão.', from: 'agent', author: 'ann' });
    await f.runtime.completeTask(task.id, { outcome: 'resolved', values: { note: 'ok' } }, 'ann');
    await f.runtime.dispatchOutbox();
    const number = (await f.runtime.getCase(kase!.id))!.number!;
    expect(received).toHaveLength(2);
    // Sent in parallel: told apart by what they are, not by order.
    const reply = received.find((r) => r.mail.subject?.startsWith('Re:'))?.mail;
    const notice = received.find((r) => !r.mail.subject?.startsWith('Re:'))?.mail;
    expect(reply!.text).toContain(`sua resposta entra na solicitação ${number}`);
    expect(reply!.headers.get('content-language')).toBe('pt-BR');
    // The flow's notification: the Portuguese template, numbered, threaded, marked automatic.
    expect(notice!.subject).toBe(`[${number}] Sua solicitação ${number} foi concluída`);
    expect(notice!.text).toContain('Concluímos a sua solicitação');
    expect(notice!.inReplyTo).toBe(reply!.inReplyTo);
    expect(notice!.references).toContain(reply!.messageId);
    expect(notice!.headers.get('auto-submitted')).toBe('auto-generated');
    expect(caseOfMessageId(notice!.messageId!)).toBe(kase!.id);
  });

  it('mails an e-mail customer a survey invitation whose link answers it without signing in', async () => {
    await start(`smtp://127.0.0.1:${sinkPort}`, { CASEFLOW_PUBLIC_URL: 'https://support.example.com/' });
    await f.publish(surveyFlow('mail-survey', 'csat'));
    await f.store.customers.update('cu-1', { locale: 'pt-BR' }, f.clock.now());
    const opened = await f.runtime.openCase({
      flow: 'mail-survey',
      customerId: 'cu-1',
      channel: 'email',
      actor: 'ann',
    });
    await f.runtime.dispatchOutbox();
    expect(received).toHaveLength(1);
    const { mail, rcpt } = received[0]!;
    expect(rcpt).toEqual(['carla@example.com']);
    const number = (await f.runtime.getCase(opened.id))!.number!;
    expect(mail.subject).toBe(`[${number}] Como foi o nosso atendimento? (${number})`);
    expect(mail.headers.get('auto-submitted')).toBe('auto-generated');
    const link = /Responda aqui, sem precisar entrar: (https:\/\/support\.example\.com\/survey\/(\S+))/.exec(
      mail.text!,
    );
    expect(link, mail.text).not.toBeNull();
    const survey = await f.store.surveys.getByToken(decodeURIComponent(link![2]!));
    expect(survey).toMatchObject({ caseId: opened.id, kind: 'csat', answeredAt: null });
    const [row] = await f.runtime.outboxEntries(opened.id);
    expect(row).toMatchObject({ kind: 'survey', status: 'delivered' });
    // The token is the credential: never in the log line of the delivery.
    expect(JSON.stringify(f.logger.lines)).not.toContain(survey!.token);
  });

  it('sends a survey of a conversation that is not by e-mail to the configured transport, as before', async () => {
    await start(`smtp://127.0.0.1:${sinkPort}`);
    await f.publish(surveyFlow('web-survey', 'nps'));
    const opened = await f.runtime.openCase({
      flow: 'web-survey',
      customerId: 'cu-1',
      channel: 'web',
      actor: 'ann',
    });
    await f.runtime.dispatchOutbox();
    expect(received).toEqual([]);
    expect(logged.map((r) => [r.kind, r.caseId, r.payload.mail])).toEqual([['survey', opened.id, undefined]]);
  });

  it('keeps an answer unsent and says why when no SMTP server is configured; notifications go on as before', async () => {
    await start(null);
    await customerMail({ subject: 'Lost card', text: 'I lost my card.' });
    const [kase] = await onlyCase();
    await f.runtime.addMessage(kase!.id, { body: 'We blocked it.', from: 'agent', author: 'ann' });
    await f.runtime.dispatchOutbox();
    const [row] = await f.runtime.outboxEntries(kase!.id);
    expect(row).toMatchObject({ kind: 'message', status: 'dead', lastError: MAIL_OUT_OFF });
    expect(logged).toEqual([]);
    // The flow's notification goes to the configured transport (log or webhook), as before.
    const task = (await f.runtime.getCase(kase!.id))!.tasks[0]!;
    await f.runtime.completeTask(task.id, { outcome: 'resolved', values: { note: 'ok' } }, 'ann');
    await f.runtime.dispatchOutbox();
    expect(logged.map((r) => [r.kind, (r.payload.mail as { to?: string } | undefined)?.to])).toEqual([
      ['notify', 'carla@example.com'],
    ]);
    expect(received).toEqual([]);
  });

  it('never shows the SMTP password, even when the server repeats it; a refused login is retried', async () => {
    await start(`smtp://support%40help.example.com:${SINK_PASSWORD}@127.0.0.1:${sinkPort}`);
    await customerMail({ subject: 'Lost card', text: 'I lost my card.' });
    const [kase] = await onlyCase();
    await f.runtime.addMessage(kase!.id, { body: 'We blocked it.', from: 'agent', author: 'ann' });
    await f.runtime.dispatchOutbox();
    const [row] = await f.runtime.outboxEntries(kase!.id);
    expect(row).toMatchObject({ kind: 'message', status: 'failed' });
    expect(row!.lastError).toContain('127.0.0.1');
    expect(row!.lastError).not.toContain(SINK_PASSWORD);
    expect(JSON.stringify(f.logger.lines)).not.toContain(SINK_PASSWORD);
  });

  it('refuses an e-mail answer to a customer without an address (422), storing nothing', async () => {
    await start(`smtp://127.0.0.1:${sinkPort}`);
    await f.store.customers.create({ id: 'cu-2', name: 'No Mail', createdAt: f.clock.now() });
    const opened = await f.runtime.openCase({
      flow: 'mail-support',
      customerId: 'cu-2',
      channel: 'email',
      actor: 'ann',
    });
    await expect(
      f.runtime.addMessage(opened.id, { body: 'Hello', from: 'agent', author: 'ann' }),
    ).rejects.toMatchObject({ status: 422 });
    expect(await f.store.messages.listByCase(opened.id)).toEqual([]);
  });
});

describe("the demo's mail sink (no CASEFLOW_SMTP_URL)", () => {
  it('is chosen in demo mode only, and writes each mail as it would be sent to <outbox id>.eml', async () => {
    expect(loadMailConfig({}, false).sinkDir).toBeNull();
    expect(loadMailConfig({}, true).sinkDir).toBe('data/mail-out');
    expect(loadMailConfig({ CASEFLOW_MAIL_SINK_DIR: '/srv/mail' }, true).sinkDir).toBe('/srv/mail');
    expect(loadMailConfig({ CASEFLOW_SMTP_URL: 'smtp://mail:25' }, true).sinkDir).toBeNull();
    const dir = mkdtempSync(join(tmpdir(), 'caseflow-sink-'));
    try {
      const f = await runtimeFixture({ env, transport: fallback, mailSender: sinkSender(join(dir, 'out')) });
      try {
        await f.publish(mailFlow);
        const opened = await f.runtime.openCase({
          flow: 'mail-support',
          customerId: 'cu-1',
          channel: 'email',
          subject: 'Lost card',
          actor: 'ann',
        });
        await f.runtime.addMessage(opened.id, { body: 'We blocked it.', from: 'agent', author: 'ann' });
        await f.runtime.dispatchOutbox();
        const [row] = await f.runtime.outboxEntries(opened.id);
        expect(row).toMatchObject({ kind: 'message', status: 'delivered' });
        expect(readdirSync(join(dir, 'out'))).toEqual([`${row!.id}.eml`]);
        const mail = await simpleParser(readFileSync(join(dir, 'out', `${row!.id}.eml`)));
        expect(mail.subject).toMatch(/^\[REQ-\d+\] Lost card$/);
        expect(mail.to).toMatchObject({ value: [{ address: 'carla@example.com' }] });
        expect(caseOfMessageId(mail.messageId!)).toBe(opened.id);
      } finally {
        await f.dispose();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
