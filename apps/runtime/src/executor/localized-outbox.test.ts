import type { FlowDefinitionInput } from '@caseflow/schema';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type RuntimeFixture, runtimeFixture } from './test-support/runtime-fixture';

/** Tells the customer, asks for a CSAT answer and tells the ops group, then ends. */
const tellFlow: FlowDefinitionInput = {
  key: 'tell',
  name: 'Tell',
  tiers: [],
  slas: [],
  nodes: [
    { id: 'start', type: 'start' },
    { id: 'tell-customer', type: 'notify', to: 'customer', template: 'request-done' },
    { id: 'ask', type: 'survey', survey: 'csat' },
    { id: 'tell-ops', type: 'notify', to: 'group:ops', template: 'request-declined' },
    { id: 'end', type: 'end' },
  ],
  edges: [
    { from: 'start', to: 'tell-customer' },
    { from: 'tell-customer', to: 'ask' },
    { from: 'ask', to: 'tell-ops' },
    { from: 'tell-ops', to: 'end' },
  ],
};

describe('what people receive is written in their profile language', () => {
  let f: RuntimeFixture;
  beforeEach(async () => {
    f = await runtimeFixture();
    await f.publish(tellFlow);
  });
  afterEach(async () => f.dispose());

  async function outboxOf(caseId: string) {
    const rows = (await f.store.outbox.list({ caseId })).items;
    const by = (kind: string, node: string) =>
      rows.find((r) => r.kind === kind && r.payload.nodeId === node)!.payload;
    return {
      customer: by('notify', 'tell-customer'),
      survey: by('survey', 'ask'),
      ops: by('notify', 'tell-ops'),
    };
  }

  it("uses the customer's locale for their notification and survey, and each user's for staff", async () => {
    await f.store.customers.update('cu-1', { locale: 'pt-BR' }, Date.now());
    await f.store.users.update('bob', { locale: 'pt-BR' });
    const c = await f.runtime.openCase({ flow: 'tell', customerId: 'cu-1', channel: 'web', actor: 'ann' });
    const { customer, survey, ops } = await outboxOf(c.id);
    expect(customer.messages).toEqual([
      expect.objectContaining({
        locale: 'pt-BR',
        template: 'request-done',
        subject: expect.stringMatching(/^Sua solicitação REQ-\d+ foi concluída$/),
      }),
    ]);
    expect(String((customer.messages as Array<{ body: string }>)[0]!.body)).toContain('Olá, Carla Customer!');
    expect(survey.message).toMatchObject({ locale: 'pt-BR', template: 'survey.csat' });
    // bob reads Portuguese, cat (no choice) English: one rendering per language.
    expect((ops.messages as Array<{ locale: string }>).map((m) => m.locale).sort()).toEqual(['en', 'pt-BR']);
  });

  it('falls back to English when the customer has no language', async () => {
    const c = await f.runtime.openCase({ flow: 'tell', customerId: 'cu-1', channel: 'web', actor: 'ann' });
    const { customer, survey } = await outboxOf(c.id);
    expect(customer.messages).toEqual([
      expect.objectContaining({
        locale: 'en',
        subject: expect.stringMatching(/^Your request REQ-\d+ is done$/),
      }),
    ]);
    expect(survey.message).toMatchObject({
      locale: 'en',
      subject: expect.stringMatching(/^How did we do\?/),
    });
  });
});
