import { createTransport } from 'nodemailer';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { supportFlow } from '../../executor/test-support/flows';
import { type RuntimeFixture, runtimeFixture } from '../../executor/test-support/runtime-fixture';
import { loadMailConfig } from './mail-config';
import { type SmtpListener, startSmtpListener } from './smtp-listener';

/*
 * A customer's mail to a closed case of theirs (CASEFLOW_MAIL_REOPEN_DAYS), on real SMTP over
 * loopback: within the window it reopens the case (a follow-up on its flow), past it a new
 * case opens on the e-mail flow; either way both cases name each other for staff.
 */

/** The support flow, opened by new e-mail conversations. */
const mailFlow = {
  ...supportFlow,
  key: 'mail-support',
  nodes: supportFlow.nodes.map((n) =>
    n.type === 'start' ? { ...n, trigger: { kind: 'case' as const, channels: ['email' as const] } } : n,
  ),
};
const env = { CASEFLOW_MAIL_FROM: 'Help <help@help.example.com>', CASEFLOW_MAIL_DOMAINS: 'help.example.com' };

describe('replies to closed cases (CASEFLOW_MAIL_REOPEN_DAYS)', () => {
  let f: RuntimeFixture;
  let listener: SmtpListener;
  beforeEach(async () => {
    f = await runtimeFixture({ env, mailSender: null });
    await f.publish(mailFlow);
    await f.publish({ ...supportFlow, key: 'support' });
    listener = await startSmtpListener({
      runtime: f.runtime,
      config: loadMailConfig(
        { ...env, CASEFLOW_SMTP_HOST: '127.0.0.1', CASEFLOW_MAIL_REOPEN_DAYS: '7' },
        false,
      ),
      logger: f.logger as never,
      port: 0,
    });
  });
  afterEach(async () => {
    await listener.close();
    await f.dispose();
  });

  /** A case of the `support` flow, resolved by its triage task. */
  async function closedCase() {
    const opened = await f.runtime.openCase({
      variables: { cardLast4: '4242' },
      flow: 'support',
      customerId: 'cu-1',
      channel: 'email',
      subject: 'Card',
      actor: 'ann',
    });
    const task = (await f.runtime.getCase(opened.id))!.tasks[0]!;
    await f.runtime.completeTask(task.id, { outcome: 'resolved', values: { note: 'done' } }, 'ann');
    const closed = (await f.runtime.getCase(opened.id))!;
    expect(closed.status).toBe('resolved');
    return closed;
  }
  const reply = (number: string) =>
    createTransport({ host: '127.0.0.1', port: listener.port, secure: false, ignoreTLS: true }).sendMail({
      from: 'carla@example.com',
      to: 'help@help.example.com',
      subject: `Re: [${number}] Card`,
      text: 'It happened again.',
    });
  const types = async (caseId: string) => (await f.store.timeline.list(caseId)).map((e) => e.type);

  it('reopens a case closed within the window: a follow-up on its own flow, linked both ways', async () => {
    const old = await closedCase();
    f.clock.advance('P6D');
    await reply(old.number!);
    const cases = (await f.store.cases.list({ customerId: 'cu-1', limit: 10 })).items;
    const next = cases.find((c) => c.id !== old.id)!;
    expect(next).toMatchObject({ flow: 'support', status: 'open', subject: 'Card' });
    expect((await f.runtime.getCase(next.id))!.variables).toMatchObject({
      previousCase: old.id,
      cardLast4: '4242',
    });
    expect(await types(next.id)).toContain('case.follow-up');
    expect(await types(old.id)).toContain('case.continued');
    const entry = (await f.store.timeline.list(old.id)).find((e) => e.type === 'case.continued')!;
    expect(entry.data).toMatchObject({ caseId: next.id, reopened: true });
    expect((await f.store.messages.listByCase(next.id)).map((m) => m.body)).toEqual(['It happened again.']);
    // A second reply to the old mail joins the follow-up it opened: one case, two messages.
    await reply(old.number!);
    expect((await f.store.cases.list({ customerId: 'cu-1', limit: 10 })).items).toHaveLength(2);
    expect(await f.store.messages.listByCase(next.id)).toHaveLength(2);
  });

  it('opens a new linked case on the e-mail flow for a case closed longer ago', async () => {
    const old = await closedCase();
    f.clock.advance('P8D');
    await reply(old.number!);
    const next = (await f.store.cases.list({ customerId: 'cu-1', limit: 10 })).items.find(
      (c) => c.id !== old.id,
    )!;
    expect(next).toMatchObject({ flow: 'mail-support', status: 'open' });
    const variables = (await f.runtime.getCase(next.id))!.variables;
    expect(variables).toMatchObject({ previousCase: old.id });
    expect(variables).not.toHaveProperty('cardLast4');
    const entry = (await f.store.timeline.list(next.id)).find((e) => e.type === 'case.follow-up')!;
    expect(entry.data).toMatchObject({ previousCaseId: old.id, previousNumber: old.number, reopened: false });
    expect(await types(old.id)).toContain('case.continued');
  });
});
