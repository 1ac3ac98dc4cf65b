/*
 * Closed cases written by SQL (INSERT … SELECT over a series of numbers) on either dialect,
 * with one or two tasks, a claim entry and node visits on the timeline, an SLA clock, two
 * messages and a CSAT answer for a third of them: what GET /api/metrics and the heat map read,
 * without the cost of opening them through the engine.
 */

/** The dialect bits of the fill and of the reference statements. */
export interface BenchDialect {
  name: 'sqlite' | 'postgres';
  /** Runs a statement (no result). */
  exec(sql: string, params?: unknown[]): Promise<void>;
  /** Runs a query and answers its rows. */
  all<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
  /** Fills bench_series(i) with 0 … n-1. */
  series(n: number): string;
  /** `expr` as a json column value. */
  json(expr: string): string;
  /** The text field `field` of a json column. */
  jsonText(column: string, field: string): string;
  /** A boolean column value. */
  bool(value: boolean): string;
  /** The n-th placeholder. */
  param(n: number): string;
}

/** Where the bench cases start (epoch ms) and the flow they belong to. */
export const BENCH_T0 = Date.parse('2026-01-05T08:00:00Z');
export const BENCH_FLOW = 'bench';

/** Writes `n` closed cases of flow `bench` and their rows; answers when done. */
export async function fillBenchCases(d: BenchDialect, n: number): Promise<void> {
  const created = `(${BENCH_T0} + i * 60000)`;
  const id = `('b' || i)`;
  await d.exec('create table bench_series (i bigint primary key)');
  await d.exec(d.series(n));
  await d.exec(`insert into cases (id, flow, version, pilot_id, cohort, customer_id, channel, subject, priority,
      status, active_nodes, variables, snapshot, revision, created_at, updated_at, closed_at, first_response_at)
    select ${id}, '${BENCH_FLOW}', 1 + i % 2, null, case when i % 3 = 0 then 'pilot' else 'control' end,
      'cu' || (i % 20000), case i % 4 when 0 then 'email' when 1 then 'chat' when 2 then 'phone' else 'web' end,
      'bench', 'normal', case when i % 10 = 0 then 'failed' else 'resolved' end, '[]', '{}', '{}', 3,
      ${created}, ${created} + 3600000 + (i * 7919) % 7200000, ${created} + 3600000 + (i * 7919) % 7200000,
      case when i % 7 = 0 then null else ${created} + (i * 104729) % 1800000 end
    from bench_series`);
  await d.exec(`insert into tasks (id, case_id, task_key, node_id, kind, title, status, tier, group_name, assignee,
      outcomes, form, approval_id, due_at, outcome, "values", created_at, updated_at, closed_at)
    select ${id} || '.t1', ${id}, 't1', 'work', 'task', 'Work', 'completed', 'L1', 'support', 'agent' || (i % 25),
      '["done"]', null, null, null, 'done', '{}', ${created}, ${created} + 600000 + (i * 31) % 1200000,
      ${created} + 600000 + (i * 31) % 1200000
    from bench_series`);
  await d.exec(`insert into tasks (id, case_id, task_key, node_id, kind, title, status, tier, group_name, assignee,
      outcomes, form, approval_id, due_at, outcome, "values", created_at, updated_at, closed_at)
    select ${id} || '.t0', ${id}, 't0', 'triage', 'task', 'Triage', 'escalated', 'L0', 'front', null,
      '["done"]', null, null, null, null, null, ${created}, ${created}, ${created} + 1000
    from bench_series where i % 8 = 0`);
  await d.exec(`insert into timeline (case_id, seq, at, type, actor, node_id, data, public)
    select ${id}, 1, ${created} + 60000, 'task.claimed', 'agent' || (i % 25), 'work',
      ${d.json(`'{"taskId":"' || ${id} || '.t1"}'`)}, ${d.bool(false)}
    from bench_series`);
  // Node visits for the heat map: triage then work, each entered and left; a fifth of the
  // cases breach an SLA at work.
  const triageLeft = `${created} + 60000 + (i * 13) % 600000`;
  const workLeft = `${created} + 3600000 + (i * 7919) % 7200000`;
  for (const [seq, type, node, at, where] of [
    [2, 'node.entered', 'triage', created, ''],
    [3, 'node.left', 'triage', triageLeft, ''],
    [4, 'node.entered', 'work', triageLeft, ''],
    [5, 'sla.breached', 'work', `${created} + 1800000`, 'where i % 5 = 0'],
    [6, 'node.left', 'work', workLeft, ''],
  ] as const) {
    await d.exec(`insert into timeline (case_id, seq, at, type, actor, node_id, data, public)
      select ${id}, ${seq}, ${at}, '${type}', null, '${node}', ${d.json(`'{}'`)}, ${d.bool(false)}
      from bench_series ${where}`);
  }
  await d.exec(`insert into slas (case_id, id, scope, task_id, status, target, calendar, started_at, due_at, elapsed_ms, updated_at)
    select ${id}, 'resolution', 'case', null, case when i % 5 = 0 then 'breached' else 'met' end, 'PT2H', '24x7',
      ${created}, ${created} + 7200000, 0, ${created}
    from bench_series`);
  for (const [suffix, from, dir] of [
    ['m1', 'customer', 'in'],
    ['m2', 'agent', 'out'],
  ] as const) {
    await d.exec(`insert into messages (id, case_id, customer_id, channel, direction, from_party, author, body, at)
      select ${id} || '${suffix}', ${id}, null, 'email', '${dir}', '${from}', null, 'hello', ${created}
      from bench_series`);
  }
  await d.exec(`insert into surveys (token, case_id, customer_id, survey_id, node_id, kind, to_address, score, comment, sent_at, answered_at)
    select 's' || i, ${id}, null, 'csat', null, 'csat', 'x@example.com', 1 + i % 5, null, ${created}, ${created}
    from bench_series where i % 3 = 0`);
  await d.exec('drop table bench_series');
  if (d.name === 'postgres') await d.exec('analyze');
  else await d.exec('analyze');
}
