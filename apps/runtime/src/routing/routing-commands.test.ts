import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { type RuntimeFixture, runtimeFixture, T0 } from '../executor/test-support/runtime-fixture';

describe('routeWaiting (the routing sweep)', () => {
  let f: RuntimeFixture;
  beforeEach(async () => {
    f = await runtimeFixture();
    await f.store.routing.saveGroupRouting({
      group: 'desk',
      mode: 'round-robin',
      offerTimeout: null,
      overflow: null,
      paused: false,
      updatedAt: T0,
      updatedBy: 'admin',
    });
  });
  afterEach(() => f.dispose());

  it('opens no transaction for a routed group where nothing waits, and one where something does', async () => {
    const transaction = vi.spyOn(f.store, 'transaction');
    expect(await f.runtime.routingChanged(['desk'])).toBe(0);
    expect(transaction).not.toHaveBeenCalled();

    await f.store.routing.insertTask({
      taskId: 't-1',
      caseId: 'c-1',
      group: 'desk',
      work: 'task',
      requires: [],
      dueAt: null,
      priorityRank: 2,
      enteredAt: T0,
      state: 'waiting',
      agent: null,
      offeredAt: null,
      declinedBy: [],
      overflowedFrom: null,
      updatedAt: T0,
    });
    // Nobody is online: the round looks, gives nothing and stops.
    expect(await f.runtime.routingChanged(['desk'])).toBe(0);
    expect(transaction).toHaveBeenCalledTimes(1);
  });
});
