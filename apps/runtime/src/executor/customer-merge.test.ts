import type { FlowDefinitionInput } from '@caseflow/schema';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { contactId } from './inbound-message';
import { supportFlow } from './test-support/flows';
import { type RuntimeFixture, runtimeFixture, T0 } from './test-support/runtime-fixture';

/** The support flow, opened by new e-mail and WhatsApp conversations. */
const inboundFlow: FlowDefinitionInput = {
  ...supportFlow,
  nodes: supportFlow.nodes.map((n) =>
    n.type === 'start'
      ? { ...n, trigger: { kind: 'case' as const, channels: ['email' as const, 'whatsapp' as const] } }
      : n,
  ),
};

const PHONE = '+5511999990000';
const WA = contactId('phone', PHONE);

describe.each(['sqlite', 'postgres'] as const)('mergeCustomers on %s', (dialect) => {
  let f: RuntimeFixture;
  beforeEach(async () => {
    f = await runtimeFixture({}, dialect);
    await f.publish(inboundFlow);
    await f.store.users.create({ username: 'root', passwordHash: 'x', roles: ['admin'], createdAt: T0 });
  });
  afterEach(async () => f?.dispose());

  const whatsapp = (body: string) =>
    f.runtime.deliverInboundMessage({
      channel: 'whatsapp',
      sender: { kind: 'phone', address: PHONE, name: 'Carla' },
      body,
    });
  const mail = (body: string, address = 'carla@example.com') =>
    f.runtime.deliverInboundMessage({
      channel: 'email',
      sender: { kind: 'email', address },
      body,
      subject: body,
    });

  it("moves the WhatsApp contact's history to the e-mail customer; the phone then lands there", async () => {
    const byMail = await mail('My card is lost');
    const byPhone = await whatsapp('oi, perdi meu cartão');
    expect(byPhone.customerId).toBe(WA);
    await f.store.users.create({
      username: 'carla-wa',
      passwordHash: 'x',
      roles: ['customer'],
      customerId: WA,
      createdAt: T0,
    });

    const merged = await f.runtime.mergeCustomers('cu-1', WA, 'ann');
    expect(merged.repeated).toBe(false);
    expect(merged.customer).toMatchObject({
      id: 'cu-1',
      email: 'carla@example.com',
      phone: PHONE,
      mergedInto: null,
    });
    expect(merged.merge).toMatchObject({
      sourceId: WA,
      targetId: 'cu-1',
      actor: 'ann',
      at: T0,
      cases: 1,
      identities: [{ kind: 'phone', address: PHONE, adopted: true }],
    });
    expect((await f.store.cases.list({ customerId: 'cu-1' })).items.map((k) => k.id).sort()).toEqual(
      [byMail.caseId, byPhone.caseId].sort(),
    );
    expect((await f.store.messages.listByCustomer('cu-1')).map((m) => m.channel).sort()).toEqual([
      'email',
      'whatsapp',
    ]);
    expect(await f.store.customers.get(WA)).toMatchObject({ mergedInto: 'cu-1', mergedAt: T0 });
    expect(await f.store.users.get('carla-wa')).toMatchObject({ customerId: 'cu-1' });
    expect((await f.store.customers.list({ search: PHONE })).items.map((c) => c.id)).toEqual(['cu-1']);

    // The agents on the moved open case read why its customer changed; the portal does not.
    const timeline = await f.store.timeline.list(byPhone.caseId);
    expect(timeline.filter((e) => e.type === 'customer.merged')).toMatchObject([
      { actor: 'ann', public: false, data: { from: WA, into: 'cu-1' } },
    ]);
    expect((await f.store.timeline.list(byMail.caseId)).some((e) => e.type === 'customer.merged')).toBe(
      false,
    );

    // The next WhatsApp message and the next mail both belong to the merged customer.
    expect((await whatsapp('alguma novidade?')).customerId).toBe('cu-1');
    expect((await mail('any news?')).customerId).toBe('cu-1');
    // A case opened by API for the tombstone's id is the survivor's too.
    const opened = await f.runtime.openCase({
      flow: 'support',
      customerId: WA,
      channel: 'phone',
      actor: 'ann',
    });
    expect(opened.customerId).toBe('cu-1');
  });

  it('follows the tombstone for an address only it holds (the target keeps its own phone)', async () => {
    await f.store.customers.update('cu-1', { phone: '+5511888880000' }, T0);
    await whatsapp('oi');
    const merged = await f.runtime.mergeCustomers('cu-1', WA, 'ann');
    expect(merged.customer.phone).toBe('+5511888880000');
    expect(merged.merge.identities).toEqual([{ kind: 'phone', address: PHONE, adopted: false }]);
    expect((await whatsapp('de novo')).customerId).toBe('cu-1');
    // Merging the survivor on again re-points the tombstone: the phone follows to the newest.
    await f.store.customers.create({ id: 'c-new', name: 'Carla C.', createdAt: T0 });
    await f.runtime.mergeCustomers('c-new', 'cu-1', 'root');
    expect(await f.store.customers.get(WA)).toMatchObject({ mergedInto: 'c-new' });
    expect((await whatsapp('e agora?')).customerId).toBe('c-new');
    expect((await mail('and now?')).customerId).toBe('c-new');
  });

  it('is for staff only, checked in the command', async () => {
    await whatsapp('oi');
    await f.store.users.create({
      username: 'carla',
      passwordHash: 'x',
      roles: ['customer'],
      customerId: 'cu-1',
      createdAt: T0,
    });
    await expect(f.runtime.mergeCustomers('cu-1', WA, 'carla')).rejects.toMatchObject({ status: 403 });
    await expect(f.runtime.mergeCustomers('cu-1', WA, 'nobody')).rejects.toMatchObject({ status: 403 });
    await f.store.users.update('bob', { active: false });
    await expect(f.runtime.mergeCustomers('cu-1', WA, 'bob')).rejects.toMatchObject({ status: 403 });
    expect(await f.store.customers.get(WA)).toMatchObject({ mergedInto: null });
    await expect(f.runtime.mergeCustomers('cu-1', WA, 'root')).resolves.toMatchObject({ repeated: false });
  });

  it('answers 404 for unknown customers and 422 naming the field for self, loops and merged ones', async () => {
    await whatsapp('oi');
    await f.store.customers.create({ id: 'c-3', name: 'Third', createdAt: T0 });
    await expect(f.runtime.mergeCustomers('nobody', WA, 'ann')).rejects.toMatchObject({ status: 404 });
    await expect(f.runtime.mergeCustomers('cu-1', 'x'.repeat(200), 'ann')).rejects.toMatchObject({
      status: 404,
    });
    await expect(f.runtime.mergeCustomers('cu-1', 'cu-1', 'ann')).rejects.toMatchObject({
      status: 422,
      details: [{ path: 'from' }],
    });
    const first = await f.runtime.mergeCustomers('cu-1', WA, 'ann');
    // A retry answers the same merge and changes nothing.
    const again = await f.runtime.mergeCustomers('cu-1', WA, 'bob');
    expect(again).toMatchObject({ repeated: true, merge: first.merge });
    // A → B, then B → A: the tombstone is no target.
    await expect(f.runtime.mergeCustomers(WA, 'cu-1', 'ann')).rejects.toMatchObject({
      status: 422,
      details: [{ path: 'id' }],
    });
    // A merged contact cannot be merged again elsewhere.
    await expect(f.runtime.mergeCustomers('c-3', WA, 'ann')).rejects.toMatchObject({
      status: 422,
      details: [{ path: 'from' }],
    });
    expect(await f.store.customerMerges.listFor('cu-1', 10)).toHaveLength(1);
  });

  it('merges once under concurrent requests, and two opposite merges leave no loop', async () => {
    await whatsapp('oi');
    const results = await Promise.allSettled([
      f.runtime.mergeCustomers('cu-1', WA, 'ann'),
      f.runtime.mergeCustomers('cu-1', WA, 'bob'),
      f.runtime.mergeCustomers(WA, 'cu-1', 'cat'),
    ]);
    const tombstones = (await f.store.customers.getMany(['cu-1', WA])).filter((c) => c.mergedInto);
    expect(tombstones).toHaveLength(1);
    expect(results.filter((r) => r.status === 'fulfilled').length).toBeGreaterThanOrEqual(1);
    for (const r of results) if (r.status === 'rejected') expect(r.reason).toMatchObject({ status: 422 });
  });

  it("keeps each case's pilot cohort and version: no running case moves between versions", async () => {
    await f.publish({ ...inboundFlow, name: 'Support v2' });
    await f.runtime.startPilot(
      'support',
      { version: 2, percentage: 0, segments: [], customerIds: [WA], note: 'WhatsApp pilot' },
      'root',
    );
    const mine = await mail('by mail');
    const theirs = await whatsapp('pelo zap');
    expect(await f.store.cases.get(theirs.caseId)).toMatchObject({ cohort: 'pilot', version: 2 });
    expect(await f.store.cases.get(mine.caseId)).toMatchObject({ cohort: 'control', version: 1 });
    await f.runtime.mergeCustomers('cu-1', WA, 'ann');
    expect(await f.store.cases.get(theirs.caseId)).toMatchObject({
      customerId: 'cu-1',
      cohort: 'pilot',
      version: 2,
    });
    expect(await f.store.cases.get(mine.caseId)).toMatchObject({ cohort: 'control', version: 1 });
    // The survivor's next case gets its own sticky cohort, not the merged contact's list entry.
    const next = await whatsapp('mais uma');
    expect(await f.store.cases.get(next.caseId)).toMatchObject({
      customerId: 'cu-1',
      cohort: 'control',
      version: 1,
    });
  });
});
