import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publishFlow } from '../faults/support/fault-flows';
import { messagingFlow, metaSign, whatsappDelivery, whatsappText } from '../support/provider-webhooks';
import { freePort, type RuntimeProcess, startRuntime } from '../support/runtime-process';
import { sendMailTo } from '../support/smtp';

/**
 * One person, one 360 view (issue 15), against the built runtime: Dana (demo customer c-1003,
 * dana@example.com) writes by WhatsApp from a number Caseflow does not know, so a second
 * contact is made; an agent merges that contact into Dana. Her next WhatsApp message and her
 * next mail land on Dana, the WhatsApp contact's portal user sees both histories, customers
 * may not merge, and loops, retries and garbage get clear answers.
 */

const APP_SECRET = 'meta-app-secret-merge-0123';
const PHONE_NUMBER_ID = '106540352242922';
const DANA_PHONE = '5511977776666';
const PORTAL_PASSWORD = 'dana-portal-pa55';

describe('merging contacts (built runtime)', () => {
  let rt: RuntimeProcess;
  let smtpPort: number;
  let waContact: string;

  beforeAll(async () => {
    smtpPort = await freePort();
    rt = await startRuntime({
      CASEFLOW_SMTP_PORT: String(smtpPort),
      CASEFLOW_SMTP_HOST: '127.0.0.1',
      CASEFLOW_MAIL_DOMAINS: 'help.example.com',
      CASEFLOW_MAIL_FROM: 'Help desk <help@help.example.com>',
    });
    await publishFlow(rt, messagingFlow);
    const made = await rt.api('POST', '/api/connections', {
      as: 'admin',
      body: {
        name: 'meta-graph',
        baseUrl: 'http://127.0.0.1:9/v21.0',
        auth: { kind: 'bearer', token: 'graph-token' },
      },
    });
    expect(made.status, JSON.stringify(made.body)).toBe(201);
    const account = await rt.api('PUT', '/api/channels/whatsapp/account', {
      as: 'admin',
      body: {
        connection: 'meta-graph',
        sender: PHONE_NUMBER_ID,
        secret: APP_SECRET,
        verifyToken: 'verify-merge',
      },
    });
    expect(account.status, JSON.stringify(account.body)).toBe(200);
  }, 120_000);
  afterAll(() => rt?.stop());

  const whatsapp = async (id: string, body: string) => {
    const payload = JSON.stringify(
      whatsappDelivery(
        PHONE_NUMBER_ID,
        [whatsappText(DANA_PHONE, id, body)],
        [{ wa_id: DANA_PHONE, name: 'Dana W.' }],
      ),
    );
    const res = await fetch(`${rt.url}/api/channels/whatsapp/webhook`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-hub-signature-256': metaSign(payload, APP_SECRET),
      },
      body: payload,
    });
    expect(res.status).toBe(200);
  };
  const danaMails = async (subject: string) => {
    const info = await sendMailTo(smtpPort, {
      from: 'Dana <dana@example.com>',
      to: 'support@help.example.com',
      subject,
      text: subject,
    });
    const caseId = /accepted for (\S+)/.exec(info.response)?.[1];
    if (!caseId) throw new Error(`no case in ${info.response}`);
    return caseId;
  };
  const caseOf = async (id: string) => (await rt.api('GET', `/api/cases/${id}`, { as: 'admin' })).body;
  const merge = (into: string, body: unknown, as: string | null = 'lena') =>
    rt.api('POST', `/api/customers/${encodeURIComponent(into)}/merge`, as ? { as, body } : { body });

  it('keeps a WhatsApp contact and an e-mail customer apart until an agent merges them', async () => {
    await whatsapp('wamid.dana-1', 'Oi, meu cartão foi recusado');
    const found = await rt.api('GET', `/api/customers?search=${DANA_PHONE}`, { as: 'lena' });
    expect(found.body.items).toHaveLength(1);
    waContact = found.body.items[0].id;
    expect(waContact).not.toBe('c-1003');
    const mailCase = await danaMails('Card declined');
    expect(await caseOf(mailCase)).toMatchObject({ customerId: 'c-1003', channel: 'email' });

    // The WhatsApp contact gets a portal account before anyone notices it is Dana.
    const user = await rt.api('POST', '/api/users', {
      as: 'admin',
      body: { username: 'dana-wa', password: PORTAL_PASSWORD, roles: ['customer'], customerId: waContact },
    });
    expect(user.status, JSON.stringify(user.body)).toBe(201);
    const own = await rt.api('GET', `/api/customers/${waContact}`, {
      token: await rt.login('dana-wa', PORTAL_PASSWORD),
    });
    expect(own.body.cases.map((k: { channel: string }) => k.channel)).toEqual(['whatsapp']);
  });

  it('refuses customers and anonymous callers, and garbage, before anything moves', async () => {
    expect((await merge('c-1003', { from: waContact }, 'carla')).status).toBe(403);
    expect((await merge(waContact, { from: 'c-1001' }, 'carla')).status).toBe(403);
    expect((await merge('c-1003', { from: waContact }, null)).status).toBe(401);
    const self = await merge('c-1003', { from: 'c-1003' });
    expect(self.status).toBe(422);
    expect(self.body.error.details[0].path).toBe('from');
    expect((await merge('c-1003', { from: 'nobody' })).status).toBe(404);
    expect((await merge('nobody', { from: waContact })).status).toBe(404);
    for (const body of [
      { from: 'x'.repeat(10_000) },
      { from: 42 },
      { from: '' },
      {},
      { from: waContact, extra: 1 },
    ]) {
      const res = await merge('c-1003', body);
      expect(res.status, JSON.stringify(body)).toBe(400);
    }
    expect((await merge('y'.repeat(5000), { from: waContact })).status).toBe(400);
    expect((await rt.api('GET', `/api/customers/${waContact}`, { as: 'lena' })).body.mergedInto).toBeNull();
  });

  it('merges the WhatsApp contact into Dana: one 360 view, the tombstone names her', async () => {
    const res = await merge('c-1003', { from: waContact });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({
      id: 'c-1003',
      email: 'dana@example.com',
      phone: `+${DANA_PHONE}`,
      mergedInto: null,
    });
    expect(res.body.channels).toEqual(['email', 'whatsapp']);
    expect(res.body.cases).toHaveLength(2);
    expect(res.body.merges).toEqual([
      {
        from: waContact,
        into: 'c-1003',
        by: 'lena',
        at: expect.any(String),
        identities: [{ kind: 'phone', address: `+${DANA_PHONE}`, adopted: true }],
        cases: 1,
      },
    ]);
    const tombstone = await rt.api('GET', `/api/customers/${waContact}`, { as: 'lena' });
    expect(tombstone.body).toMatchObject({ mergedInto: 'c-1003', cases: [] });
    expect(tombstone.body.merges).toHaveLength(1);
    const list = await rt.api('GET', `/api/customers?search=${DANA_PHONE}`, { as: 'lena' });
    expect(list.body.items.map((c: { id: string }) => c.id)).toEqual(['c-1003']);

    // A retry answers the same; the other way round is a loop.
    const again = await merge('c-1003', { from: waContact }, 'admin');
    expect(again.status).toBe(200);
    expect(again.body.merges).toHaveLength(1);
    const loop = await merge(waContact, { from: 'c-1003' });
    expect(loop.status).toBe(422);
    expect(loop.body.error.details[0].path).toBe('id');
  });

  it("lands Dana's next WhatsApp message and mail on her, and shows her portal user both histories", async () => {
    const before = (await rt.api('GET', '/api/customers/c-1003', { as: 'lena' })).body.cases.length;
    await whatsapp('wamid.dana-2', 'Alguma novidade?');
    const mailCase = await danaMails('Any news?');
    expect(await caseOf(mailCase)).toMatchObject({ customerId: 'c-1003' });
    const after = await rt.api('GET', '/api/customers/c-1003', { as: 'lena' });
    // The WhatsApp message continued the open WhatsApp conversation; the mail opened a case.
    expect(after.body.cases).toHaveLength(before + 1);
    expect(after.body.messages.map((m: { body: string }) => m.body)).toEqual(
      expect.arrayContaining(['Alguma novidade?', 'Oi, meu cartão foi recusado']),
    );

    const token = await rt.login('dana-wa', PORTAL_PASSWORD);
    const me = await rt.api('GET', '/api/auth/me', { token });
    expect(me.body.customerId).toBe('c-1003');
    const own = await rt.api('GET', '/api/customers/c-1003', { token });
    expect(own.status).toBe(200);
    expect(own.body.cases.map((k: { channel: string }) => k.channel).sort()).toEqual([
      'email',
      'email',
      'whatsapp',
    ]);
    // Carla, a customer too, still sees nothing of Dana's.
    expect([403, 404]).toContain((await rt.api('GET', '/api/customers/c-1003', { as: 'carla' })).status);
  });
});
