import { beforeEach, describe, expect, it } from 'vitest';
import type { MigrationRow, Store } from '../store';
import { caseRow, T0, taskRow } from './fixtures';

/** Contract of migrations and the version / task fields a migration writes; `current` answers the store. */
export function migrationsContract(current: () => Store): void {
  let store: Store;
  beforeEach(() => {
    store = current();
  });

  const row = (id: string, over: Partial<MigrationRow> = {}): MigrationRow => ({
    id,
    flow: 'repair',
    fromVersion: 1,
    toVersion: 2,
    mapping: { triage: 'check' },
    dryRun: false,
    status: 'running',
    createdBy: 'admin',
    createdAt: T0,
    finishedAt: null,
    ...over,
  });

  describe('migrations', () => {
    it('records a migration with its cases and reports progress as they settle', async () => {
      const created = await store.migrations.create(
        row('m1'),
        [
          { caseId: 'k3', status: 'planned', reason: null },
          { caseId: 'k1', status: 'planned', reason: null },
          { caseId: 'k2', status: 'refused', reason: 'the case is resolved' },
        ],
        T0,
      );
      expect(created).toEqual(row('m1'));
      expect(await store.migrations.get('m1')).toEqual(row('m1'));
      expect(await store.migrations.get('nope')).toBeNull();
      expect(await store.migrations.counts('m1')).toEqual({ planned: 2, migrated: 0, refused: 1 });
      expect(await store.migrations.planned('m1', 1)).toEqual(['k1']);
      expect(await store.migrations.refused('m1')).toEqual([
        { caseId: 'k2', reason: 'the case is resolved' },
      ]);

      expect(await store.migrations.settle('m1', 'k1', 'migrated', null, T0 + 1)).toBe(true);
      // Settled once: a second settle (another process) finds nothing planned.
      expect(await store.migrations.settle('m1', 'k1', 'refused', 'late', T0 + 2)).toBe(false);
      expect(await store.migrations.settle('m1', 'k3', 'refused', 'changed meanwhile', T0 + 2)).toBe(true);
      expect(await store.migrations.counts('m1')).toEqual({ planned: 0, migrated: 1, refused: 2 });
      expect(await store.migrations.planned('m1', 10)).toEqual([]);
    });

    it('lists running migrations oldest first and finishes them once', async () => {
      await store.migrations.create(row('m2', { createdAt: T0 + 5 }), [], T0);
      await store.migrations.create(row('m1'), [], T0);
      await store.migrations.create(row('dry', { dryRun: true, status: 'dry-run', finishedAt: T0 }), [], T0);
      expect((await store.migrations.running()).map((m) => m.id)).toEqual(['m1', 'm2']);
      expect(await store.migrations.finish('m1', T0 + 9)).toEqual(
        row('m1', { status: 'done', finishedAt: T0 + 9 }),
      );
      // A finished or dry-run migration stays as it is.
      expect(await store.migrations.finish('m1', T0 + 20)).toMatchObject({ finishedAt: T0 + 9 });
      expect(await store.migrations.finish('dry', T0 + 20)).toMatchObject({ status: 'dry-run' });
      expect((await store.migrations.running()).map((m) => m.id)).toEqual(['m2']);
    });

    it('stores thousands of cases of one migration', async () => {
      const cases = Array.from({ length: 2500 }, (_, i) => ({
        caseId: `k${String(i).padStart(5, '0')}`,
        status: 'planned' as const,
        reason: null,
      }));
      await store.migrations.create(row('big'), cases, T0);
      expect(await store.migrations.counts('big')).toEqual({ planned: 2500, migrated: 0, refused: 0 });
    });

    it("moves a case's version and a task's node and outcomes", async () => {
      await store.cases.insert(caseRow('k1'));
      const moved = await store.cases.update('k1', 1, { version: 2, activeNodes: ['check'] });
      expect(moved).toMatchObject({ version: 2, activeNodes: ['check'], revision: 2 });
      await store.tasks.insert(taskRow('t1', 'k1'));
      const task = await store.tasks.update('t1', {
        nodeId: 'check',
        outcomes: ['ok', 'later'],
        updatedAt: T0 + 1,
      });
      expect(task).toMatchObject({ nodeId: 'check', outcomes: ['ok', 'later'] });
    });
  });
}
