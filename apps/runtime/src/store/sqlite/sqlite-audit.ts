import { asc, desc, eq } from 'drizzle-orm';
import { decodeCursor, pageLimit, toPage } from '../paging';
import {
  customerMessagesWhere,
  messagePageWhere,
  timelineListWhere,
  timelinePageWhere,
  timelineScanWhere,
} from '../queries';
import {
  HEAT_TYPES,
  type HeatRow,
  type MessageRow,
  type SlaRow,
  type Store,
  type SurveyRow,
  type TimelineRow,
} from '../store';
import { RawTable } from './raw-table';
import { cases, messages, slas, surveys, timeline } from './schema';
import { type SqliteDb, sqliteConflict } from './sqlite-db';

/** SLA clocks, the timeline, messages and surveys on SQLite. */
export function sqliteAudit(db: SqliteDb): Pick<Store, 'slas' | 'timeline' | 'messages' | 'surveys'> {
  const client = db.$client;
  // The timeline append runs on every event: raw prepared statements. The
  // process is the only writer (store calls are serialised), so max(seq) + 1 cannot race.
  const maxSeq = client.prepare<[string], { seq: number }>(
    'select coalesce(max(seq), 0) as seq from timeline where case_id = ?',
  );
  const insertEntry = client.prepare(
    'insert into timeline (case_id, seq, at, type, actor, node_id, data, public) values (?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const rawSlas = new RawTable<SlaRow>(client, slas);
  // Read on every event to answer the case, and written by most: cached statements (drizzle
  // builds cost ~50 µs+).
  const rawMessages = new RawTable<MessageRow>(client, messages);
  const rawSurveys = new RawTable<SurveyRow>(client, surveys);
  const upsertSla = client.prepare(
    `insert into slas (case_id, id, scope, task_id, status, target, calendar, started_at, due_at, elapsed_ms, updated_at)
     values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
     on conflict (case_id, id) do update set scope = excluded.scope, task_id = excluded.task_id,
       status = excluded.status, target = excluded.target, calendar = excluded.calendar,
       started_at = excluded.started_at, due_at = excluded.due_at, elapsed_ms = excluded.elapsed_ms,
       updated_at = excluded.updated_at`,
  );
  const insertAll = (rows: TimelineRow[]) => {
    for (const r of rows) {
      insertEntry.run(
        r.caseId,
        r.seq,
        r.at,
        r.type,
        r.actor,
        r.nodeId,
        JSON.stringify(r.data),
        r.public ? 1 : 0,
      );
    }
  };
  // The cases come as a JSON array of [id, seq after which to read].
  const heatRows = client.prepare<[string, string], HeatRow>(
    `select t.case_id as caseId, t.seq, t.at, t.type, t.node_id as nodeId
     from json_each(?) j join timeline t on t.case_id = j.value ->> 0 and t.seq > j.value ->> 1
     where t.type in (select value from json_each(?))
     order by t.case_id, t.seq`,
  );
  const heatTypes = JSON.stringify(HEAT_TYPES);
  const insertAtomically = client.transaction(insertAll);
  // Inside the event's transaction the entries are atomic already; a savepoint would only
  // add two statements per event.
  const append = (rows: TimelineRow[]) => (client.inTransaction ? insertAll(rows) : insertAtomically(rows));

  return {
    slas: {
      async upsert(sla) {
        upsertSla.run(
          sla.caseId,
          sla.id,
          sla.scope,
          sla.taskId,
          sla.status,
          sla.target,
          sla.calendar,
          sla.startedAt,
          sla.dueAt,
          sla.elapsedMs,
          sla.updatedAt,
        );
        return { ...sla };
      },
      async update(caseId, id, patch) {
        return rawSlas.update(patch, 'case_id = ? and id = ?', caseId, id);
      },
      async listByCase(caseId) {
        return rawSlas.all('case_id = ? order by id', caseId);
      },
      async listByCases(caseIds) {
        if (caseIds.length === 0) return [];
        // The ids as one JSON array: one cached statement for any number of cases.
        return rawSlas.all(
          'case_id in (select value from json_each(?)) order by case_id, id',
          JSON.stringify(caseIds),
        );
      },
    },

    timeline: {
      async append(caseId, entries) {
        if (entries.length === 0) return [];
        const base = maxSeq.get(caseId)?.seq ?? 0;
        const rows: TimelineRow[] = entries.map((e, i) => ({
          caseId,
          seq: base + i + 1,
          at: e.at,
          type: e.type,
          actor: e.actor ?? null,
          nodeId: e.nodeId ?? null,
          data: e.data ?? {},
          public: e.public ?? false,
        }));
        append(rows);
        return rows;
      },
      async list(caseId, options = {}) {
        const q = db
          .select()
          .from(timeline)
          .where(timelineListWhere(timeline, caseId, options))
          .orderBy(asc(timeline.seq));
        return options.limit === undefined ? q.all() : q.limit(options.limit).all();
      },
      async scan(query) {
        const rows = db
          .select({ entry: timeline })
          .from(timeline)
          .innerJoin(cases, eq(cases.id, timeline.caseId))
          .where(timelineScanWhere(timeline, cases, query))
          .orderBy(asc(timeline.caseId), asc(timeline.seq))
          .all();
        return rows.map((r) => r.entry);
      },
      async heatRows(caseIds, after) {
        if (caseIds.length === 0) return [];
        const from = [...new Set(caseIds)].map((id) => [id, after?.get(id) ?? 0]);
        return heatRows.all(JSON.stringify(from), heatTypes);
      },
      async page(caseId, query) {
        const order = query.order ?? 'asc';
        const limit = pageLimit(query);
        const dir = order === 'asc' ? asc : desc;
        const rows = await db
          .select()
          .from(timeline)
          .where(
            timelinePageWhere(timeline, caseId, query.publicOnly ?? false, decodeCursor(query.cursor), order),
          )
          .orderBy(dir(timeline.seq))
          .limit(limit + 1)
          .all();
        return toPage(rows, limit, (r) => [r.seq, r.caseId]);
      },
    },

    messages: {
      async insert(message) {
        const row: MessageRow = {
          visibility: 'public',
          address: null,
          html: null,
          externalId: null,
          ...message,
        };
        return sqliteConflict(`message ${message.id} exists`, () => rawMessages.insert(row));
      },
      async listByCase(caseId) {
        return rawMessages.all('case_id = ? order by at, id', caseId);
      },
      async pageByCase(caseId, query) {
        const order = query.order ?? 'asc';
        const limit = pageLimit(query);
        const dir = order === 'asc' ? asc : desc;
        const rows = await db
          .select()
          .from(messages)
          .where(messagePageWhere(messages, caseId, decodeCursor(query.cursor), order, query.publicOnly))
          .orderBy(dir(messages.at), dir(messages.id))
          .limit(limit + 1)
          .all();
        return toPage(rows, limit, (r) => [r.at, r.id]);
      },
      async listByCustomer(customerId, limit = 100, options = {}) {
        return db
          .select()
          .from(messages)
          .where(customerMessagesWhere(messages, customerId, options.publicOnly))
          .orderBy(desc(messages.at), desc(messages.id))
          .limit(limit)
          .all();
      },
    },

    surveys: {
      async insert(survey) {
        return sqliteConflict(`survey ${survey.token} exists`, () => rawSurveys.insert(survey));
      },
      async getByToken(token) {
        return rawSurveys.get('token = ?', token);
      },
      async answer(token, score, comment, at) {
        return rawSurveys.update(
          { score, comment, answeredAt: at },
          'token = ? and answered_at is null',
          token,
        );
      },
      async listByCase(caseId) {
        return rawSurveys.all('case_id = ? order by sent_at', caseId);
      },
      async listByCases(caseIds) {
        if (caseIds.length === 0) return [];
        return rawSurveys.all(
          'case_id in (select value from json_each(?)) order by case_id, sent_at',
          JSON.stringify(caseIds),
        );
      },
      async listByCustomer(customerId) {
        return db
          .select()
          .from(surveys)
          .where(eq(surveys.customerId, customerId))
          .orderBy(desc(surveys.sentAt))
          .all();
      },
    },
  };
}
