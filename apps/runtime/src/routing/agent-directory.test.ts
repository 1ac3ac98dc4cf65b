import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { StaleRevision } from '../executor/case-session';
import { CompiledFlows } from '../executor/compiled-flows';
import { type EventTransactions, eventTransactions } from '../executor/event-transaction';
import { supportFlow } from '../executor/test-support/flows';
import { type RuntimeFixture, runtimeFixture, T0 } from '../executor/test-support/runtime-fixture';
import { setPresence } from './presence-commands';
import { Router } from './router';

/*
 * The directory's cached loads against event transactions that run more than once or roll
 * back: ann and dan (desk, online, least-loaded) and two triage tasks waiting for them, routed
 * by a router of the test's own (its cache starts empty) in event transactions of its own.
 */
describe('cached agent loads and event transactions', () => {
  let f: RuntimeFixture;
  let router: Router;
  let events: EventTransactions;
  beforeEach(async () => {
    f = await runtimeFixture();
    await f.publish(supportFlow);
    await f.store.users.create({
      username: 'dan',
      passwordHash: 'x',
      roles: ['agent'],
      groups: ['desk'],
      createdAt: T0,
    });
    for (const username of ['ann', 'dan']) await setPresence(f.store, username, username, 'online', T0);
    // The desk routes manually while the cases open: both tasks wait.
    for (let i = 0; i < 2; i++) {
      await f.runtime.openCase({ flow: 'support', customerId: 'cu-1', channel: 'phone', actor: 'ann' });
    }
    await f.store.routing.saveGroupRouting({
      group: 'desk',
      mode: 'least-loaded',
      offerTimeout: null,
      overflow: null,
      paused: false,
      updatedAt: T0,
      updatedBy: 'admin',
    });
    router = new Router({});
    const ctx = {
      compiled: new CompiledFlows({ size: 4, calendars: {} }),
      logger: f.logger,
      flowEnv: {},
      router,
    };
    events = eventTransactions(f.store, f.clock, ctx, () => undefined);
  });
  afterEach(async () => f.dispose());

  /** The task loads the directory ranks with, by agent (cached unless two seconds old). */
  const loads = () =>
    events.run(async (session) =>
      Object.fromEntries(
        (await router.directory.candidates(session, 'desk')).map((c) => [c.username, c.load.task]),
      ),
    );

  it('counts an assignment once when its event is retried after a stale revision', async () => {
    expect(await loads()).toEqual({ ann: 0, dan: 0 });
    let runs = 0;
    await events.run(async (session) => {
      runs++;
      expect(await router.fill(session, ['desk'], 1)).toBe(1);
      if (runs === 1) throw new StaleRevision('c-1');
    });
    expect(runs).toBe(2);
    expect(await loads()).toEqual({ ann: 1, dan: 0 });
    expect((await f.store.routing.loads(['ann'])).get('ann')?.task).toBe(1);
  });

  it('does not count an assignment whose event rolled back', async () => {
    expect(await loads()).toEqual({ ann: 0, dan: 0 });
    const failed = events.run(async (session) => {
      expect(await router.fill(session, ['desk'], 1)).toBe(1);
      throw new Error('boom');
    });
    await expect(failed).rejects.toThrow();
    expect(await loads()).toEqual({ ann: 0, dan: 0 });
  });

  it('ranks with its own assignments inside the event, before they commit', async () => {
    expect(await loads()).toEqual({ ann: 0, dan: 0 });
    await events.run(async (session) => {
      expect(await router.fill(session, ['desk'], 2)).toBe(2);
    });
    // Least-loaded: the second task went to dan, as ann held the first.
    expect(await loads()).toEqual({ ann: 1, dan: 1 });
  });

  it('counts an assignment once in a group the event read again after making it', async () => {
    expect(await loads()).toEqual({ ann: 0, dan: 0 });
    await events.run(async (session) => {
      expect(await router.fill(session, ['desk'], 1)).toBe(1);
      // Read again in the transaction: the read holds ann's task already.
      router.directory.invalidate();
      expect(await router.fill(session, ['desk'], 1)).toBe(1);
    });
    expect(await loads()).toEqual({ ann: 1, dan: 1 });
  });

  it('leaves no group read by an event that rolled back to others', async () => {
    expect(await loads()).toEqual({ ann: 0, dan: 0 });
    const failed = events.run(async (session) => {
      expect(await router.fill(session, ['desk'], 1)).toBe(1);
      router.directory.invalidate();
      // This read sees the uncommitted assignment.
      expect((await router.directory.candidates(session, 'desk')).map((c) => c.load.task)).toEqual([1, 0]);
      throw new Error('boom');
    });
    await expect(failed).rejects.toThrow();
    expect(await loads()).toEqual({ ann: 0, dan: 0 });
  });
});
