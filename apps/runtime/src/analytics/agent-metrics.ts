import type { AgentMetrics } from '@caseflow/schema';
import type { TaskFactRow } from '../store/store';

/** Half-open period [from, to) in epoch ms. */
export interface Period {
  from: number;
  to: number;
}

/** Total length of the union of `spans` ([start, end) pairs, any order). Pure. */
export function unionLength(spans: Array<[number, number]>): number {
  const sorted = spans.filter(([a, b]) => b > a).sort((x, y) => x[0] - y[0]);
  let total = 0;
  let end = Number.NEGATIVE_INFINITY;
  for (const [a, b] of sorted) {
    if (b <= end) continue;
    total += b - Math.max(a, end);
    end = b;
  }
  return total;
}

/**
 * Per agent (task assignee), sorted by name: the work done inside the period, whichever day
 * the case was opened. Tasks handled are the tasks completed in [from, to], with their mean
 * handling time (claim to completion, for those claimed). A task occupies its assignee from
 * its latest claim until it closed (completed, escalated, cancelled), or until the end of the
 * period while it is still claimed; spans are clipped to the period and overlaps count once.
 * Agents who neither completed a task nor held one in the period are left out. Pure.
 */
export function agentMetrics(tasks: Iterable<TaskFactRow>, period: Period): AgentMetrics[] {
  const agents = new Map<string, { handled: number; handling: number[]; spans: Array<[number, number]> }>();
  for (const t of tasks) {
    if (t.assignee === null) continue;
    let a = agents.get(t.assignee);
    if (!a) {
      a = { handled: 0, handling: [], spans: [] };
      agents.set(t.assignee, a);
    }
    if (
      t.status === 'completed' &&
      t.closedAt !== null &&
      t.closedAt >= period.from &&
      t.closedAt < period.to
    ) {
      a.handled++;
      if (t.claimedAt !== null) a.handling.push(t.closedAt - t.claimedAt);
    }
    if (t.claimedAt === null) continue;
    const end = t.closedAt ?? (t.status === 'claimed' ? period.to : null);
    if (end === null) continue;
    a.spans.push([Math.max(t.claimedAt, period.from), Math.min(end, period.to)]);
  }
  const length = period.to - period.from;
  return [...agents]
    .map(([agent, a]) => ({ agent, a, busyMs: unionLength(a.spans) }))
    .filter(({ a, busyMs }) => a.handled > 0 || busyMs > 0)
    .sort((x, y) => x.agent.localeCompare(y.agent))
    .map(({ agent, a, busyMs }) => ({
      agent,
      tasksHandled: a.handled,
      ahtMs:
        a.handling.length === 0
          ? null
          : Math.round(a.handling.reduce((s, v) => s + v, 0) / a.handling.length),
      busyMs,
      occupancy: length > 0 ? Math.round((busyMs / length) * 10000) / 10000 : null,
    }));
}
