import { type CaseSnapshot, refusal } from '@caseflow/engine';
import { type CaseRow, type MigrationRow, StoreConflict } from '../store/store';
import { isTransientConflict, transientBackoffMs } from '../store/transient-conflict';
import { checkCase, encodeRefusals, migrationPlan } from './migration-commands';
import type { RuntimeCore } from './runtime-core';

/** Cases read per batch; each still moves in a transaction of its own. */
const BATCH = 25;
/** Attempts of one case when other writers change it meanwhile. */
const ATTEMPTS = 5;

class StaleCase extends Error {}

/**
 * Runs recorded migrations in the background: `run(id)` moves the planned cases batch by batch,
 * each case in its own transaction (re-checked against its state then; a case that changed so
 * that it cannot move is refused with the reason), and marks the migration done. One run per
 * migration in this process; several processes may run the same migration (PostgreSQL): a
 * case settles once, the others find it settled and skip it.
 */
export class MigrationRunner {
  readonly #core: RuntimeCore;
  readonly #runs = new Map<string, Promise<void>>();
  #stopped = false;

  constructor(core: RuntimeCore) {
    this.#core = core;
  }

  /** Starts moving migration `id` unless this process is at it already. Never throws. */
  run(id: string): void {
    if (this.#stopped || this.#runs.has(id)) return;
    const done = this.#loop(id)
      .catch((error) => this.#core.ctx.logger.error({ migrationId: id, err: error }, 'migration run failed'))
      .finally(() => this.#runs.delete(id));
    this.#runs.set(id, done);
  }

  /** Picks up migrations left running (a restart). */
  async resume(): Promise<void> {
    for (const row of await this.#core.store.migrations.running()) this.run(row.id);
  }

  /** Settles when every run of this process has run; a run stops between two cases. */
  async idle(): Promise<void> {
    while (this.#runs.size > 0) await Promise.all([...this.#runs.values()]);
  }

  async stop(): Promise<void> {
    this.#stopped = true;
    await this.idle();
  }

  async #loop(id: string): Promise<void> {
    const { store } = this.#core;
    const row = await store.migrations.get(id);
    if (row?.status !== 'running') return;
    const { plan, target } = await migrationPlan(
      this.#core,
      store,
      row.flow,
      row.fromVersion,
      row.toVersion,
      row.mapping,
    );
    for (;;) {
      if (this.#stopped) return;
      const batch = await store.migrations.planned(id, BATCH);
      if (batch.length === 0) break;
      for (const caseId of batch) {
        if (this.#stopped) return;
        await this.#moveOne(row, caseId, (c) => checkCase(c, row.flow, row.fromVersion, plan, target));
      }
    }
    await store.migrations.finish(id, this.#core.clock.now());
    const counts = await store.migrations.counts(id);
    this.#core.ctx.logger.info({ migrationId: id, ...counts }, 'migration done');
  }

  /** Moves one case in its own transaction, retried from a fresh read on a concurrent write. */
  async #moveOne(
    row: MigrationRow,
    caseId: string,
    check: (current: CaseRow | null) => ReturnType<typeof checkCase>,
  ): Promise<void> {
    const { store, clock } = this.#core;
    for (let attempt = 1; ; attempt++) {
      try {
        await store.transaction(async (tx) => {
          const now = clock.now();
          const current = await tx.cases.get(caseId);
          const checked = check(current);
          if (!checked.ok || !current) {
            await tx.migrations.settle(
              row.id,
              caseId,
              'refused',
              encodeRefusals(checked.ok ? [refusal('not-found', { flow: row.flow })] : checked.refusals),
              now,
            );
            return;
          }
          // Settled by another process meanwhile: nothing to do.
          if (!(await tx.migrations.settle(row.id, caseId, 'migrated', null, now))) return;
          const updated = await tx.cases.update(caseId, current.revision, {
            version: row.toVersion,
            snapshot: checked.snapshot satisfies CaseSnapshot,
            activeNodes: checked.activeNodes,
            updatedAt: now,
          });
          if (!updated) throw new StaleCase(caseId);
          for (const change of checked.tasks) {
            const task = await tx.tasks.getByKey(caseId, change.taskId);
            if (task)
              await tx.tasks.update(task.id, {
                nodeId: change.nodeId,
                outcomes: change.outcomes,
                updatedAt: now,
              });
          }
          await tx.timeline.append(caseId, [
            {
              at: now,
              type: 'case.migrated',
              actor: row.createdBy,
              nodeId: null,
              public: false,
              data: {
                migrationId: row.id,
                from: row.fromVersion,
                to: row.toVersion,
                moved: checked.moved,
                // A pilot case keeps its pilot and cohort: the version changes, the comparison does not.
                ...(current.pilotId ? { pilotId: current.pilotId, cohort: current.cohort } : {}),
              },
            },
          ]);
          // Its version changed: the analytics rollups fold it again.
          await tx.rollups.touch([caseId]);
        });
        return;
      } catch (error) {
        const lost =
          error instanceof StaleCase || error instanceof StoreConflict || isTransientConflict(error);
        if (lost && attempt < ATTEMPTS) {
          // A deadlock's other writer is still there: pause before meeting it again.
          if (isTransientConflict(error))
            await new Promise((r) => setTimeout(r, transientBackoffMs(attempt)));
          continue;
        }
        // A case that cannot be written is refused, so the migration still comes to an end.
        this.#core.ctx.logger.warn({ migrationId: row.id, caseId, err: error }, 'case not migrated');
        await store.transaction((tx) =>
          tx.migrations.settle(
            row.id,
            caseId,
            'refused',
            `not moved: ${(error as Error).message}`,
            clock.now(),
          ),
        );
        return;
      }
    }
  }
}
