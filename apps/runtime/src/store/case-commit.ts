import type { CaseParts, CaseSummary, Store } from './store';

/** The repositories cases.commit and cases.parts are composed from. */
export type CaseCommitRepos = Pick<
  Store,
  'tasks' | 'slas' | 'surveys' | 'timeline' | 'changes' | 'rollups'
> & {
  cases: Pick<Store['cases'], 'update'>;
  timers: Pick<Store['timers'], 'apply'>;
};

/**
 * cases.commit and cases.parts composed from the single-table methods, for a side whose
 * statements cost no round trip (SQLite: each call is a cached prepared statement run
 * synchronously). Atomic when called inside a transaction, as the executor does.
 */
export function composedCaseCommit(repos: CaseCommitRepos): Pick<Store['cases'], 'commit' | 'parts'> {
  const parts = async (id: string): Promise<CaseParts> => ({
    tasks: await repos.tasks.listByCase(id),
    slas: await repos.slas.listByCase(id),
    surveys: await repos.surveys.listByCase(id),
  });
  return {
    async commit(id, expectedRevision, patch, entries, withParts, riders = {}) {
      const updated = await repos.cases.update(id, expectedRevision, patch);
      if (!updated) return null;
      // After the update here: one writer at a time, so no lock order to keep (PostgreSQL's
      // statement writes them first).
      if (riders.timers?.length) await repos.timers.apply(riders.timers);
      if (entries.length > 0) await repos.timeline.append(id, entries);
      if (riders.change) await repos.changes.append(riders.change);
      if (riders.touchRollup) await repos.rollups.touch([id]);
      const { snapshot: _snapshot, ...row } = updated;
      const summary: CaseSummary = row;
      return { row: summary, parts: withParts ? await parts(id) : null };
    },
    parts,
  };
}
