import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listCustomerCases, toPublicTimelineEntry } from './customer-case';
import { childFlow, parentFlow } from './test-support/flows';
import { type RuntimeFixture, runtimeFixture } from './test-support/runtime-fixture';
import { userRow } from './test-support/user-row';

/** A customer account: `cu` of customer `customerId`, reading in `locale`. */
const customer = (customerId: string | null, locale: 'en' | 'pt-BR' | null = null) =>
  userRow('cu', { roles: ['customer'], customerId, locale });

describe('the customer projection of cases', () => {
  let f: RuntimeFixture;
  beforeEach(async () => {
    f = await runtimeFixture();
    await f.publish(childFlow);
    await f.publish(parentFlow);
  });
  afterEach(async () => f.dispose());

  const openLostCard = () =>
    f.runtime.openCase({
      flow: 'lost-card',
      customerId: 'cu-1',
      channel: 'web',
      subject: 'Lost card',
      actor: 'cu',
    });
  const childOf = async (parentId: string) =>
    (await f.store.cases.list({ parentCaseId: parentId })).items[0]!;

  it('numbers every case when it opens, the subflow child included', async () => {
    const parent = await openLostCard();
    const child = await childOf(parent.id);
    expect(parent.number).toMatch(/^REQ-\d{6}$/);
    expect(child.number).not.toBeNull();
    expect(child.number).not.toBe(Number(parent.number!.slice(4)));
    expect((await f.runtime.timeline(parent.id))[0]).toMatchObject({
      type: 'case.opened',
      data: { number: parent.number },
    });
  });

  it("lists the customer's own top-level cases only", async () => {
    const parent = await openLostCard();
    await f.store.customers.create({ id: 'cu-2', name: 'Other', createdAt: 0 });
    await f.runtime.openCase({ flow: 'lost-card', customerId: 'cu-2', channel: 'web', actor: 'x' });
    const page = await listCustomerCases(f.store, 'cu-1', {});
    expect(page.items.map((c) => c.id)).toEqual([parent.id]);
    expect(Object.keys(page.items[0]!).sort()).toEqual(
      [
        'channel',
        'closedAt',
        'createdAt',
        'customerId',
        'id',
        'number',
        'status',
        'subject',
        'updatedAt',
      ].sort(),
    );
    expect(await listCustomerCases(f.store, null, {})).toEqual({ items: [], next: null });
  });

  it('shows the own case without internals and answers 404 for a child or another customer', async () => {
    const parent = await openLostCard();
    const child = await childOf(parent.id);
    const mine = await f.runtime.customerCase(parent.id, customer('cu-1'));
    expect(mine).toMatchObject({
      id: parent.id,
      number: parent.number,
      subject: 'Lost card',
      status: 'open',
    });
    // Its fraud-check subflow is under way: not to be stopped from the portal.
    expect(mine.mayWithdraw).toBe(false);
    expect(mine.reopenUntil).toBeNull();
    for (const internal of ['flow', 'version', 'cohort', 'pilotId', 'tasks', 'variables', 'activeNodes']) {
      expect(mine).not.toHaveProperty(internal);
    }
    await expect(f.runtime.customerCase(child.id, customer('cu-1'))).rejects.toMatchObject({ status: 404 });
    await expect(f.runtime.customerCase(parent.id, customer('cu-2'))).rejects.toMatchObject({ status: 404 });
    await expect(f.runtime.customerCase(parent.id, customer(null))).rejects.toMatchObject({ status: 404 });
  });

  it("names the current step by the node's customer label only, never a task title", async () => {
    const parent = await openLostCard();
    const child = (await f.runtime.getCase((await childOf(parent.id)).id))!;
    expect((await f.runtime.customerCase(parent.id, customer('cu-1'))).step).toBeNull();
    await f.runtime.completeTask(child.tasks[0]!.id, { outcome: 'clean' }, 'bob');
    // At "wrap-up": the task is titled "Wrap up", the node has the label customers read.
    const atWrapUp = await f.runtime.customerCase(parent.id, customer('cu-1'));
    expect(atWrapUp.step).toBe('Finishing your request');
    // Its internal subflow is done: the customer who opened it may withdraw it now, and only they.
    expect(atWrapUp.mayWithdraw).toBe(true);
    const colleague = userRow('cu-colleague', { roles: ['customer'], customerId: 'cu-1' });
    expect((await f.runtime.customerCase(parent.id, colleague)).mayWithdraw).toBe(false);
    // In the customer's language when the flow has it.
    expect((await f.runtime.customerCase(parent.id, customer('cu-1', 'pt-BR'))).step).toBe(
      'Finalizando sua solicitação',
    );
  });

  it('strips public timeline entries down to what the customer may read', () => {
    const entry = toPublicTimelineEntry({
      caseId: 'k',
      seq: 1,
      at: 0,
      type: 'case.opened',
      actor: 'lena',
      nodeId: 'start',
      data: { number: 'REQ-000001', flow: 'lost-card', version: 3, channel: 'web', cohort: 'pilot' },
      public: true,
    });
    expect(entry).toEqual({
      seq: 1,
      at: new Date(0).toISOString(),
      type: 'case.opened',
      actor: null,
      data: { number: 'REQ-000001', channel: 'web' },
    });
  });
});
