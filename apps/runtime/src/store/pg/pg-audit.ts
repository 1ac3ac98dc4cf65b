import { and, asc, desc, eq, inArray, isNull } from 'drizzle-orm';
import { decodeCursor, pageLimit, toPage } from '../paging';
import {
  customerMessagesWhere,
  messagePageWhere,
  timelineListWhere,
  timelinePageWhere,
  timelineScanWhere,
} from '../queries';
import { timelineFields } from '../rows';
import {
  HEAT_TYPES,
  type HeatRow,
  type NewTimelineEntry,
  type SlaRow,
  type Store,
  type SurveyRow,
  type TimelineRow,
} from '../store';
import { first, type PgDbOf, pgConflict } from './pg-db';
import { type PgClientOf, PgRawTable, runNamed } from './pg-raw';
import { cases, messages, slas, surveys, timeline } from './schema';

/** SLA clocks, the timeline, messages and surveys on PostgreSQL. */
export function pgAudit(
  db: PgDbOf,
  client: PgClientOf,
): Pick<Store, 'slas' | 'timeline' | 'messages' | 'surveys'> {
  // The per-event calls run as named prepared statements; the rest is composed with drizzle.
  const rawSlas = new PgRawTable<SlaRow>(slas);
  const rawSurveys = new PgRawTable<SurveyRow>(surveys);
  const slaUpsert = [
    'on conflict ("case_id", "id") do update set',
    '"scope" = excluded."scope", "task_id" = excluded."task_id", "status" = excluded."status",',
    '"target" = excluded."target", "calendar" = excluded."calendar", "started_at" = excluded."started_at",',
    '"due_at" = excluded."due_at", "elapsed_ms" = excluded."elapsed_ms", "updated_at" = excluded."updated_at"',
  ].join(' ');
  return {
    slas: {
      async upsert(sla) {
        return (await rawSlas.insert(client(), sla, slaUpsert))!;
      },
      async update(caseId, id, patch) {
        return rawSlas.update(client(), patch, 'case_id = $1 and id = $2', [caseId, id]);
      },
      async listByCase(caseId) {
        return rawSlas.all(client(), 'case_id = $1 order by id', [caseId]);
      },
      async listByCases(caseIds) {
        if (caseIds.length === 0) return [];
        return db()
          .select()
          .from(slas)
          .where(inArray(slas.caseId, caseIds))
          .orderBy(asc(slas.caseId), asc(slas.id));
      },
    },

    timeline: {
      async append(caseId, entries) {
        if (entries.length === 0) return [];
        return appendTimeline(client, caseId, entries);
      },
      async list(caseId, options = {}) {
        const q = db()
          .select()
          .from(timeline)
          .where(timelineListWhere(timeline, caseId, options))
          .orderBy(asc(timeline.seq));
        return options.limit === undefined ? q : q.limit(options.limit);
      },
      async scan(query) {
        const rows = await db()
          .select({ entry: timeline })
          .from(timeline)
          .innerJoin(cases, eq(cases.id, timeline.caseId))
          .where(timelineScanWhere(timeline, cases, query))
          .orderBy(asc(timeline.caseId), asc(timeline.seq));
        return rows.map((r) => r.entry);
      },
      async heatRows(caseIds, after) {
        if (caseIds.length === 0) return [];
        const ids = [...new Set(caseIds)];
        const from = ids.map((id) => after?.get(id) ?? 0);
        const result = await runNamed<HeatRow>(client(), HEAT_ROWS, [ids, from, HEAT_TYPES]);
        return result.rows;
      },
      async page(caseId, query) {
        const order = query.order ?? 'asc';
        const limit = pageLimit(query);
        const dir = order === 'asc' ? asc : desc;
        const rows = await db()
          .select()
          .from(timeline)
          .where(
            timelinePageWhere(timeline, caseId, query.publicOnly ?? false, decodeCursor(query.cursor), order),
          )
          .orderBy(dir(timeline.seq))
          .limit(limit + 1);
        return toPage(rows, limit, (r) => [r.seq, r.caseId]);
      },
    },

    messages: {
      async insert(message) {
        const rows = await pgConflict(
          `message ${message.id} exists`,
          db().insert(messages).values(message).returning(),
        );
        return rows[0]!;
      },
      async listByCase(caseId) {
        return db()
          .select()
          .from(messages)
          .where(eq(messages.caseId, caseId))
          .orderBy(asc(messages.at), asc(messages.id));
      },
      async pageByCase(caseId, query) {
        const order = query.order ?? 'asc';
        const limit = pageLimit(query);
        const dir = order === 'asc' ? asc : desc;
        const rows = await db()
          .select()
          .from(messages)
          .where(messagePageWhere(messages, caseId, decodeCursor(query.cursor), order, query.publicOnly))
          .orderBy(dir(messages.at), dir(messages.id))
          .limit(limit + 1);
        return toPage(rows, limit, (r) => [r.at, r.id]);
      },
      async listByCustomer(customerId, limit = 100, options = {}) {
        return db()
          .select()
          .from(messages)
          .where(customerMessagesWhere(messages, customerId, options.publicOnly))
          .orderBy(desc(messages.at), desc(messages.id))
          .limit(limit);
      },
    },

    surveys: {
      async insert(survey) {
        const rows = await pgConflict(
          `survey ${survey.token} exists`,
          db().insert(surveys).values(survey).returning(),
        );
        return rows[0]!;
      },
      async getByToken(token) {
        return first(await db().select().from(surveys).where(eq(surveys.token, token)));
      },
      async answer(token, score, comment, at) {
        return first(
          await db()
            .update(surveys)
            .set({ score, comment, answeredAt: at })
            .where(and(eq(surveys.token, token), isNull(surveys.answeredAt)))
            .returning(),
        );
      },
      async listByCase(caseId) {
        return rawSurveys.all(client(), 'case_id = $1 order by sent_at', [caseId]);
      },
      async listByCases(caseIds) {
        if (caseIds.length === 0) return [];
        return db()
          .select()
          .from(surveys)
          .where(inArray(surveys.caseId, caseIds))
          .orderBy(asc(surveys.caseId), asc(surveys.sentAt));
      },
      async listByCustomer(customerId) {
        return db()
          .select()
          .from(surveys)
          .where(eq(surveys.customerId, customerId))
          .orderBy(desc(surveys.sentAt));
      },
    },
  };
}

/**
 * Appends in ONE statement: a data-modifying CTE bumps the case's seq counter (concurrent
 * appenders queue on that row lock and each sees the counter as the previous one committed
 * it) and the insert numbers the entries from the reserved range.
 */
async function appendTimeline(
  client: PgClientOf,
  caseId: string,
  entries: NewTimelineEntry[],
): Promise<TimelineRow[]> {
  const rows: TimelineRow[] = entries.map((e, i) => ({ caseId, seq: i + 1, ...timelineFields(e) }));
  const n = rows.length;
  const result = await runNamed<{ seq: number }>(client(), APPEND_TIMELINE, [
    caseId,
    n,
    JSON.stringify(rows),
  ]);
  if (result.rowCount !== n) throw new Error(`timeline append: unknown case ${caseId}`);
  const base = Math.min(...result.rows.map((r) => Number(r.seq))) - 1;
  for (const r of rows) r.seq += base;
  return rows;
}

const APPEND_TIMELINE = [
  'with head as (',
  'update "cases" set "timeline_seq" = "timeline_seq" + $2 where "id" = $1',
  'returning "timeline_seq" - $2 as base',
  ')',
  'insert into "timeline" (case_id, seq, at, type, actor, node_id, data, public)',
  'select $1::text, head.base + e.seq, e.at, e.type, e.actor, e."nodeId", e.data, e.public',
  'from head, json_to_recordset($3::json)',
  'as e(seq int, at bigint, type text, actor text, "nodeId" text, data json, public boolean)',
  'returning seq',
].join(' ');

const HEAT_ROWS = [
  'select t.case_id as "caseId", t.seq, t.at::float8 as at, t.type, t.node_id as "nodeId"',
  'from unnest($1::text[], $2::int[]) as j(id, after)',
  'join "timeline" t on t.case_id = j.id and t.seq > j.after',
  'where t.type = any($3::text[]) order by t.case_id, t.seq',
].join(' ');
