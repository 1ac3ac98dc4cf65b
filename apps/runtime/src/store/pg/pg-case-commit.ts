import { timelineFields } from '../rows';
import type {
  CaseCommit,
  CaseCommitPatch,
  CaseParts,
  CaseSummary,
  NewTimelineEntry,
  SlaRow,
  Store,
  SurveyRow,
  TaskRow,
} from '../store';
import { netTimerChanges } from '../timer-changes';
import { changeValues } from './pg-changes';
import { applyTimersSql } from './pg-delivery';
import { type PgClientOf, PgRawTable, runNamed, WRITES_ONLY_WITH_ROWS } from './pg-raw';
import { cases } from './schema';

type PartsColumns = { tasks: TaskRow[]; slas: SlaRow[]; surveys: SurveyRow[] };

/**
 * cases.commit and cases.parts on PostgreSQL, one statement each.
 *
 * commit: a data-modifying CTE runs the revision-checked case update (also reserving the
 * timeline seq range on the same row, so concurrent appenders queue on that row lock as in
 * timeline.append), inserts the entries numbered from the reserved range (nothing when the
 * revision was stale: the insert reads from the update's rows) and, when asked, aggregates
 * the case's tasks, SLA clocks and surveys into JSON columns (those sub-selects see the
 * transaction's earlier statements, the event's task and SLA writes: none of their tables
 * changes in this statement). The riders go in the same statement: timer writes before the
 * update, the change row and the rollup mark from the update's rows.
 */
export function pgCaseCommit(
  client: PgClientOf,
  rawTasks: PgRawTable<TaskRow>,
  rawSlas: PgRawTable<SlaRow>,
  rawSurveys: PgRawTable<SurveyRow>,
): Pick<Store['cases'], 'commit' | 'parts'> {
  const summary = new PgRawTable<CaseSummary>(cases, ['timelineSeq', 'snapshot']);
  const partsList = [
    `(select coalesce(json_agg(${rawTasks.jsonObject('t')} order by t.created_at, t.id), '[]'::json)`,
    `from "tasks" t where t.case_id = $1) as "tasks",`,
    `(select coalesce(json_agg(${rawSlas.jsonObject('s')} order by s.id), '[]'::json)`,
    `from "slas" s where s.case_id = $1) as "slas",`,
    `(select coalesce(json_agg(${rawSurveys.jsonObject('v')} order by v.sent_at), '[]'::json)`,
    `from "surveys" v where v.case_id = $1) as "surveys"`,
  ].join(' ');
  // The timer writes of the riders: timers.apply's statements, only while the revision holds.
  const timerWrites = (cancelled: string, scheduled: string) => {
    const { remove, upsert } = applyTimersSql(cancelled, scheduled, 'exists (select 1 from cur)');
    return [
      'cur as (select 1 from "cases" where "id" = $1 and "revision" = $2),',
      `tdel as (${remove} returning 1),`,
      `tins as (${upsert} returning 1),`,
    ].join(' ');
  };
  // $1–$10: the update and the timeline; then the riders' values: the change row's seven
  // (case_id is the update's), the timers' two.
  const commitText = (withParts: boolean, change: boolean, touch: boolean, timers: boolean) => {
    let n = 10;
    const next = () => `$${++n}`;
    const changeParams = change ? Array.from({ length: 7 }, next) : [];
    const [cancelled, scheduled] = timers ? [next(), next()] : [];
    return [
      'with',
      // Timer writes come first, as in separate statements: the update's condition reads them,
      // so they take their row locks before the case row's (a timer fire locks in that order
      // too). Guarded by the revision, so a stale commit writes nothing here either.
      timers ? timerWrites(cancelled!, scheduled!) : '',
      'upd as (',
      'update "cases" set "status" = $3, "active_nodes" = $4, "variables" = $5, "snapshot" = $6,',
      '"closed_at" = $7, "updated_at" = $8, "revision" = $2 + 1, "timeline_seq" = "timeline_seq" + $9',
      'where "id" = $1 and "revision" = $2',
      timers ? 'and (select count(*) from tdel) + (select count(*) from tins) >= 0' : '',
      `returning ${summary.selectList}, "timeline_seq" - $9 as "timelineBase"`,
      '), ins as (',
      'insert into "timeline" (case_id, seq, at, type, actor, node_id, data, public)',
      'select upd."id", upd."timelineBase" + e.seq, e.at, e.type, e.actor, e."nodeId", e.data, e.public',
      'from upd, json_to_recordset($10::json)',
      'as e(seq int, at bigint, type text, actor text, "nodeId" text, data json, public boolean)',
      ')',
      // The change row and the rollup mark read from upd: nothing is written when the
      // revision was stale, and they take their row locks after the case row's, as the
      // separate statements did.
      change
        ? [
            ', chg as (insert into case_changes (case_id, customer_id, top_level, kinds, public_kinds, groups, users, at)',
            `select upd."id", ${changeParams[0]}::text, ${changeParams[1]}::boolean, ${changeParams[2]}::json,`,
            `${changeParams[3]}::json, ${changeParams[4]}::json, ${changeParams[5]}::json, ${changeParams[6]}::bigint from upd)`,
          ].join(' ')
        : '',
      touch
        ? ', dirty as (insert into rollup_dirty (case_id, mark) select upd."id", 1 from upd on conflict (case_id) do update set mark = rollup_dirty.mark + 1)'
        : '',
      `select upd.*${withParts ? `, ${partsList}` : ''} from upd`,
    ].join(' ');
  };
  const texts = new Map<string, string>();
  const textFor = (withParts: boolean, change: boolean, touch: boolean, timers: boolean) => {
    const key = `${+withParts}${+change}${+touch}${+timers}`;
    let text = texts.get(key);
    if (!text) {
      // Its case, timeline, change and rollup writes hang on the updated row: a stale revision
      // writes none of them. Not so the timer writes, which must come first (lock order) and
      // see the revision as the statement began: a writer that commits meanwhile fails the
      // update's re-check but not theirs, so a statement with timers counts as a write.
      text = (timers ? '' : WRITES_ONLY_WITH_ROWS) + commitText(withParts, change, touch, timers);
      texts.set(key, text);
    }
    return text;
  };
  const partsText = `select ${partsList}`;

  return {
    async commit(
      id,
      expectedRevision,
      patch: CaseCommitPatch,
      entries: NewTimelineEntry[],
      withParts,
      riders = {},
    ) {
      const timeline = entries.map((e, i) => ({ seq: i + 1, ...timelineFields(e) }));
      const { change, touchRollup = false } = riders;
      const timers = riders.timers?.length ? netTimerChanges(riders.timers) : null;
      const values: unknown[] = [
        id,
        expectedRevision,
        patch.status,
        JSON.stringify(patch.activeNodes),
        JSON.stringify(patch.variables),
        JSON.stringify(patch.snapshot),
        patch.closedAt,
        patch.updatedAt,
        timeline.length,
        JSON.stringify(timeline),
      ];
      if (change) {
        if (change.caseId !== id)
          throw new Error(`the change of case ${change.caseId} cannot ride on ${id}'s commit`);
        values.push(...changeValues(change));
      }
      if (timers) values.push(timers.cancelled, JSON.stringify(timers.scheduled));
      const result = await runNamed<CaseSummary & Partial<PartsColumns> & { timelineBase?: number }>(
        client(),
        textFor(withParts, !!change, touchRollup, timers !== null),
        values,
      );
      const raw = result.rows[0];
      if (!raw) return null;
      const { tasks, slas, surveys, timelineBase: _base, ...row } = raw;
      const parts: CaseParts | null = withParts ? { tasks: tasks!, slas: slas!, surveys: surveys! } : null;
      const answer: CaseCommit = { row, parts };
      return answer;
    },
    async parts(id) {
      const result = await runNamed<PartsColumns>(client(), partsText, [id]);
      const raw = result.rows[0]!;
      return { tasks: raw.tasks, slas: raw.slas, surveys: raw.surveys };
    },
  };
}
