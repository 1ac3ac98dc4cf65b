import type { CaseScan } from './store';

/*
 * The analytics reads as SQL text shared by both dialects. They differ only in placeholders,
 * JSON field access and casts (pg answers bigint and count as strings unless cast), so each
 * side passes those three and runs the text with its driver.
 */

/** What differs between SQLite and PostgreSQL in these statements. */
export interface AnalyticsDialect {
  /** The placeholder of the n-th (1-based) parameter: `?` or `$n`. */
  param(n: number): string;
  /**
   * A JSON text field of a json column, null for a row whose text the database cannot read as
   * JSON (SQLite refuses documents nested over 1,000 deep: one such row must not fail the
   * report): iif(json_valid(col), json_extract(col, '$.f'), null) or col->>'f'.
   */
  jsonText(column: string, field: string): string;
  /** An expression read as a JS number (bigint epoch ms, counts). */
  num(expr: string): string;
  /** The values of a JSON array text parameter as a subquery: json_each or jsonb_array_elements_text. */
  jsonList?(placeholder: string): string;
  /**
   * A column the planner must not look up through its own index (SQLite: unary `+`), steering
   * it to a better one; PostgreSQL's planner weighs the indexes by statistics and needs none.
   */
  unindexed?(column: string): string;
}

/**
 * The condition on `c` that keeps the scan's level of cases: top-level only unless the scan
 * asks for subflow children (`only`) or every case (`include`); null when nothing filters.
 */
export function subflowCondition(q: CaseScan): string | null {
  const subflows = q.subflows ?? 'exclude';
  if (subflows === 'include') return null;
  return subflows === 'only' ? 'c.parent_case_id is not null' : 'c.parent_case_id is null';
}

/** `where …` over the cases alias `c` for a CaseScan, with its parameters. */
export function scanWhere(d: AnalyticsDialect, q: CaseScan): { where: string; params: unknown[] } {
  const parts: string[] = [];
  const params: unknown[] = [];
  const add = (clause: string, value: unknown) => {
    params.push(value);
    parts.push(clause.replace('?', d.param(params.length)));
  };
  if (q.flow !== undefined) add('c.flow = ?', q.flow);
  if (q.version !== undefined) add('c.version = ?', q.version);
  if (q.pilotId !== undefined) add('c.pilot_id = ?', q.pilotId);
  if (q.createdFrom !== undefined) add('c.created_at >= ?', q.createdFrom);
  if (q.createdTo !== undefined) add('c.created_at <= ?', q.createdTo);
  if (q.caseIds !== undefined) {
    if (!d.jsonList) throw new Error('this dialect cannot scan by case ids');
    add(`c.id in (${d.jsonList('?')})`, JSON.stringify(q.caseIds));
  }
  const level = subflowCondition(q);
  if (level) parts.push(level);
  return { where: parts.length === 0 ? '' : `where ${parts.join(' and ')}`, params };
}

/** The statements of Store.analytics' fact reads for a scan. */
export function analyticsStatements(d: AnalyticsDialect, q: CaseScan) {
  const { where, params } = scanWhere(d, q);
  const n = d.num;
  return {
    params,
    caseFacts: `select c.id as "id", c.flow as "flow", c.version as "version", c.cohort as "cohort",
        c.channel as "channel", c.status as "status", c.customer_id as "customerId",
        ${n('c.created_at')} as "createdAt", ${n('c.closed_at')} as "closedAt",
        ${n('c.first_response_at')} as "firstResponseAt",
        ${d.jsonText('c.variables', 'catalogItem')} as "catalogItem", c.parent_case_id as "parentCaseId",
        c.pilot_id as "pilotId",
        ${n('(select count(*) from messages m where m.case_id = c.id)')} as "messages",
        ${n("(select count(*) from messages m where m.case_id = c.id and m.from_party = 'agent')")} as "responses",
        ${n("(select count(distinct m.channel) from messages m where m.case_id = c.id and m.direction = 'in')")} as "inboundChannels"
      from cases c ${where} order by c.created_at, c.id`,
    slaFacts: `select s.case_id as "caseId", s.id as "id", s.status as "status"
      from slas s join cases c on c.id = s.case_id ${where}`,
    taskFacts: `select t.case_id as "caseId", t.id as "id", t.status as "status", t.tier as "tier",
        t.group_name as "group", t.assignee as "assignee", ${n('t.created_at')} as "createdAt",
        ${n('t.closed_at')} as "closedAt",
        ${n(`(select max(tl.at) from timeline tl where tl.case_id = t.case_id
          and ${d.unindexed?.('tl.type') ?? 'tl.type'} in ('task.claimed', 'task.assigned')
          and ${d.jsonText('tl.data', 'taskId')} = t.id)`)} as "claimedAt"
      from tasks t join cases c on c.id = t.case_id ${where}`,
    surveyFacts: `select s.case_id as "caseId", s.kind as "kind", ${n('s.score')} as "score"
      from surveys s join cases c on c.id = s.case_id ${where} ${where ? 'and' : 'where'} s.score is not null`,
    subflowCounts: `select ${n('count(*)')} as "cases",
        ${n("coalesce(sum(case when c.status = 'open' then 1 else 0 end), 0)")} as "open",
        ${n("coalesce(sum(case when c.status = 'resolved' then 1 else 0 end), 0)")} as "resolved"
      from cases c ${scanWhere(d, { ...q, subflows: 'only' }).where}`,
  };
}
