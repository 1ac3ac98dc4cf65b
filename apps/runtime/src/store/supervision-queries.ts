import { and, asc, type Column, eq, gte, inArray, type SQL, sql } from 'drizzle-orm';
import type { ThroughputRow } from './store';

/*
 * The parts of the supervisor overview's statements both dialects share (like queries.ts): the
 * drizzle operators work on either side's columns; only JSON access differs, and each side
 * passes its own expression for that.
 */

type Cols<K extends string> = { [P in K]: Column };
type TaskCols = Cols<'caseId' | 'taskKey' | 'status' | 'group' | 'tier' | 'assignee' | 'createdAt' | 'id'>;
type SlaCols = Cols<'caseId' | 'taskId' | 'scope' | 'status'>;
type TimelineCols = Cols<'type' | 'at'>;
type OutboxCols = Cols<'kind' | 'createdAt' | 'id'>;

/** Tasks still being worked on: waiting in a queue or held by someone. */
export const liveTask = (t: TaskCols): SQL => inArray(t.status, ['open', 'claimed'])!;

const count = (condition: SQL) => sql<number>`sum(case when ${condition} then 1 else 0 end)`.mapWith(Number);

/** The columns of one queue row, for a select grouped by group and tier over live tasks. */
export function queueCountColumns(t: TaskCols) {
  return {
    group: sql<string | null>`${t.group}`,
    tier: sql<string | null>`${t.tier}`,
    open: count(eq(t.status, 'open')),
    claimed: count(eq(t.status, 'claimed')),
    oldestOpenAt: sql<number | null>`min(case when ${t.status} = 'open' then ${t.createdAt} end)`.mapWith(
      Number,
    ),
  };
}

/** The order of queue rows (nulls first on both sides: SQLite's default, spelled out for PG). */
export const queueOrder = (t: TaskCols): SQL[] => [
  sql`${t.group} is not null`,
  asc(t.group),
  sql`${t.tier} is not null`,
  asc(t.tier),
];

/** Live tasks with a warning or breached clock of their own or of their case. */
export function atRiskWhere(t: TaskCols, s: SlaCols & { _: unknown }): SQL {
  return and(
    liveTask(t),
    sql`exists (select 1 from ${s} where ${s.caseId} = ${t.caseId} and ${s.status} in ('warning', 'breached') and (${s.scope} = 'case' or ${s.taskId} = ${t.taskKey}))`,
  )!;
}

/** The timeline types throughput counts. */
export const THROUGHPUT_TYPES = ['case.opened', 'case.closed', 'task.completed'];

/** Timeline entries throughput counts, at or after `since` (the (type, at) index serves it). */
export const throughputWhere = (tl: TimelineCols, since: number): SQL =>
  and(inArray(tl.type, THROUGHPUT_TYPES), gte(tl.at, since))!;

/** Folds (type, group, n) rows of the grouped throughput select into the answer. */
export function foldThroughput(
  rows: Array<{ type: string; group: string | null; n: number }>,
): ThroughputRow {
  const out: ThroughputRow = { casesOpened: 0, casesClosed: 0, completedByGroup: [] };
  for (const row of rows) {
    if (row.type === 'case.opened') out.casesOpened += row.n;
    else if (row.type === 'case.closed') out.casesClosed += row.n;
    else out.completedByGroup.push({ group: row.group, completed: row.n });
  }
  out.completedByGroup.sort((a, b) => (a.group ?? '').localeCompare(b.group ?? ''));
  return out;
}

/** The template the engine gives SLA breach notifications (case-slas.ts). */
export const BREACH_TEMPLATE = 'sla-breached';

/** Notify rows whose template (the dialect's JSON access) is the breach one, and the recipient test. */
export function breachWhere(o: OutboxCols, template: SQL, recipient: SQL | undefined): SQL {
  return and(eq(o.kind, 'notify'), sql`${template} = ${BREACH_TEMPLATE}`, recipient)!;
}

/** Caps a caller's limit to 1…500. */
export const capped = (limit: number): number => Math.min(500, Math.max(1, Math.floor(limit) || 1));
