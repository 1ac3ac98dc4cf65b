import { MetricDimension } from '@caseflow/schema';
import type { CaseFactRow, TaskFactRow } from '../store/store';

/** What `GET /api/metrics?by=` groups by. */
export const DIMENSIONS = MetricDimension.options;
export type Dimension = MetricDimension;

function latestTask(tasks: readonly TaskFactRow[]): TaskFactRow | null {
  let last: TaskFactRow | null = null;
  for (const t of tasks) if (last === null || t.createdAt >= last.createdAt) last = t;
  return last;
}

/**
 * The values a case is grouped under for one dimension: one value, except `agent`, where the
 * case belongs to every agent assigned one of its tasks. Tier and group are those of the
 * case's latest task (where it ended up). Missing values read `none`. Pure.
 */
export function dimensionValues(c: CaseFactRow, dim: Dimension, tasks: readonly TaskFactRow[]): string[] {
  switch (dim) {
    case 'cohort':
      return [c.cohort ?? 'none'];
    case 'version':
      return [String(c.version)];
    case 'channel':
      return [c.channel];
    case 'tier':
      return [latestTask(tasks)?.tier ?? 'none'];
    case 'group':
      return [latestTask(tasks)?.group ?? 'none'];
    case 'catalogItem':
      return [c.catalogItem ?? 'none'];
    case 'agent': {
      const agents = [...new Set(tasks.flatMap((t) => (t.assignee === null ? [] : [t.assignee])))].sort();
      return agents.length === 0 ? ['none'] : agents;
    }
  }
}

/**
 * Splits cases into groups by the combination of their dimension values (a case with several
 * agents lands in several groups), in order of first appearance. Pure.
 */
export function groupCases(
  cases: readonly CaseFactRow[],
  by: readonly Dimension[],
  tasksOf: (caseId: string) => readonly TaskFactRow[],
): Array<{ key: Record<string, string>; cases: CaseFactRow[] }> {
  const groups = new Map<string, { key: Record<string, string>; cases: CaseFactRow[] }>();
  for (const c of cases) {
    let keys: Array<Record<string, string>> = [{}];
    for (const dim of by) {
      const values = dimensionValues(c, dim, tasksOf(c.id));
      keys = keys.flatMap((k) => values.map((v) => ({ ...k, [dim]: v })));
    }
    for (const key of keys) {
      const id = JSON.stringify(key);
      const g = groups.get(id);
      if (g) g.cases.push(c);
      else groups.set(id, { key, cases: [c] });
    }
  }
  return [...groups.values()];
}

/**
 * Orders groups by their dimension values in `by` order (numbers by value: version 2 before
 * 10), so that every way of computing the report lists them alike. Pure.
 */
export function compareGroups(by: readonly Dimension[]) {
  return (a: Partial<Record<Dimension, string>>, b: Partial<Record<Dimension, string>>): number => {
    for (const dim of by) {
      const c = (a[dim] ?? '').localeCompare(b[dim] ?? '', 'en', { numeric: true });
      if (c !== 0) return c;
    }
    return 0;
  };
}
