import { type AnalyticsDialect, subflowCondition } from './analytics-sql';
import type { SummaryDimension, SummaryQuery } from './analytics-summary';

/*
 * The statements of Store.analytics.summary: GET /api/metrics aggregated inside the database,
 * so that a report over 100,000 cases reads a few rows per group instead of every case, task
 * and SLA (reading the rows into JavaScript was most of its cost). Shared by both dialects like
 * analytics-sql.ts. Every figure is a count, a sum or a picked row, so the answers equal the
 * reduction of the fact rows in JS exactly (averages and rounding stay in JS).
 */

/** Extra dialect bits of these statements. */
export interface SummaryDialect extends AnalyticsDialect {
  /** Larger / smaller of two numbers: max(a, b) on SQLite, greatest(a, b) on PostgreSQL. */
  greatest(a: string, b: string): string;
  least(a: string, b: string): string;
  /** Ceiling of a float expression, as IEEE doubles compute it (Math.ceil). */
  ceil(expr: string): string;
  /** `q` as a double literal (so q * n is computed in floating point like JS). */
  float(q: number): string;
}

/** The SQL expression of one dimension over the cases alias `c` (its value as dimensions.ts spells it). */
function dimensionSql(d: SummaryDialect, dim: SummaryDimension): string {
  switch (dim) {
    case 'cohort':
      return "coalesce(c.cohort, 'none')";
    case 'version':
      return 'cast(c.version as text)';
    case 'channel':
      return 'c.channel';
    case 'catalogItem':
      return `coalesce(${d.jsonText('c.variables', 'catalogItem')}, 'none')`;
  }
}

/** A statement with its own positional parameters. */
export interface Statement {
  text: string;
  params: unknown[];
}

/** Builds one statement: `where(alias)` adds the scan's conditions with fresh placeholders. */
function statement(
  d: SummaryDialect,
  q: SummaryQuery,
  build: (where: (extra?: string) => string, param: (v: unknown) => string) => string,
): Statement {
  const params: unknown[] = [];
  const param = (v: unknown) => {
    params.push(v);
    return d.param(params.length);
  };
  const where = (extra?: string) => {
    const parts: string[] = [];
    const s = q.scan;
    if (s.flow !== undefined) parts.push(`c.flow = ${param(s.flow)}`);
    if (s.version !== undefined) parts.push(`c.version = ${param(s.version)}`);
    if (s.pilotId !== undefined) parts.push(`c.pilot_id = ${param(s.pilotId)}`);
    if (s.createdFrom !== undefined) parts.push(`c.created_at >= ${param(s.createdFrom)}`);
    if (s.createdTo !== undefined) parts.push(`c.created_at <= ${param(s.createdTo)}`);
    const level = subflowCondition(s);
    if (level) parts.push(level);
    if (extra) parts.push(extra);
    return parts.length === 0 ? '' : `where ${parts.join(' and ')}`;
  };
  return { text: build(where, param), params };
}

/** When the task's (last) holder got it: a claim, or routing's assignment (which claims it). */
const CLAIMED_AT = (d: SummaryDialect) =>
  `(select max(tl.at) from timeline tl where tl.case_id = t.case_id
    and tl.type in ('task.claimed', 'task.assigned')
    and ${d.jsonText('tl.data', 'taskId')} = t.id)`;

/**
 * The statements of one summary. Group keys come back as columns g0, g1, … (one per `by`);
 * every number through `num`. `agents` needs the period, hence a function.
 */
export function summaryStatements(d: SummaryDialect, q: SummaryQuery) {
  const n = d.num;
  const keys = q.by.map((dim, i) => `${dimensionSql(d, dim)} as "g${i}"`);
  const sel = keys.map((k) => `${k}, `).join('');
  const groupBy = (...more: string[]) => {
    const cols = [...q.by.map((_, i) => String(i + 1)), ...more];
    return cols.length === 0 ? '' : `group by ${cols.join(', ')}`;
  };
  const k = q.by.length;
  const pos = (i: number) => String(k + i);
  const partition = `partition by ${[...q.by.map((_, i) => `"g${i}"`), 'kind'].join(', ')}`;

  return {
    /** Per group: counts, first-contact resolutions, the group's first case (for the order). */
    cases: statement(
      d,
      q,
      (where) => `select ${sel}${n('count(*)')} as "cases",
        ${n("sum(case when c.status = 'resolved' then 1 else 0 end)")} as "resolved",
        ${n(`sum(case when c.status = 'resolved'
          and not exists (select 1 from tasks t where t.case_id = c.id and t.status = 'escalated')
          and (select count(*) from messages m where m.case_id = c.id and m.from_party = 'agent') <= 1
          then 1 else 0 end)`)} as "fcrCases",
        ${n('min(c.created_at)')} as "firstCreatedAt"
      from cases c ${where()} ${groupBy()}`,
    ),
    /**
     * Per group, the first case in (created_at, id) order: ranks groups like the fact path
     * (first appearance). Only needed with `by`.
     */
    order: statement(
      d,
      q,
      (where) => `select ${q.by.map((_, i) => `"g${i}"`).join(', ')}, ${n('min(ord)')} as "ord" from (
        select ${keys.join(', ')}, row_number() over (order by c.created_at, c.id) as ord
        from cases c ${where()}) x ${groupBy()}`,
    ),
    messages: statement(
      d,
      q,
      (where) => `select ${sel}${n('count(*)')} as "messages",
        ${n("sum(case when m.from_party = 'agent' then 1 else 0 end)")} as "responses"
      from messages m join cases c on c.id = m.case_id ${where()} ${groupBy()}`,
    ),
    /**
     * Durations per group and kind (r: resolution, f: first response): count,
     * sum and smallest, and the rows at the nearest ranks ⌈0.5 n⌉ and ⌈0.9 n⌉.
     */
    durations: statement(
      d,
      q,
      (where) => `with v as (
        select ${sel}'r' as kind, c.closed_at - c.created_at as v from cases c
          ${where("c.status = 'resolved' and c.closed_at is not null")}
        union all
        select ${sel}'f' as kind, c.first_response_at - c.created_at as v from cases c
          ${where('c.first_response_at is not null')}
      ), r as (
        select v.*, row_number() over (${partition} order by v.v) as rn,
          count(*) over (${partition}) as n, sum(v.v) over (${partition}) as s,
          min(v.v) over (${partition}) as mn
        from v
      )
      select ${q.by.map((_, i) => `"g${i}", `).join('')}kind as "kind", ${n('n')} as "count", ${n('s')} as "sum",
        ${n('mn')} as "min", ${n('rn')} as "rank", ${n('v')} as "value"
      from r where rn = ${d.ceil(`${d.float(0.5)} * n`)} or rn = ${d.ceil(`${d.float(0.9)} * n`)}`,
    ),
    slas: statement(
      d,
      q,
      (
        where,
      ) => `select ${sel}s.id as "id", ${n("sum(case when s.status = 'met' then 1 else 0 end)")} as "met",
        ${n("sum(case when s.status = 'breached' then 1 else 0 end)")} as "breached"
      from slas s join cases c on c.id = s.case_id ${where("s.status in ('met', 'breached')")} ${groupBy(pos(1))}`,
    ),
    escalations: statement(
      d,
      q,
      (where) => `select ${sel}coalesce(t.tier, 'none') as "tier", ${n('count(*)')} as "count"
      from tasks t join cases c on c.id = t.case_id ${where("t.status = 'escalated'")} ${groupBy(pos(1))}`,
    ),
    surveys: statement(
      d,
      q,
      (where) => `select ${sel}s.kind as "kind", ${n('count(*)')} as "count",
        ${n('sum(case when s.score >= 4 then 1 else 0 end)')} as "satisfied",
        ${n('sum(case when s.score >= 9 then 1 else 0 end)')} as "promoters",
        ${n('sum(case when s.score <= 6 then 1 else 0 end)')} as "detractors",
        ${n('sum(s.score)')} as "sum"
      from surveys s join cases c on c.id = s.case_id ${where('s.score is not null')} ${groupBy(pos(1))}`,
    ),
    /**
     * Per agent over [from, to): completed tasks, handling sum/count, and the union length of
     * claim spans (clipped to the period; a still-claimed task runs to `to`). The union is the
     * sum over spans in start order of what each adds past the furthest earlier end.
     */
    work: (period: { from: number; to: number }) =>
      // Agents' figures count their work in subflow children too (it is their time); the
      // group figures (tasks handled, AHT) only the scan's own cases, marked `own`.
      statement(d, { ...q, scan: { ...q.scan, subflows: 'include' } }, (where, param) => {
        // A fresh placeholder per use: SQLite's `?` are positional.
        const from = () => `cast(${param(period.from)} as bigint)`;
        const to = () => `cast(${param(period.to)} as bigint)`;
        const g = q.by.map((_, i) => `"g${i}"`);
        const gsel = g.map((c) => `${c}, `).join('');
        // Typed nulls: PostgreSQL types a union's columns from its first branch.
        const gnull = g.map((c) => `cast(null as text) as ${c}, `).join('');
        const ggroup = g.length === 0 ? '' : `group by ${g.join(', ')}`;
        const gpart = g.length === 0 ? '' : `partition by ${g.join(', ')}`;
        const handling = "status = 'completed' and claimed is not null and closed is not null";
        // The claim lookup is the expensive part: done once (materialized) for every figure.
        return `with tk as materialized (
          select ${sel}t.assignee as a, t.status as status, t.closed_at as closed, ${CLAIMED_AT(d)} as claimed,
            case when ${subflowCondition(q.scan) ?? '1 = 1'} then 1 else 0 end as own
          from tasks t join cases c on c.id = t.case_id ${where('t.assignee is not null')}
        ), sp as (
          select a, ${d.greatest('claimed', from())} as s,
            ${d.least(`coalesce(closed, case when status = 'claimed' then ${to()} end)`, to())} as e
          from tk where claimed is not null and (closed is not null or status = 'claimed')
        ), w as (
          select a, s, e, max(e) over (partition by a order by s, e rows between unbounded preceding and 1 preceding) as pe
          from sp where e > s
        ), busy as (
          select a, sum(case when pe is null then e - s when e > pe then e - ${d.greatest('s', 'pe')} else 0 end) as b
          from w group by a
        ), agents as (
          select a, sum(case when status = 'completed' then 1 else 0 end) as handled,
            sum(case when ${handling} then closed - claimed end) as hs,
            sum(case when ${handling} then 1 else 0 end) as hn
          from tk group by a
        ), ranked as (
          select ${gsel}closed - claimed as v, row_number() over (${gpart} order by closed - claimed) as rn,
            count(*) over (${gpart}) as n
          from tk where own = 1 and ${handling}
        )
        select 'agent' as "row", ${gnull}agents.a as "agent", ${n('agents.handled')} as "handled",
          ${n('agents.hs')} as "sum", ${n('agents.hn')} as "count", ${n('coalesce(busy.b, 0)')} as "busyMs",
          ${n('null')} as "min", ${n('null')} as "rank", ${n('null')} as "value"
        from agents left join busy on busy.a = agents.a
        union all
        select 'group', ${gsel}null, ${n("sum(case when status = 'completed' then 1 else 0 end)")},
          ${n(`sum(case when ${handling} then closed - claimed end)`)}, ${n(`sum(case when ${handling} then 1 else 0 end)`)},
          null, ${n(`min(case when ${handling} then closed - claimed end)`)}, null, null
        from tk where own = 1 ${ggroup}
        union all
        select 'pick', ${gsel}null, null, null, ${n('n')}, null, null, ${n('rn')}, ${n('v')}
        from ranked where rn = ${d.ceil(`${d.float(0.5)} * n`)} or rn = ${d.ceil(`${d.float(0.9)} * n`)}`;
      }),
    /** The distinct flow versions of the scan (their calendars decide whether SQL may answer). */
    versions: statement(
      d,
      q,
      (where) => `select distinct c.flow as "flow", ${n('c.version')} as "version" from cases c ${where()}`,
    ),
  };
}
