import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { childFlow, supportFlow } from './test-support/flows';
import { type RuntimeFixture, runtimeFixture, T0 } from './test-support/runtime-fixture';

const form = {
  type: 'object' as const,
  properties: { cardLast4: { type: 'string' as const, title: 'Card', pattern: '^[0-9]{4}$' } },
  required: ['cardLast4'],
};

/** The plain catalog item of the support flow. */
const supportItem = {
  key: 'support',
  name: 'Support',
  category: 'Help',
  description: '',
  form,
  active: true,
  flow: 'support',
  updatedAt: T0,
};

describe('case intake: customers go through the catalog', () => {
  let f: RuntimeFixture;
  beforeEach(async () => {
    f = await runtimeFixture();
    await f.publish(supportFlow);
    await f.publish(childFlow);
    await f.store.customers.create({ id: 'cu-2', name: 'Other', segment: 'standard', createdAt: T0 });
    for (const [username, customerId] of [
      ['carla', 'cu-1'],
      ['otto', 'cu-2'],
    ] as const) {
      await f.store.users.create({
        username,
        passwordHash: 'x',
        roles: ['customer'],
        customerId,
        createdAt: T0,
      });
    }
    const item = { name: 'Support', category: 'Help', description: '', form, active: true };
    await f.store.catalog.upsert({ ...item, key: 'support', flow: 'support', updatedAt: T0 });
    await f.store.catalog.upsert({
      ...item,
      key: 'vip-support',
      name: 'VIP support',
      flow: 'support',
      audience: { customerIds: ['cu-1'] },
      updatedAt: T0,
    });
  });
  afterEach(async () => f.dispose());

  const asCustomer = (
    actor: string,
    customerId: string,
    variables: Record<string, unknown>,
    flow = 'support',
  ) => f.runtime.openCaseAs({ flow, customerId, channel: 'web', variables, actor });

  it("opens a customer's case through the item's form, as a catalog request would", async () => {
    const c = await asCustomer('carla', 'cu-1', { cardLast4: '1234' });
    expect(c.variables).toEqual({
      cardLast4: '1234',
      request: { cardLast4: '1234' },
      catalogItem: 'support',
    });
    expect(c.subject).toBe('Support');
  });

  it("names a request after the item in its customer's language", async () => {
    await f.store.catalog.upsert({ ...supportItem, translations: { 'pt-BR': { name: 'Suporte' } } });
    await f.store.users.create({
      username: 'paula',
      passwordHash: 'x',
      roles: ['customer'],
      customerId: 'cu-2',
      locale: 'pt-BR',
      createdAt: T0,
    });
    const values = { cardLast4: '1234' };
    expect((await f.runtime.requestFromCatalog({ item: 'support', values, actor: 'paula' })).subject).toBe(
      'Suporte',
    );
    expect((await asCustomer('paula', 'cu-2', values)).subject).toBe('Suporte');
    // An English reader, or a customer with no language set, gets the item's own name.
    expect((await f.runtime.requestFromCatalog({ item: 'support', values, actor: 'otto' })).subject).toBe(
      'Support',
    );
  });

  it('refuses variables the form refuses (400 naming the field)', async () => {
    await expect(asCustomer('carla', 'cu-1', { cardLast4: 'abcd' })).rejects.toMatchObject({
      status: 400,
      details: [expect.objectContaining({ path: 'values.cardLast4' })],
    });
  });

  it('refuses internal flows and flows no item offers the customer (403 not-offered)', async () => {
    await expect(asCustomer('carla', 'cu-1', {}, 'fraud-check')).rejects.toMatchObject({
      status: 403,
      code: 'not-offered',
    });
    await f.store.catalog.upsert({
      ...supportItem,
      audience: { customerIds: ['cu-1'] },
    });
    // Both items that offer `support` are now restricted to cu-1.
    await expect(asCustomer('otto', 'cu-2', { cardLast4: '1234' })).rejects.toMatchObject({
      status: 403,
      code: 'not-offered',
    });
    await expect(asCustomer('otto', 'cu-1', { cardLast4: '1234' })).rejects.toMatchObject({ status: 403 });
  });

  it('lets agents open any flow for any customer from a channel', async () => {
    const c = await f.runtime.openCaseAs({
      flow: 'support',
      customerId: 'cu-2',
      channel: 'phone',
      actor: 'ann',
    });
    expect(c.status).toBe('open');
  });

  it("checks an agent's request on a customer's behalf against that customer's audience", async () => {
    const request = (onBehalfOf: string) =>
      f.runtime.requestFromCatalog({
        item: 'vip-support',
        values: { cardLast4: '1234' },
        onBehalfOf,
        actor: 'ann',
      });
    await expect(request('cu-2')).rejects.toMatchObject({ status: 403, details: { reason: 'audience' } });
    expect((await request('cu-1')).customerId).toBe('cu-1');
    await expect(request('nobody')).rejects.toMatchObject({ status: 400 });
  });

  it('hides restricted items from other customers (404) and keeps customers to themselves (403)', async () => {
    const values = { cardLast4: '1234' };
    await expect(
      f.runtime.requestFromCatalog({ item: 'vip-support', values, actor: 'otto' }),
    ).rejects.toMatchObject({
      status: 404,
    });
    await expect(
      f.runtime.requestFromCatalog({ item: 'support', values, onBehalfOf: 'cu-1', actor: 'otto' }),
    ).rejects.toMatchObject({ status: 403 });
  });

  it('never offers a subflow in the catalog', async () => {
    const body = { name: 'x', category: 'x', description: '', form, flow: 'fraud-check', active: true };
    await expect(f.runtime.saveCatalogItem('fraud', body, 'owner')).rejects.toMatchObject({ status: 403 });
    await f.store.users.create({ username: 'olivia', passwordHash: 'x', roles: ['owner'], createdAt: T0 });
    await expect(f.runtime.saveCatalogItem('fraud', body, 'olivia')).rejects.toMatchObject({ status: 400 });
    // An item written past the command still cannot open the internal flow.
    await f.store.catalog.upsert({ ...body, key: 'fraud', updatedAt: T0 });
    await expect(
      f.runtime.requestFromCatalog({ item: 'fraud', values: { cardLast4: '1234' }, actor: 'carla' }),
    ).rejects.toMatchObject({
      status: 422,
      details: { reason: 'internal' },
    });
  });
});
