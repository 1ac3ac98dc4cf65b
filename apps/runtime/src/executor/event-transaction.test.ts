import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Store } from '../store/store';
import { StaleRevision } from './case-session';
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

describe('after-commit hooks of event transactions', () => {
  let f: RuntimeFixture;
  let log: string[];
  beforeEach(async () => {
    f = await runtimeFixture();
    log = [];
  });
  afterEach(async () => f.dispose());

  /** Event transactions over a store that logs `commit` whenever a transaction resolves. */
  function events(onOutbox: () => void = () => undefined) {
    const store: Store = {
      ...f.store,
      transaction: (fn, options) =>
        f.store.transaction(fn, options).then((value) => {
          log.push('commit');
          return value;
        }),
    };
    const ctx = { compiled: new CompiledFlows({ size: 4, calendars: {} }), logger: f.logger, flowEnv: {} };
    return eventTransactions(store, f.clock, ctx, onOutbox);
  }

  it('runs a hook once, after the commit, when the event is retried after a stale revision', async () => {
    let runs = 0;
    const value = await events().run(async (session) => {
      runs++;
      session.afterCommit(() => log.push(`hook of run ${runs}`));
      if (runs === 1) throw new StaleRevision('c-1');
      return 'done';
    });
    expect(value).toBe('done');
    expect(runs).toBe(2);
    expect(log).toEqual(['commit', 'hook of run 2']);
  });

  it('never runs the hook of an event that fails', async () => {
    const failed = events().run(async (session) => {
      session.afterCommit(() => log.push('hook'));
      throw new Error('boom');
    });
    await expect(failed).rejects.toThrow();
    // (The incident it opened committed in a transaction of its own.)
    expect(log).not.toContain('hook');
  });

  it('runs a hook once when group commit rolls its batch back and runs the event again', async () => {
    const tx = events();
    let runs = 0;
    const first = tx.run(async (session) => {
      runs++;
      session.afterCommit(() => log.push('hook'));
    });
    // The same batch: it writes, then fails, so the batch is rolled back and `first` re-run.
    const second = tx.run(async (session) => {
      await session.tx.groups.create({ name: 'temp', description: '', createdAt: session.now });
      throw new Error('after a write');
    });
    const [a, b] = await Promise.allSettled([first, second]);
    expect(a.status).toBe('fulfilled');
    expect(b.status).toBe('rejected');
    expect(runs).toBe(2);
    expect(log.filter((l) => l === 'hook')).toEqual(['hook']);
  });

  it('keeps a committed event answered when a hook throws, and runs the hooks after it', async () => {
    const value = await events().run(async (session) => {
      session.afterCommit(() => {
        throw new Error('hook broke');
      });
      session.afterCommit(() => log.push('second hook'));
      return 'committed';
    });
    expect(value).toBe('committed');
    expect(log).toEqual(['commit', 'second hook']);
    expect(f.logger.lines).toContainEqual(
      expect.objectContaining({ level: 'warn', obj: { err: 'hook broke' } }),
    );
  });

  it("runs a nested run's hooks after the outer commit, and not those of a rolled-back attempt", async () => {
    const tx = events();
    let outerRuns = 0;
    await tx.run(async (session) => {
      outerRuns++;
      await tx.run(async (inner) => {
        inner.afterCommit(() => log.push(`inner hook of outer run ${outerRuns}`));
      });
      // A nested run that fails and is caught: its savepoint is undone, and its hook with it.
      await tx
        .run(async (inner) => {
          inner.afterCommit(() => log.push('hook of a failed nested run'));
          throw new Error('inner failure');
        })
        .catch(() => undefined);
      expect(log.filter((l) => l.includes('hook'))).toEqual([]);
      session.afterCommit(() => log.push(`outer hook of run ${outerRuns}`));
      if (outerRuns === 1) throw new StaleRevision('c-1');
    });
    expect(outerRuns).toBe(2);
    // Each nested run resolves its savepoint ('commit'); the outer commit comes last, then the hooks.
    expect(log).toEqual(['commit', 'commit', 'commit', 'inner hook of outer run 2', 'outer hook of run 2']);
  });

  it('wakes the outbox for what a nested run queued after the outer commit, not before', async () => {
    const tx = events(() => log.push('outbox woken'));
    await tx.run(async () => {
      await tx.run(async (inner) => {
        inner.outboxQueued = true;
      });
      expect(log).toEqual(['commit']);
    });
    expect(log).toEqual(['commit', 'commit', 'outbox woken']);
  });
});
