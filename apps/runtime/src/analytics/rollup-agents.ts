import type { AgentMetrics } from '@caseflow/schema';
import type { Store } from '../store/store';
import type { Period } from './agent-metrics';
import { ALL_FLOWS, DAY_MS, dayOf, type OpenClaims } from './rollup-entries';
import { type AgentSlotSummary, type AgentWork, agentSummary, unionWithin } from './rollup-tally';

/**
 * Per agent over the period, from the agent rollups: what agentMetrics computes from every
 * task of the flow. Day slots inside the period add their stored summaries; a slot the period
 * (or an agent's open claim) cuts is read with its spans and clipped. A claim still held from
 * `m` keeps its agent busy from max(m, from) to the end of the period, so only the closed
 * spans before that point count on top.
 */
export async function rollupAgents(
  store: Store,
  flow: string | undefined,
  period: Period,
): Promise<AgentMetrics[]> {
  const { from, to } = period;
  if (!(to > from)) return [];
  const open = new Map<string, number>();
  for (const row of await store.rollups.query({
    space: 'agent-open',
    ...(flow === undefined ? {} : { flow }),
  })) {
    const [agent] = JSON.parse(row.dims) as [string];
    for (const m of (JSON.parse(row.tally) as OpenClaims).oc) {
      if (m < to && (open.get(agent) ?? Number.POSITIVE_INFINITY) > m) open.set(agent, m);
    }
  }
  /** Where each agent's closed spans stop counting: their earliest open claim, else the end. */
  const cut = (agent: string) => {
    const m = open.get(agent);
    return m === undefined ? to : Math.max(m, from);
  };
  const f = flow ?? ALL_FLOWS;
  const first = dayOf(from);
  const last = dayOf(to - 1);
  const totals = new Map<string, { busy: number; h: number; hs: number; hn: number }>();
  const total = (agent: string) => {
    let t = totals.get(agent);
    if (!t) {
      t = { busy: 0, h: 0, hs: 0, hn: 0 };
      totals.set(agent, t);
    }
    return t;
  };
  const partial = new Map<number, Set<string>>();
  for (const row of await store.rollups.query({
    space: 'agent',
    flow: f,
    fromBucket: first,
    toBucket: last,
  })) {
    const [agent] = JSON.parse(row.dims) as [string];
    const start = row.bucket * DAY_MS;
    const end = start + DAY_MS;
    // Whole when every completion of the slot is in [from, to] and every span before the cut.
    const whole = start >= from && end - 1 <= to && end <= cut(agent);
    if (whole) {
      const s = JSON.parse(row.tally) as AgentSlotSummary;
      const t = total(agent);
      t.busy += s.busy;
      t.h += s.h;
      t.hs += s.hs;
      t.hn += s.hn;
    } else {
      const set = partial.get(row.bucket) ?? new Set<string>();
      set.add(agent);
      partial.set(row.bucket, set);
    }
  }
  for (const [bucket, agents] of partial) {
    const rows = await store.rollups.query({
      space: 'agent',
      flow: f,
      fromBucket: bucket,
      toBucket: bucket,
      dims: [...agents].map((a) => JSON.stringify([a])),
      detail: true,
    });
    for (const row of rows) {
      const [agent] = JSON.parse(row.dims) as [string];
      const w = JSON.parse(row.detail ?? '{"sp":[],"dn":[]}') as AgentWork;
      const s = agentSummary(w, from, to);
      const t = total(agent);
      t.busy += unionWithin(w.sp, from, cut(agent));
      t.h += s.h;
      t.hs += s.hs;
      t.hn += s.hn;
    }
  }
  for (const agent of open.keys()) total(agent).busy += to - cut(agent);
  const length = to - from;
  return [...totals]
    .filter(([, t]) => t.h > 0 || t.busy > 0)
    .sort(([x], [y]) => x.localeCompare(y))
    .map(([agent, t]) => ({
      agent,
      tasksHandled: t.h,
      ahtMs: t.hn === 0 ? null : Math.round(t.hs / t.hn),
      busyMs: t.busy,
      occupancy: Math.round((t.busy / length) * 10000) / 10000,
    }));
}
