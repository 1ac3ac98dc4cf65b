import type { FlowDefinitionInput } from '@caseflow/schema';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { supportFlow } from './test-support/flows';
import { type RuntimeFixture, runtimeFixture, T0 } from './test-support/runtime-fixture';

const v2: FlowDefinitionInput = { ...supportFlow, name: 'Support v2' };
const v3: FlowDefinitionInput = { ...supportFlow, name: 'Support v3' };

describe.each(['sqlite', 'postgres'] as const)('activation requests on %s', (dialect) => {
  let f: RuntimeFixture;
  beforeEach(async () => {
    f = await runtimeFixture({}, dialect);
    await f.store.users.create({ username: 'olivia', passwordHash: 'x', roles: ['owner'], createdAt: T0 });
    await f.store.users.create({ username: 'root', passwordHash: 'x', roles: ['admin'], createdAt: T0 });
    await f.publish(supportFlow);
    await f.publish(v2);
    await f.publish(v3);
  });
  afterEach(async () => f?.dispose());

  const ask = (version: number, actor = 'olivia', note = 'fixes the triage step') =>
    f.runtime.requestActivation('support', { version, note }, actor);

  it('lets an owner ask and only an admin activate, which settles the request with the note', async () => {
    const asked = await ask(2);
    expect(asked).toMatchObject({ version: 2, status: 'pending', requestedBy: 'olivia', requestedAt: T0 });
    // The owner cannot make it live themselves.
    await expect(f.runtime.activate('support', 2, 'olivia', 'me')).rejects.toMatchObject({ status: 403 });
    expect((await f.store.flows.get('support'))!.activeVersion).toBe(1);

    f.clock.advance('PT1M');
    await f.runtime.activate('support', 2, 'root', 'checked with the desk');
    expect((await f.store.flows.get('support'))!.activeVersion).toBe(2);
    expect(await f.store.activations.get(asked.id)).toMatchObject({
      status: 'activated',
      decidedBy: 'root',
      decidedAt: T0 + 60_000,
      decisionNote: 'checked with the desk',
    });
    expect(await f.runtime.pendingActivations('root')).toEqual([]);
  });

  it('refuses agents, unknown versions, the live version and a second pending request', async () => {
    await expect(ask(2, 'ann')).rejects.toMatchObject({ status: 403 });
    await expect(ask(9)).rejects.toMatchObject({ status: 400, details: [{ path: 'version' }] });
    await expect(ask(1)).rejects.toMatchObject({ status: 409 });
    await ask(2);
    await expect(ask(2, 'root')).rejects.toMatchObject({ status: 409 });
    await expect(
      f.runtime.requestActivation('nope', { version: 1, note: 'x' }, 'olivia'),
    ).rejects.toMatchObject({ status: 404 });
    expect(await f.store.activations.list('support', 10)).toHaveLength(1);
  });

  it('lets only an admin reject, once, with a note; the owner may then ask again', async () => {
    const asked = await ask(3);
    await expect(f.runtime.rejectActivation('support', asked.id, 'no', 'olivia')).rejects.toMatchObject({
      status: 403,
    });
    // A request is addressed through its own flow only.
    await f.publish({ ...supportFlow, key: 'other' });
    await expect(f.runtime.rejectActivation('other', asked.id, 'no', 'root')).rejects.toMatchObject({
      status: 404,
    });
    const rejected = await f.runtime.rejectActivation('support', asked.id, 'the SLA is wrong', 'root');
    expect(rejected).toMatchObject({
      status: 'rejected',
      decidedBy: 'root',
      decisionNote: 'the SLA is wrong',
    });
    await expect(f.runtime.rejectActivation('support', asked.id, 'again', 'root')).rejects.toMatchObject({
      status: 409,
    });
    await ask(3, 'olivia', 'SLA fixed');
    expect((await f.runtime.pendingActivations('root')).map((r) => r.note)).toEqual(['SLA fixed']);
    await expect(f.runtime.pendingActivations('olivia')).rejects.toMatchObject({ status: 403 });
  });

  it('records an activation nobody asked for, so the history names every live version', async () => {
    await ask(3);
    f.clock.advance('PT1M');
    await f.runtime.activate('support', 2, 'root', 'hotfix');
    const history = await f.runtime.listActivationRequests('support', 'olivia');
    expect(history.map((r) => [r.version, r.status, r.requestedBy, r.decisionNote])).toEqual([
      [2, 'activated', 'root', 'hotfix'],
      [3, 'pending', 'olivia', null],
    ]);
    await expect(f.runtime.listActivationRequests('support', 'ann')).rejects.toMatchObject({ status: 403 });
  });
});
