import { and, asc, desc, eq, getTableColumns, inArray, isNull, or, sql } from 'drizzle-orm';
import { afterCursor, decodeCursor, pageLimit, toPage } from '../paging';
import { caseListWhere, caseScanWhere, taskListWhere } from '../queries';
import { definedOnly, withoutColumn } from '../rows';
import type { Store, TaskRow } from '../store';
import { cases, tasks } from './schema';
import { type SqliteDb, sqliteConflict } from './sqlite-db';

const summaryColumns = withoutColumn(getTableColumns(cases), 'snapshot');

/** cases and tasks on SQLite; the per-event reads are prepared once. */
export function sqliteCases(db: SqliteDb): Pick<Store, 'cases' | 'tasks'> {
  const caseById = db
    .select()
    .from(cases)
    .where(eq(cases.id, sql.placeholder('id')))
    .prepare();
  const taskById = db
    .select()
    .from(tasks)
    .where(eq(tasks.id, sql.placeholder('id')))
    .prepare();
  const taskByKey = db
    .select()
    .from(tasks)
    .where(and(eq(tasks.caseId, sql.placeholder('caseId')), eq(tasks.taskKey, sql.placeholder('taskKey'))))
    .prepare();

  return {
    cases: {
      async insert(row) {
        return sqliteConflict(`case ${row.id} exists`, () => db.insert(cases).values(row).returning().get());
      },
      async get(id) {
        return caseById.get({ id }) ?? null;
      },
      async list(query = {}) {
        const limit = pageLimit(query);
        const cursor = decodeCursor(query.cursor);
        const rows = db
          .select(summaryColumns)
          .from(cases)
          .where(
            and(caseListWhere(cases, tasks, query), afterCursor(cases.createdAt, cases.id, cursor, 'desc')),
          )
          .orderBy(desc(cases.createdAt), desc(cases.id))
          .limit(limit + 1)
          .all();
        return toPage(rows, limit, (r) => [r.createdAt, r.id]);
      },
      async scan(query = {}) {
        return db
          .select(summaryColumns)
          .from(cases)
          .where(caseScanWhere(cases, query))
          .orderBy(asc(cases.createdAt), asc(cases.id))
          .all();
      },
      async update(id, expectedRevision, patch) {
        return (
          db
            .update(cases)
            .set({ ...definedOnly(patch), revision: expectedRevision + 1 })
            .where(and(eq(cases.id, id), eq(cases.revision, expectedRevision)))
            .returning()
            .get() ?? null
        );
      },
      async markFirstResponse(id, at) {
        const result = db
          .update(cases)
          .set({ firstResponseAt: at })
          .where(and(eq(cases.id, id), isNull(cases.firstResponseAt)))
          .run();
        return result.changes > 0;
      },
    },

    tasks: {
      async insert(task) {
        const row: TaskRow = {
          ...task,
          outcome: task.outcome ?? null,
          values: task.values ?? null,
          updatedAt: task.updatedAt ?? task.createdAt,
          closedAt: task.closedAt ?? null,
        };
        return sqliteConflict(`task ${task.id} exists`, () => db.insert(tasks).values(row).returning().get());
      },
      async get(id) {
        return taskById.get({ id }) ?? null;
      },
      async getByKey(caseId, taskKey) {
        return taskByKey.get({ caseId, taskKey }) ?? null;
      },
      async list(query = {}) {
        const limit = pageLimit(query);
        const cursor = decodeCursor(query.cursor);
        const rows = db
          .select()
          .from(tasks)
          .where(and(taskListWhere(tasks, query), afterCursor(tasks.createdAt, tasks.id, cursor, 'asc')))
          .orderBy(asc(tasks.createdAt), asc(tasks.id))
          .limit(limit + 1)
          .all();
        return toPage(rows, limit, (r) => [r.createdAt, r.id]);
      },
      async listByCase(caseId) {
        return db
          .select()
          .from(tasks)
          .where(eq(tasks.caseId, caseId))
          .orderBy(asc(tasks.createdAt), asc(tasks.id))
          .all();
      },
      async listByCases(caseIds) {
        if (caseIds.length === 0) return [];
        return db
          .select()
          .from(tasks)
          .where(inArray(tasks.caseId, caseIds))
          .orderBy(asc(tasks.caseId), asc(tasks.createdAt), asc(tasks.id))
          .all();
      },
      async update(id, patch) {
        return db.update(tasks).set(definedOnly(patch)).where(eq(tasks.id, id)).returning().get() ?? null;
      },
      async claim(id, user, now) {
        return (
          db
            .update(tasks)
            .set({ status: 'claimed', assignee: user, updatedAt: now })
            .where(and(eq(tasks.id, id), claimable(user)))
            .returning()
            .get() ?? null
        );
      },
    },
  };
}

/** Open and unassigned (or pre-assigned to `user`), or already claimed by `user`. */
function claimable(user: string) {
  return or(
    and(eq(tasks.status, 'open'), or(isNull(tasks.assignee), eq(tasks.assignee, user))),
    and(eq(tasks.status, 'claimed'), eq(tasks.assignee, user)),
  );
}
