import { parseCaseNumber } from '@caseflow/schema';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { contactId } from './inbound-message';
import { supportFlow } from './test-support/flows';
import { type RuntimeFixture, runtimeFixture } from './test-support/runtime-fixture';

/** The support flow, opened by new e-mail and chat conversations. */
const mailFlow = {
  ...supportFlow,
  key: 'mail-support',
  nodes: supportFlow.nodes.map((n) =>
    n.type === 'start'
      ? { ...n, trigger: { kind: 'case' as const, channels: ['email' as const, 'chat' as const] } }
      : n,
  ),
};

describe('deliverInboundMessage', () => {
  let f: RuntimeFixture;
  beforeEach(async () => {
    f = await runtimeFixture();
    await f.publish(mailFlow);
  });
  afterEach(async () => f.dispose());

  const mail = (over: Partial<Parameters<RuntimeFixture['runtime']['deliverInboundMessage']>[0]> = {}) =>
    f.runtime.deliverInboundMessage({
      channel: 'email',
      sender: { kind: 'email', address: 'Carla@Example.com', name: 'Carla' },
      body: 'My card is lost',
      subject: 'Lost card',
      ...over,
    });

  it('opens a case on the flow bound to the channel for a known customer, found by e-mail in any case', async () => {
    const result = await mail({ externalId: '<1@mail>' });
    expect(result).toMatchObject({ outcome: 'opened', customerId: 'cu-1' });
    const c = (await f.runtime.getCase(result.caseId))!;
    expect(c).toMatchObject({ flow: 'mail-support', channel: 'email', subject: 'Lost card', status: 'open' });
    expect(result.message).toMatchObject({ from: 'customer', direction: 'in', address: 'Carla@Example.com' });
  });

  it('makes one contact for a new address, also under concurrent first messages, and stores a message once', async () => {
    const results = await Promise.all(
      [1, 2, 3].map((i) =>
        mail({ sender: { kind: 'email', address: 'new@example.org', name: 'Nia' }, externalId: `<n${i}@x>` }),
      ),
    );
    expect(new Set(results.map((r) => r.customerId))).toEqual(
      new Set([contactId('email', 'new@example.org')]),
    );
    expect((await f.store.customers.get(contactId('email', 'NEW@example.org')))!).toMatchObject({
      name: 'Nia',
      email: 'new@example.org',
    });
    const again = await mail({ sender: { kind: 'email', address: 'new@example.org' }, externalId: '<n1@x>' });
    expect(again).toMatchObject({ outcome: 'duplicate', caseId: results[0]!.caseId, message: null });
  });

  it("threads to the customer's open case, delivers customer-replied, and ignores hints to others' cases", async () => {
    const opened = await mail();
    const c = (await f.runtime.getCase(opened.caseId))!;
    await f.runtime.completeTask(c.tasks[0]!.id, { outcome: 'wait', values: { note: 'asked' } }, 'ann');
    const reply = await mail({ body: 'found it', caseNumber: parseCaseNumber(c.number!)! });
    expect(reply).toMatchObject({ outcome: 'threaded', caseId: c.id });
    expect(reply.message?.repliedCase?.status).toBe('resolved');
    // A stranger naming the case by id or number gets a case of their own.
    const stranger = await mail({ sender: { kind: 'email', address: 'eve@evil.test' }, caseId: c.id });
    expect(stranger.outcome).toBe('opened');
    expect(stranger.caseId).not.toBe(c.id);
    // The case is closed now: the answer opens a new case that names the old one.
    const late = await mail({ body: 'one more thing', caseId: c.id });
    expect(late).toMatchObject({ outcome: 'opened', previousCaseId: c.id });
    expect((await f.runtime.getCase(late.caseId))!.variables).toMatchObject({ previousCase: c.id });
  });

  it('refuses a channel no active flow takes, storing nothing; one active flow per channel', async () => {
    await expect(
      mail({ channel: 'sms', sender: { kind: 'phone', address: '+5511999990000' } }),
    ).rejects.toMatchObject({ status: 422 });
    expect(await f.store.customers.get(contactId('phone', '+5511999990000'))).toBeNull();
    await expect(f.publish({ ...mailFlow, key: 'other-mail' })).rejects.toMatchObject({ status: 409 });
  });
});
