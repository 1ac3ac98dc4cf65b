import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checksumOf } from './canonical-json';
import { supportFlow, timerFlow } from './test-support/flows';
import { type RuntimeFixture, runtimeFixture } from './test-support/runtime-fixture';

describe('flow publishing', () => {
  let f: RuntimeFixture;
  beforeEach(async () => {
    f = await runtimeFixture();
  });
  afterEach(async () => f.dispose());

  it('saves an invalid draft with its problems but refuses to publish it (422 with the problems)', async () => {
    const broken = { ...timerFlow, edges: [{ from: 'start', to: 'nowhere' }] };
    const { problems } = await f.runtime.saveDraft('cool-off', broken, 'owner');
    expect(problems.some((p) => p.severity === 'error' && p.code === 'dangling-edge')).toBe(true);
    const error = await f.runtime.publish('cool-off', { actor: 'owner' }).catch((e) => e);
    expect(error).toMatchObject({ status: 422, code: 'flow-invalid' });
    expect(error.details.problems).toEqual(problems);
    expect(await f.store.flowVersions.latest('cool-off')).toBe(0);
  });

  it('validates references against the installation: unknown groups are problems', async () => {
    const problems = await f.runtime.validate({
      ...supportFlow,
      tiers: [{ id: 'L1', name: 'Desk', group: 'no-such-group' }],
    });
    expect(problems.some((p) => p.code === 'unknown-group')).toBe(true);
  });

  it('flags a draft saved under another key', async () => {
    const { problems } = await f.runtime.saveDraft('other', timerFlow, 'owner');
    expect(problems[0]).toMatchObject({ code: 'schema', path: ['key'] });
  });

  it('publishes immutable numbered versions with a checksum and the compiled config; the first becomes active', async () => {
    expect(await f.publish(timerFlow)).toBe(1);
    expect(await f.publish({ ...timerFlow, name: 'Cool off longer' })).toBe(2);
    const v1 = (await f.runtime.getVersion('cool-off', 1))!;
    expect(v1).toMatchObject({ flow: 'cool-off', version: 1, author: 'owner' });
    expect(v1.checksum).toMatch(/^[0-9a-f]{64}$/);
    expect(v1.checksum).toBe(checksumOf(v1.definition));
    expect(v1.config).toEqual(expect.objectContaining({}));
    expect(v1.checksum).not.toBe((await f.runtime.getVersion('cool-off', 2))!.checksum);
    expect((await f.store.flows.get('cool-off'))!.activeVersion).toBe(1);

    const c1 = await f.runtime.openCase({
      flow: 'cool-off',
      customerId: 'cu-1',
      channel: 'web',
      actor: 'ann',
    });
    expect(c1.version).toBe(1);
    await f.runtime.activate('cool-off', 2);
    const c2 = await f.runtime.openCase({
      flow: 'cool-off',
      customerId: 'cu-1',
      channel: 'web',
      actor: 'ann',
    });
    expect(c2.version).toBe(2);
    // Running cases keep their version.
    expect((await f.runtime.getCase(c1.id))!.version).toBe(1);
    await expect(f.runtime.activate('cool-off', 7)).rejects.toMatchObject({ status: 404 });
  });

  it('answers 422 for a case of a flow that has a draft but no active version', async () => {
    await f.runtime.saveDraft('cool-off', timerFlow, 'owner');
    await expect(
      f.runtime.openCase({ flow: 'cool-off', customerId: 'cu-1', channel: 'web', actor: 'ann' }),
    ).rejects.toMatchObject({ status: 422 });
  });
});

describe('canonical checksums', () => {
  it('ignore key order and whitespace but not values', () => {
    expect(checksumOf({ a: 1, b: { c: [1, 2], d: 'x' } })).toBe(
      checksumOf({ b: { d: 'x', c: [1, 2] }, a: 1 }),
    );
    expect(checksumOf({ a: 1 })).not.toBe(checksumOf({ a: 2 }));
    expect(checksumOf({ a: [1, 2] })).not.toBe(checksumOf({ a: [2, 1] }));
  });
});
