import type { FlowDefinitionInput } from '@caseflow/schema';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createRuntime } from './runtime';
import { supportFlow } from './test-support/flows';
import { type RuntimeFixture, runtimeFixture, T0 } from './test-support/runtime-fixture';

/** Support v2: triage gains a "spam" outcome that closes the case. */
const v2: FlowDefinitionInput = {
  ...supportFlow,
  nodes: supportFlow.nodes.map((n) =>
    n.id === 'triage' ? ({ ...n, outcomes: ['resolved', 'wait', 'spam'] } as typeof n) : n,
  ),
  edges: [...(supportFlow.edges ?? []), { from: 'triage', to: 'gave-up', on: 'spam' }],
};

describe('migration runner', () => {
  let f: RuntimeFixture;
  beforeEach(async () => {
    f = await runtimeFixture();
    await f.publish(supportFlow);
    await f.publish(v2);
  });
  afterEach(async () => f?.dispose());

  const open = async () =>
    (await f.runtime.openCase({ flow: 'support', customerId: 'cu-1', channel: 'web', actor: 'ann' })).id;

  /** A migration recorded as running, as a process that stopped mid-way leaves it. */
  const leftRunning = (caseIds: string[]) =>
    f.store.migrations.create(
      {
        id: 'mig-left',
        flow: 'support',
        fromVersion: 1,
        toVersion: 2,
        mapping: { triage: 'triage' },
        dryRun: false,
        status: 'running',
        createdBy: 'root',
        createdAt: T0,
        finishedAt: null,
      },
      caseIds.map((caseId) => ({ caseId, status: 'planned' as const, reason: null })),
      T0,
    );

  it('resumes a migration left running when the background starts, and the moved tasks take v2 outcomes', async () => {
    const ids = [await open(), await open()];
    const cancelled = await open();
    await f.runtime.cancelCase(cancelled, 'duplicate', 'ann');
    await leftRunning([...ids, cancelled]);

    f.runtime.startBackground();
    await vi.waitFor(async () => expect((await f.store.migrations.get('mig-left'))?.status).toBe('done'));
    expect(await f.store.migrations.counts('mig-left')).toEqual({ planned: 0, migrated: 2, refused: 1 });
    // Checked again when its turn came: the case closed after the plan was made.
    expect(await f.store.migrations.refused('mig-left')).toEqual([
      { caseId: cancelled, reason: JSON.stringify([{ code: 'closed', values: { status: 'cancelled' } }]) },
    ]);

    for (const id of ids) {
      const row = await f.store.cases.get(id);
      expect(row).toMatchObject({ version: 2, activeNodes: ['triage'], revision: 2 });
      const [task] = await f.store.tasks.listByCase(id);
      expect(task).toMatchObject({ nodeId: 'triage', outcomes: ['resolved', 'wait', 'spam'] });
      const entry = (await f.store.timeline.list(id)).find((e) => e.type === 'case.migrated');
      expect(entry).toMatchObject({ actor: 'root', data: { migrationId: 'mig-left', from: 1, to: 2 } });
    }
    // The outcome only v2 offers is taken now.
    const [task] = await f.store.tasks.listByCase(ids[0]!);
    const done = await f.runtime.completeTask(task!.id, { outcome: 'spam', values: { note: 'junk' } }, 'ann');
    expect(done).toMatchObject({ status: 'cancelled', version: 2 });
  });

  it('moves each case once when two runners share the migration', async () => {
    const ids = [await open(), await open(), await open()];
    await leftRunning(ids);
    // A second runtime process on the same database resumes the same migration.
    const other = await f.openAnother();
    const second = createRuntime({ store: other, clock: f.clock, logger: f.logger });
    try {
      f.runtime.startBackground();
      second.startBackground();
      await vi.waitFor(async () => expect((await f.store.migrations.get('mig-left'))?.status).toBe('done'));
      await Promise.all([f.runtime.migrationsIdle(), second.migrationsIdle()]);
      expect(await f.store.migrations.counts('mig-left')).toEqual({ planned: 0, migrated: 3, refused: 0 });
      for (const id of ids) {
        const entries = (await other.timeline.list(id)).filter((e) => e.type === 'case.migrated');
        expect(entries).toHaveLength(1);
        expect(await other.cases.get(id)).toMatchObject({ version: 2, revision: 2 });
      }
    } finally {
      await second.close();
      await other.close();
    }
  });
});
