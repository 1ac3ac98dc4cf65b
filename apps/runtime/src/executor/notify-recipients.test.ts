import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CompiledFlows } from './compiled-flows';
import { eventTransactions } from './event-transaction';
import { resolveRecipients } from './notify-recipients';
import { supportFlow } from './test-support/flows';
import { type RuntimeFixture, runtimeFixture } from './test-support/runtime-fixture';

describe('notify recipients', () => {
  let f: RuntimeFixture;
  beforeEach(async () => {
    f = await runtimeFixture();
    await f.publish(supportFlow);
  });
  afterEach(async () => f.dispose());

  async function resolve(caseId: string, to: string) {
    const ctx = { compiled: new CompiledFlows({ size: 4, calendars: {} }), logger: f.logger, flowEnv: {} };
    return eventTransactions(f.store, f.clock, ctx, () => undefined).run(async (session) =>
      resolveRecipients(session.tx, (await session.load(caseId))!, to),
    );
  }

  it('resolves the customer, users, groups, tiers and current assignees', async () => {
    const c = await f.runtime.openCase({ flow: 'support', customerId: 'cu-1', channel: 'web', actor: 'ann' });
    await f.runtime.claimTask(c.tasks[0]!.id, 'ann');
    expect(await resolve(c.id, 'customer')).toEqual([
      {
        kind: 'customer',
        customerId: 'cu-1',
        name: 'Carla Customer',
        email: 'carla@example.com',
        phone: null,
        locale: null,
      },
    ]);
    expect(await resolve(c.id, 'user:bob')).toEqual([{ kind: 'user', username: 'bob', locale: null }]);
    expect(await resolve(c.id, 'user:ghost')).toEqual([]);
    // Each recipient carries their profile's language: what they receive is written in it.
    await f.store.users.update('bob', { locale: 'pt-BR' });
    expect(await resolve(c.id, 'group:ops')).toEqual([
      { kind: 'user', username: 'bob', locale: 'pt-BR' },
      { kind: 'user', username: 'cat', locale: null },
    ]);
    expect(await resolve(c.id, 'tier:L1')).toEqual([{ kind: 'user', username: 'ann', locale: null }]);
    expect(await resolve(c.id, 'assignee')).toEqual([{ kind: 'user', username: 'ann', locale: null }]);
    expect(await resolve(c.id, 'nobody')).toEqual([]);
  });
});
