import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CompiledFlows } from './compiled-flows';
import { timerFlow } from './test-support/flows';
import { type RuntimeFixture, runtimeFixture } from './test-support/runtime-fixture';

describe('CompiledFlows', () => {
  let f: RuntimeFixture;
  beforeEach(async () => {
    f = await runtimeFixture();
    await f.publish(timerFlow);
    await f.publish({ ...timerFlow, name: 'v2' });
  });
  afterEach(async () => f.dispose());

  it('compiles a stored version once and answers the same machine afterwards', async () => {
    const flows = new CompiledFlows({ size: 4, calendars: {} });
    const first = await flows.get(f.store, 'cool-off', 1);
    expect(await flows.get(f.store, 'cool-off', 1)).toBe(first);
    expect(first.definition.name).toBe('Cool off');
    expect((await flows.get(f.store, 'cool-off', 2)).definition.name).toBe('v2');
  });

  it('keeps at most `size` versions, dropping the least recently used', async () => {
    const flows = new CompiledFlows({ size: 1, calendars: {} });
    const v1 = await flows.get(f.store, 'cool-off', 1);
    await flows.get(f.store, 'cool-off', 2);
    const again = await flows.get(f.store, 'cool-off', 1);
    expect(again).not.toBe(v1);
    expect(again.config).toEqual(v1.config);
  });

  it('answers 404 for a version that was never published', async () => {
    const flows = new CompiledFlows({ size: 4, calendars: {} });
    await expect(flows.get(f.store, 'cool-off', 3)).rejects.toMatchObject({ status: 404 });
  });
});
