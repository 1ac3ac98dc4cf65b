import { parseCaseNumber } from '@caseflow/schema';
import {
  and,
  type Column,
  eq,
  gt,
  gte,
  inArray,
  isNotNull,
  isNull,
  lt,
  lte,
  or,
  type SQL,
  sql,
  type Table,
} from 'drizzle-orm';
import { afterCursor, type Cursor } from './paging';
import { containsPattern } from './rows';
import type { CaseQuery, CaseScan, OutboxStatus, TaskQuery, TimelineScan } from './store';

/*
 * WHERE clauses shared by both dialects: the operators of drizzle-orm work on either side's
 * columns, so only the tables differ. Each builder answers undefined when nothing filters.
 */

type Cols<K extends string> = { [P in K]: Column };
type CaseCols = Cols<
  | 'id'
  | 'status'
  | 'customerId'
  | 'flow'
  | 'version'
  | 'pilotId'
  | 'parentCaseId'
  | 'createdAt'
  | 'number'
  | 'subject'
>;
type TaskCols = Cols<'caseId' | 'status' | 'group' | 'tier' | 'assignee'>;
type TimelineCols = Cols<'caseId' | 'type' | 'at'>;
type TimelineListCols = Cols<'caseId' | 'seq' | 'public'>;
type CustomerCols = Cols<'id' | 'name' | 'email' | 'phone' | 'segment' | 'mergedInto'>;
type OutboxCols = Cols<'id' | 'caseId' | 'status' | 'createdAt'>;

const oneOrMany = (col: Column, v: string | string[]) => (Array.isArray(v) ? inArray(col, v) : eq(col, v));

/**
 * Filters of cases.list; `queue` keeps cases with an open or claimed task of that group, `q`
 * matches the number (REQ-000123 or 123), the subject (a substring, ignoring case with the
 * dialect's operator) or the customer id, `topLevel` leaves subflow children out.
 */
export function caseListWhere(
  c: CaseCols,
  tasks: Table & TaskCols,
  q: CaseQuery,
  like: 'like' | 'ilike',
): SQL | undefined {
  return and(
    q.status === undefined ? undefined : eq(c.status, q.status),
    q.customerId === undefined ? undefined : eq(c.customerId, q.customerId),
    q.flow === undefined ? undefined : eq(c.flow, q.flow),
    q.parentCaseId === undefined ? undefined : eq(c.parentCaseId, q.parentCaseId),
    q.topLevel ? isNull(c.parentCaseId) : undefined,
    q.q === undefined || q.q.trim() === '' ? undefined : caseSearch(c, q.q.trim(), like),
    q.queue === undefined
      ? undefined
      : sql`exists (select 1 from ${tasks} where ${tasks.caseId} = ${c.id} and ${tasks.group} = ${q.queue} and ${tasks.status} in ('open', 'claimed'))`,
  );
}

/** A case search: number, subject substring or customer id. */
function caseSearch(c: CaseCols, text: string, like: 'like' | 'ilike'): SQL | undefined {
  const n = parseCaseNumber(text);
  return or(
    n === null ? undefined : eq(c.number, n),
    sql`${c.subject} ${sql.raw(like)} ${containsPattern(text)} escape '\\'`,
    eq(c.customerId, text),
  );
}

/** Filters of cases.scan (creation time range inclusive). */
export function caseScanWhere(c: CaseCols, q: CaseScan): SQL | undefined {
  const subflows = q.subflows ?? 'exclude';
  return and(
    subflows === 'exclude' ? isNull(c.parentCaseId) : undefined,
    subflows === 'only' ? isNotNull(c.parentCaseId) : undefined,
    q.flow === undefined ? undefined : eq(c.flow, q.flow),
    q.version === undefined ? undefined : eq(c.version, q.version),
    q.pilotId === undefined ? undefined : eq(c.pilotId, q.pilotId),
    q.createdFrom === undefined ? undefined : gte(c.createdAt, q.createdFrom),
    q.createdTo === undefined ? undefined : lte(c.createdAt, q.createdTo),
    q.caseIds === undefined ? undefined : inArray(c.id, q.caseIds),
  );
}

/** Filters of tasks.list. */
export function taskListWhere(t: TaskCols, q: TaskQuery): SQL | undefined {
  return and(
    q.status === undefined ? undefined : oneOrMany(t.status, q.status),
    q.group === undefined ? undefined : oneOrMany(t.group, q.group),
    q.tier === undefined ? undefined : eq(t.tier, q.tier),
    q.assignee === undefined ? undefined : eq(t.assignee, q.assignee),
    q.caseId === undefined ? undefined : eq(t.caseId, q.caseId),
  );
}

/** Filters of timeline.list: one case's entries, the public ones only or those after a seq. */
export function timelineListWhere(
  tl: TimelineListCols,
  caseId: string,
  options: { publicOnly?: boolean; afterSeq?: number },
): SQL | undefined {
  return and(
    eq(tl.caseId, caseId),
    options.publicOnly ? eq(tl.public, true) : undefined,
    options.afterSeq === undefined ? undefined : gt(tl.seq, options.afterSeq),
  );
}

/**
 * Filters of timeline.page: one case's entries (public ones only for customers) strictly after
 * the cursor's seq in the page's order.
 */
export function timelinePageWhere(
  tl: TimelineListCols,
  caseId: string,
  publicOnly: boolean,
  cursor: Cursor | null,
  order: 'asc' | 'desc',
): SQL | undefined {
  const seq = cursor && typeof cursor[0] === 'number' ? cursor[0] : undefined;
  return and(
    eq(tl.caseId, caseId),
    publicOnly ? eq(tl.public, true) : undefined,
    seq === undefined ? undefined : order === 'asc' ? gt(tl.seq, seq) : lt(tl.seq, seq),
  );
}

/** Filters of messages.pageByCase: one case's messages after the cursor's (at, id). */
export function messagePageWhere(
  m: Cols<'caseId' | 'at' | 'id' | 'visibility'>,
  caseId: string,
  cursor: Cursor | null,
  order: 'asc' | 'desc',
  publicOnly = false,
): SQL | undefined {
  return and(
    eq(m.caseId, caseId),
    publicOnly ? eq(m.visibility, 'public') : undefined,
    afterCursor(m.at, m.id, cursor, order),
  );
}

/** Filters of messages.listByCustomer: the customer's messages, public ones only for their own view. */
export function customerMessagesWhere(
  m: Cols<'customerId' | 'visibility'>,
  customerId: string,
  publicOnly = false,
): SQL | undefined {
  return and(eq(m.customerId, customerId), publicOnly ? eq(m.visibility, 'public') : undefined);
}

/** Filters of timeline.scan over timeline joined with cases (time range inclusive). */
export function timelineScanWhere(tl: TimelineCols, c: CaseCols, q: TimelineScan): SQL | undefined {
  return and(
    q.flow === undefined ? undefined : eq(c.flow, q.flow),
    q.version === undefined ? undefined : eq(c.version, q.version),
    q.caseIds === undefined ? undefined : inArray(tl.caseId, q.caseIds),
    q.types === undefined ? undefined : inArray(tl.type, q.types),
    q.from === undefined ? undefined : gte(tl.at, q.from),
    q.to === undefined ? undefined : lte(tl.at, q.to),
  );
}

/**
 * Filters of customers.list after the page `cursor` (ordered by id). `search` matches name,
 * email, phone or id anywhere, ignoring case with the dialect's operator: SQLite's `like` already
 * ignores ASCII case, PostgreSQL needs `ilike`.
 */
export function customerListWhere(
  c: CustomerCols,
  q: { segment?: string; search?: string },
  cursor: Cursor | null,
  like: 'like' | 'ilike',
): SQL | undefined {
  const matches = (col: Column, pattern: string) => sql`${col} ${sql.raw(like)} ${pattern} escape '\\'`;
  const search = q.search ? containsPattern(q.search) : undefined;
  return and(
    // Merged contacts are tombstones: they still resolve by id and address, but are nobody to pick.
    isNull(c.mergedInto),
    q.segment === undefined ? undefined : eq(c.segment, q.segment),
    search === undefined
      ? undefined
      : or(
          matches(c.name, search),
          matches(c.email, search),
          matches(c.phone, search),
          matches(c.id, search),
        ),
    cursor ? gt(c.id, cursor[1]) : undefined,
  );
}

/** Filters of outbox.list after the page `cursor` (newest first). */
export function outboxListWhere(
  o: OutboxCols,
  q: { caseId?: string; status?: OutboxStatus },
  cursor: Cursor | null,
): SQL | undefined {
  return and(
    q.caseId === undefined ? undefined : eq(o.caseId, q.caseId),
    q.status === undefined ? undefined : eq(o.status, q.status),
    afterCursor(o.createdAt, o.id, cursor, 'desc'),
  );
}
