import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CompiledFlows } from './compiled-flows';
import { eventTransactions } from './event-transaction';
import { supportFlow } from './test-support/flows';
import { type RuntimeFixture, runtimeFixture } from './test-support/runtime-fixture';

describe('event transactions of one case', () => {
  let f: RuntimeFixture;
  beforeEach(async () => {
    f = await runtimeFixture();
    await f.publish(supportFlow);
  });
  afterEach(async () => f.dispose());

  function events() {
    const ctx = { compiled: new CompiledFlows({ size: 4, calendars: {} }), logger: f.logger, flowEnv: {} };
    return eventTransactions(f.store, f.clock, ctx, () => undefined);
  }

  it('runs the events of one case one after another, each after the previous one committed', async () => {
    const tx = events();
    const log: string[] = [];
    const step = (name: string, caseId: string) =>
      tx
        .run(
          async () => {
            log.push(`${name} begins`);
            await new Promise((r) => setTimeout(r, 20));
            log.push(`${name} ends`);
          },
          { caseId },
        )
        .then(() => log.push(`${name} committed`));
    await Promise.all([step('a1', 'case-a'), step('a2', 'case-a'), step('b1', 'case-b')]);
    // a2 began only once a1 had committed; b1, another case, did not wait for either.
    expect(log.indexOf('a2 begins')).toBeGreaterThan(log.indexOf('a1 committed'));
    expect(log.indexOf('b1 begins')).toBeLessThan(log.indexOf('a1 committed'));
  });

  it('lets the next event of the case run when one fails', async () => {
    const tx = events();
    const failed = tx.run(
      async () => {
        throw new Error('boom');
      },
      { caseId: 'case-a' },
    );
    await expect(failed).rejects.toThrow();
    await expect(tx.run(async () => 'ran', { caseId: 'case-a' })).resolves.toBe('ran');
  });
});
