import { and, asc, desc, eq, getTableColumns, inArray, isNull, or } from 'drizzle-orm';
import { afterCursor, decodeCursor, pageLimit, toPage } from '../paging';
import { caseListWhere, caseScanWhere, taskListWhere } from '../queries';
import { taskToRow, withoutColumn } from '../rows';
import type { CaseRow, SlaRow, Store, SurveyRow, TaskRow, UserRow } from '../store';
import { pgCaseCommit } from './pg-case-commit';
import { first, type PgDbOf, pgConflict } from './pg-db';
import { type PgClientOf, PgRawTable, runNamed } from './pg-raw';
import { cases, slas, surveys, tasks, users } from './schema';

/** Every case column but the timeline counter (internal to timeline appends). */
export const caseColumns = withoutColumn(getTableColumns(cases), 'timelineSeq');
const summaryColumns = withoutColumn(caseColumns, 'snapshot');

/**
 * cases and tasks on PostgreSQL; every method is one statement. The per-event calls (get,
 * update, commit, parts, task insert/get/update) run as named prepared statements; lists and
 * scans are composed with drizzle.
 */
export function pgCases(db: PgDbOf, client: PgClientOf): Pick<Store, 'cases' | 'tasks'> {
  const rawCases = new PgRawTable<CaseRow>(cases, ['timelineSeq']);
  const rawTasks = new PgRawTable<TaskRow>(tasks);
  const caseCommit = pgCaseCommit(
    client,
    rawTasks,
    new PgRawTable<SlaRow>(slas),
    new PgRawTable<SurveyRow>(surveys),
  );
  const rawUsers = new PgRawTable<UserRow>(users, ['passwordHash']);
  const taskWithCase = [
    `select ${rawTasks.jsonObject('t')} as "task", ${rawCases.jsonObject('c')} as "case"`,
    'from "tasks" t join "cases" c on c.id = t.case_id where t.id = $1',
  ].join(' ');
  const userByName = `(select ${rawUsers.jsonObject('u')} from "users" u where u.username = $2)`;
  const taskWithCaseAndUser = [
    `select ${rawTasks.jsonObject('t')} as "task", ${rawCases.jsonObject('c')} as "case", ${userByName} as "user"`,
    'from "tasks" t join "cases" c on c.id = t.case_id where t.id = $1',
  ].join(' ');
  const caseWithUser = `select (select ${rawCases.jsonObject('c')} from "cases" c where c.id = $1) as "case", ${userByName} as "user"`;
  return {
    cases: {
      async insert(row) {
        const rows = await pgConflict(
          `case ${row.id} exists`,
          db().insert(cases).values(row).returning(caseColumns),
        );
        return rows[0]!;
      },
      async nextNumber() {
        // A sequence never hands a number out twice, whatever the concurrency (gaps are fine).
        const result = await runNamed<{ n: number }>(
          client(),
          "select nextval('case_number_seq')::int as n",
          [],
        );
        return result.rows[0]!.n;
      },
      async get(id) {
        return rawCases.get(client(), 'id = $1', [id]);
      },
      async getWithUser(id, username) {
        const result = await runNamed<{ case: CaseRow | null; user: UserRow | null }>(
          client(),
          caseWithUser,
          [id, username],
        );
        return result.rows[0]!;
      },
      async list(query = {}) {
        const limit = pageLimit(query);
        const cursor = decodeCursor(query.cursor);
        const rows = await db()
          .select(summaryColumns)
          .from(cases)
          .where(
            and(
              caseListWhere(cases, tasks, query, 'ilike'),
              afterCursor(cases.createdAt, cases.id, cursor, 'desc'),
            ),
          )
          .orderBy(desc(cases.createdAt), desc(cases.id))
          .limit(limit + 1);
        return toPage(rows, limit, (r) => [r.createdAt, r.id]);
      },
      async scan(query = {}) {
        return db()
          .select(summaryColumns)
          .from(cases)
          .where(caseScanWhere(cases, query))
          .orderBy(asc(cases.createdAt), asc(cases.id));
      },
      async update(id, expectedRevision, patch) {
        // The revision check and the write are one statement: a concurrent writer's row lock
        // makes this one re-check the revision after that writer commits.
        return rawCases.update(
          client(),
          { ...patch, revision: expectedRevision + 1 },
          'id = $1 and revision = $2',
          [id, expectedRevision],
        );
      },
      async markFirstResponse(id, at) {
        const result = await db()
          .update(cases)
          .set({ firstResponseAt: at })
          .where(and(eq(cases.id, id), isNull(cases.firstResponseAt)));
        return (result.rowCount ?? 0) > 0;
      },
      ...caseCommit,
    },

    tasks: {
      async insert(task) {
        return (await pgConflict(`task ${task.id} exists`, rawTasks.insert(client(), taskToRow(task))))!;
      },
      async get(id) {
        return rawTasks.get(client(), 'id = $1', [id]);
      },
      async getByKey(caseId, taskKey) {
        return rawTasks.get(client(), 'case_id = $1 and task_key = $2', [caseId, taskKey]);
      },
      async getWithCase(id) {
        const result = await runNamed<{ task: TaskRow; case: CaseRow }>(client(), taskWithCase, [id]);
        return result.rows[0] ?? null;
      },
      async getWithCaseAndUser(id, username) {
        const result = await runNamed<{ task: TaskRow; case: CaseRow; user: UserRow | null }>(
          client(),
          taskWithCaseAndUser,
          [id, username],
        );
        return result.rows[0] ?? null;
      },
      async list(query = {}) {
        const limit = pageLimit(query);
        const cursor = decodeCursor(query.cursor);
        const rows = await db()
          .select()
          .from(tasks)
          .where(and(taskListWhere(tasks, query), afterCursor(tasks.createdAt, tasks.id, cursor, 'asc')))
          .orderBy(asc(tasks.createdAt), asc(tasks.id))
          .limit(limit + 1);
        return toPage(rows, limit, (r) => [r.createdAt, r.id]);
      },
      async listByCase(caseId) {
        return rawTasks.all(client(), 'case_id = $1 order by created_at, id', [caseId]);
      },
      async listByCases(caseIds) {
        if (caseIds.length === 0) return [];
        return db()
          .select()
          .from(tasks)
          .where(inArray(tasks.caseId, caseIds))
          .orderBy(asc(tasks.caseId), asc(tasks.createdAt), asc(tasks.id));
      },
      async update(id, patch) {
        return rawTasks.update(client(), patch, 'id = $1', [id]);
      },
      async claim(id, user, now) {
        // A racing claimer blocks on the row lock, then re-evaluates the WHERE and misses.
        return first(
          await db()
            .update(tasks)
            .set({ status: 'claimed', assignee: user, updatedAt: now })
            .where(
              and(
                eq(tasks.id, id),
                or(
                  and(eq(tasks.status, 'open'), or(isNull(tasks.assignee), eq(tasks.assignee, user))),
                  and(eq(tasks.status, 'claimed'), eq(tasks.assignee, user)),
                ),
              ),
            )
            .returning(),
        );
      },
    },
  };
}
