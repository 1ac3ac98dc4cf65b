import { and, asc, desc, getTableColumns } from 'drizzle-orm';
import { afterCursor, decodeCursor, pageLimit, toPage } from '../paging';
import { caseListWhere, caseScanWhere } from '../queries';
import { taskToRow, withoutColumn } from '../rows';
import type { CaseQuery, CaseRow, CaseSummary, Store, TaskRow, UserRow } from '../store';
import { RawTable } from './raw-table';
import { cases, tasks, users } from './schema';
import { type SqliteDb, sqliteConflict } from './sqlite-db';

const summaryColumns = withoutColumn(getTableColumns(cases), 'snapshot');

/**
 * A case's children with a status, searched by parent (`+status` keeps the status index out).
 * Left to choose, SQLite walked cases_status_idx for the ORDER BY — every open case, on every
 * close (with 17,000 open cases, 35 % of the runtime's CPU under the whole-instance load).
 */
export const CHILDREN_BY_STATUS = 'parent_case_id = ? and +status = ?';

/**
 * cases and tasks on SQLite. The per-event calls (get, insert, update, claim) go through
 * cached raw statements; lists and scans are composed with drizzle.
 */
export function sqliteCases(db: SqliteDb): Pick<Store, 'tasks'> & {
  cases: Omit<Store['cases'], 'commit' | 'parts'>;
} {
  const rawCases = new RawTable<CaseRow>(db.$client, cases);
  const rawTasks = new RawTable<TaskRow>(db.$client, tasks);
  const rawSummaries = new RawTable<CaseSummary>(db.$client, cases, ['snapshot']);
  const rawUsers = new RawTable<UserRow>(db.$client, users, ['passwordHash']);
  const nextNumber = db.$client.prepare('select coalesce(max(number), 0) + 1 as n from cases');

  /**
   * A case's children (first page), optionally by status: every case that closes asks for its
   * open ones, so this shape is a cached statement; any other filter goes through drizzle.
   */
  const childrenPage = (query: CaseQuery) => {
    const { parentCaseId, status, limit, ...others } = query;
    if (parentCaseId === undefined || Object.values(others).some((v) => v !== undefined)) return null;
    const n = pageLimit({ limit });
    const order = 'order by created_at desc, id desc limit ?';
    const rows =
      status === undefined
        ? rawSummaries.all(`parent_case_id = ? ${order}`, parentCaseId, n + 1)
        : rawSummaries.all(`${CHILDREN_BY_STATUS} ${order}`, parentCaseId, status, n + 1);
    return toPage(rows, n, (r) => [r.createdAt, r.id]);
  };

  // Two cached statements run back to back on the one connection: one snapshot.
  const taskWithCase = (id: string) => {
    const task = rawTasks.get('id = ?', id);
    const row = task ? rawCases.get('id = ?', task.caseId) : null;
    return task && row ? { task, case: row } : null;
  };

  return {
    cases: {
      async insert(row) {
        return sqliteConflict(`case ${row.id} exists`, () => rawCases.insert(row));
      },
      async nextNumber() {
        // Safe without a sequence: SQLite has one writer at a time, and this runs inside the
        // write transaction that inserts the case (cases_number_idx refuses a duplicate anyway).
        const row = nextNumber.get() as { n: number };
        return row.n;
      },
      async get(id) {
        return rawCases.get('id = ?', id);
      },
      async getWithUser(id, username) {
        // Two cached statements back to back on the one connection: one snapshot.
        return { case: rawCases.get('id = ?', id), user: rawUsers.get('username = ?', username) };
      },
      async list(query = {}) {
        const children = childrenPage(query);
        if (children) return children;
        const limit = pageLimit(query);
        const cursor = decodeCursor(query.cursor);
        const rows = db
          .select(summaryColumns)
          .from(cases)
          .where(
            and(
              caseListWhere(cases, tasks, query, 'like'),
              afterCursor(cases.createdAt, cases.id, cursor, 'desc'),
            ),
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
        // Revision check and write in one statement.
        return rawCases.update(
          { ...patch, revision: expectedRevision + 1 },
          'id = ? and revision = ?',
          id,
          expectedRevision,
        );
      },
      async markFirstResponse(id, at) {
        return rawCases.update({ firstResponseAt: at }, 'id = ? and first_response_at is null', id) !== null;
      },
    },

    tasks: {
      async insert(task) {
        return sqliteConflict(`task ${task.id} exists`, () => rawTasks.insert(taskToRow(task)));
      },
      async get(id) {
        return rawTasks.get('id = ?', id);
      },
      async getByKey(caseId, taskKey) {
        return rawTasks.get('case_id = ? and task_key = ?', caseId, taskKey);
      },
      async getWithCase(id) {
        return taskWithCase(id);
      },
      async getWithCaseAndUser(id, username) {
        const both = taskWithCase(id);
        return both && { ...both, user: rawUsers.get('username = ?', username) };
      },
      async list(query = {}) {
        // Agents' queues and the demo's agents read this all the time: a cached statement per
        // shape of filters (SQL text over the column names), not a drizzle build per call.
        const limit = pageLimit(query);
        const cursor = decodeCursor(query.cursor);
        const where: string[] = [];
        const params: unknown[] = [];
        const oneOrMany = (column: string, value: string | string[] | undefined) => {
          if (value === undefined) return;
          if (Array.isArray(value)) {
            where.push(`${column} in (${value.map(() => '?').join(', ')})`);
            params.push(...value);
          } else {
            where.push(`${column} = ?`);
            params.push(value);
          }
        };
        oneOrMany('status', query.status);
        oneOrMany('group_name', query.group);
        oneOrMany('tier', query.tier);
        oneOrMany('assignee', query.assignee);
        oneOrMany('case_id', query.caseId);
        // A cursor whose sort key is not a number is garbled: ignored, as afterCursor does.
        if (cursor && typeof cursor[0] === 'number') {
          where.push('(created_at > ? or (created_at = ? and id > ?))');
          params.push(cursor[0], cursor[0], cursor[1]);
        }
        const rows = rawTasks.all(
          `${where.join(' and ') || '1 = 1'} order by created_at, id limit ?`,
          ...params,
          limit + 1,
        );
        return toPage(rows, limit, (r) => [r.createdAt, r.id]);
      },
      async listByCase(caseId) {
        return rawTasks.all('case_id = ? order by created_at, id', caseId);
      },
      async listByCases(caseIds) {
        if (caseIds.length === 0) return [];
        // The ids as one JSON array: one cached statement for any number of cases.
        return rawTasks.all(
          'case_id in (select value from json_each(?)) order by case_id, created_at, id',
          JSON.stringify(caseIds),
        );
      },
      async update(id, patch) {
        return rawTasks.update(patch, 'id = ?', id);
      },
      async claim(id, user, now) {
        // Open and unassigned (or pre-assigned to the user), or already claimed by the user.
        return rawTasks.update(
          { status: 'claimed', assignee: user, updatedAt: now },
          "id = ? and ((status = 'open' and (assignee is null or assignee = ?)) or (status = 'claimed' and assignee = ?))",
          id,
          user,
          user,
        );
      },
    },
  };
}
