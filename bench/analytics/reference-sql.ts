import type { BenchDialect } from './bench-data';

/**
 * The hand-written SQL equivalent of GET /api/metrics (totals of one flow, wall time): the same
 * figures as aggregates computed inside the database (counts, sums, averages, percentiles by
 * ORDER BY … OFFSET on the nearest rank), answered as one object. The baseline of the bench.
 */
export async function referenceMetrics(d: BenchDialect, flow: string) {
  const p = d.param(1);
  const num = (v: unknown) => (v === null || v === undefined ? null : Number(v));
  const [head] = await d.all(
    `select count(*) as cases,
      sum(case when c.status = 'resolved' then 1 else 0 end) as resolved,
      sum(case when c.status = 'resolved'
        and not exists (select 1 from tasks t where t.case_id = c.id and t.status = 'escalated')
        and (select count(*) from messages m where m.case_id = c.id and m.from_party = 'agent') <= 1
        then 1 else 0 end) as fcr,
      avg(case when c.status = 'resolved' then c.closed_at - c.created_at end) as resolution_avg,
      sum(case when c.status = 'resolved' then 1 else 0 end) as resolution_n,
      avg(c.first_response_at - c.created_at) as first_response_avg,
      count(c.first_response_at) as first_response_n
    from cases c where c.flow = ${p}`,
    [flow],
  );
  const nearest = async (expr: string, filter: string, count: number, q: number) => {
    if (count === 0) return null;
    const offset = Math.max(1, Math.ceil(q * count)) - 1;
    const [row] = await d.all<{ v: unknown }>(
      `select ${expr} as v from cases c where c.flow = ${p} and ${filter} order by 1 limit 1 offset ${offset}`,
      [flow],
    );
    return num(row?.v);
  };
  const resolutionN = Number(head?.resolution_n ?? 0);
  const firstN = Number(head?.first_response_n ?? 0);
  const resolution = "c.status = 'resolved'";
  const first = 'c.first_response_at is not null';
  const slas = await d.all(
    `select s.id, sum(case when s.status = 'met' then 1 else 0 end) as met,
      sum(case when s.status = 'breached' then 1 else 0 end) as breached
    from slas s join cases c on c.id = s.case_id where c.flow = ${p} group by s.id`,
    [flow],
  );
  const escalations = await d.all(
    `select t.tier, count(*) as n from tasks t join cases c on c.id = t.case_id
    where c.flow = ${p} and t.status = 'escalated' group by t.tier`,
    [flow],
  );
  const [work] = await d.all(
    `select count(*) as handled, avg(t.closed_at - (select max(tl.at) from timeline tl
      where tl.case_id = t.case_id and tl.type = 'task.claimed' and ${d.jsonText('tl.data', 'taskId')} = t.id)) as aht
    from tasks t join cases c on c.id = t.case_id
    where c.flow = ${p} and t.status = 'completed' and t.assignee is not null`,
    [flow],
  );
  const surveys = await d.all(
    `select s.kind, count(*) as n, sum(case when s.score >= 4 then 1 else 0 end) as satisfied,
      sum(case when s.score >= 9 then 1 else 0 end) as promoters, sum(case when s.score <= 6 then 1 else 0 end) as detractors,
      avg(s.score) as mean
    from surveys s join cases c on c.id = s.case_id where c.flow = ${p} and s.score is not null group by s.kind`,
    [flow],
  );
  const [messages] = await d.all(
    `select count(*) as n, sum(case when m.from_party = 'agent' then 1 else 0 end) as responses
    from messages m join cases c on c.id = m.case_id where c.flow = ${p}`,
    [flow],
  );
  return {
    cases: num(head?.cases),
    resolved: num(head?.resolved),
    fcrCases: num(head?.fcr),
    resolutionMs: {
      avg: num(head?.resolution_avg),
      p50: await nearest('c.closed_at - c.created_at', resolution, resolutionN, 0.5),
      p90: await nearest('c.closed_at - c.created_at', resolution, resolutionN, 0.9),
    },
    firstResponseMs: {
      avg: num(head?.first_response_avg),
      p50: await nearest('c.first_response_at - c.created_at', first, firstN, 0.5),
      p90: await nearest('c.first_response_at - c.created_at', first, firstN, 0.9),
    },
    slas,
    escalations,
    tasksHandled: num(work?.handled),
    ahtMs: num(work?.aht),
    surveys,
    messages: num(messages?.n),
    responses: num(messages?.responses),
  };
}

/**
 * The hand-written SQL heat map of one flow version: per node, entries, exits and breaches,
 * and the visit durations (the k-th exit of a node in a case closes its k-th entry) with
 * their average and nearest-rank p90. The baseline of the heat-map row.
 */
export async function referenceHeatmap(d: BenchDialect, flow: string, version: number) {
  const [p1, p2] = [d.param(1), d.param(2)];
  const counts = await d.all<{ node: string; entered: unknown; completed: unknown; breaches: unknown }>(
    `select t.node_id as node,
      sum(case when t.type = 'node.entered' then 1 else 0 end) as entered,
      sum(case when t.type = 'node.left' then 1 else 0 end) as completed,
      sum(case when t.type = 'sla.breached' then 1 else 0 end) as breaches
    from timeline t join cases c on c.id = t.case_id
    where c.flow = ${p1} and c.version = ${p2} and t.node_id is not null
      and t.type in ('node.entered', 'node.left', 'sla.breached')
    group by t.node_id`,
    [flow, version],
  );
  const durations = await d.all<{ node: string; n: unknown; avg: unknown; p90: unknown }>(
    `with v as (
      select t.case_id, t.node_id, t.type, t.at,
        row_number() over (partition by t.case_id, t.node_id, t.type order by t.seq) as k
      from timeline t join cases c on c.id = t.case_id
      where c.flow = ${p1} and c.version = ${p2} and t.node_id is not null
        and t.type in ('node.entered', 'node.left')
    ), d as (
      select e.node_id as node, l.at - e.at as ms from v e
      join v l on l.case_id = e.case_id and l.node_id = e.node_id and l.k = e.k and l.type = 'node.left'
      where e.type = 'node.entered'
    ), r as (
      select node, ms, row_number() over (partition by node order by ms) as rn,
        count(*) over (partition by node) as n, avg(ms) over (partition by node) as mean
      from d
    )
    select node, n, mean as avg, ms as p90 from r where rn = cast(n * 9 + 9 as integer) / 10`,
    [flow, version],
  );
  const num = (v: unknown) => (v === null || v === undefined ? null : Number(v));
  return counts.map((c) => {
    const dur = durations.find((x) => x.node === c.node);
    return {
      nodeId: c.node,
      entered: Number(c.entered),
      completed: Number(c.completed),
      breaches: Number(c.breaches),
      avgMs: dur ? Math.round(Number(dur.avg)) : null,
      p90Ms: dur ? num(dur.p90) : null,
    };
  });
}
