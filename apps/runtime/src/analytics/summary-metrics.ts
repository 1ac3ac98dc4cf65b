import type { AgentMetrics, CaseMetrics, SlaTally, Spread } from '@caseflow/schema';
import type { AnalyticsSummary, GroupKey, SummaryDuration } from '../store/analytics-summary';

/*
 * CaseMetrics and AgentMetrics out of Store.analytics.summary: the same figures the fact path
 * (computeMetrics, agentMetrics) reduces from rows, here from the database's counts, sums and
 * nearest-rank picks. Only valid when every case is measured round the clock (business time
 * equals wall time); the caller checks that.
 */

const ratio = (n: number, d: number) => (d === 0 ? null : n / d);
const round2 = (x: number | null) => (x === null ? null : Math.round(x * 100) / 100);
const rankOf = (q: number, n: number) => Math.max(1, Math.ceil(q * n));

/** The Spread of a summarised distribution (stats.spread of the same values); empty when absent. */
export function summarySpread(d: SummaryDuration | undefined): Spread {
  if (d === undefined || d.count === 0) return { count: 0, avg: null, p50: null, p90: null };
  const at = (q: number) => {
    const rank = rankOf(q, d.count);
    const pick = d.picks.find((p) => p.rank === rank);
    if (pick === undefined) throw new Error(`summary lacks the value at rank ${rank} of ${d.count}`);
    return pick.value;
  };
  return { count: d.count, avg: Math.round(d.sum / d.count), p50: at(0.5), p90: at(0.9) };
}

/**
 * Whether business time may be read as wall time: elapsedMs counts a negative span as 0, so a
 * case closed "before" it opened would differ.
 */
export function summaryDurationsNonNegative(s: AnalyticsSummary): boolean {
  return s.durations.every((d) => d.kind === 'a' || d.min >= 0);
}

/** The CaseMetrics of the group `key` of `s` (all zeros for a group the summary lacks). Pure. */
export function summaryMetrics(s: AnalyticsSummary, key: GroupKey): CaseMetrics {
  const id = JSON.stringify(key);
  const mine = <T extends { key: GroupKey }>(rows: T[]) => rows.filter((r) => JSON.stringify(r.key) === id);
  const head = mine(s.cases)[0];
  const cases = head?.cases ?? 0;
  const resolved = head?.resolved ?? 0;
  const fcrCases = head?.fcrCases ?? 0;
  const durations = mine(s.durations);
  const duration = (kind: SummaryDuration['kind']) => summarySpread(durations.find((d) => d.kind === kind));
  const slas: Record<string, SlaTally> = {};
  let slaMet = 0;
  let breaches = 0;
  for (const r of mine(s.slas).sort((a, b) => a.id.localeCompare(b.id))) {
    slas[r.id] = { met: r.met, breached: r.breached, compliance: ratio(r.met, r.met + r.breached) };
    slaMet += r.met;
    breaches += r.breached;
  }
  const escalationsByTier: Record<string, number> = {};
  let escalations = 0;
  for (const r of mine(s.escalations)) {
    escalationsByTier[r.tier] = r.count;
    escalations += r.count;
  }
  const survey = (kind: 'csat' | 'nps' | 'ces') => mine(s.surveys).find((r) => r.kind === kind);
  const share = (n: number, of: number) => (of === 0 ? null : (n / of) * 100);
  const csat = survey('csat');
  const nps = survey('nps');
  const ces = survey('ces');
  const promoters = share(nps?.promoters ?? 0, nps?.count ?? 0);
  const detractors = share(nps?.detractors ?? 0, nps?.count ?? 0);
  const messages = mine(s.messages)[0];
  const resolution = duration('r');
  const firstResponse = duration('f');
  return {
    cases,
    resolved,
    resolutionRate: ratio(resolved, cases),
    fcrCases,
    fcr: ratio(fcrCases, resolved),
    firstResponseMs: firstResponse,
    firstResponseBusinessMs: { ...firstResponse },
    resolutionMs: resolution,
    resolutionBusinessMs: { ...resolution },
    slaCompliance: ratio(slaMet, slaMet + breaches),
    slaMet,
    breaches,
    slas,
    escalations,
    escalationsByTier,
    tasksHandled: mine(s.handled)[0]?.count ?? 0,
    ahtMs: duration('a'),
    csat: round2(share(csat?.satisfied ?? 0, csat?.count ?? 0)),
    csatResponses: csat?.count ?? 0,
    csatSatisfied: csat?.satisfied ?? 0,
    nps: promoters === null || detractors === null ? null : round2(promoters - detractors),
    npsResponses: nps?.count ?? 0,
    ces: round2(ratio(ces?.sum ?? 0, ces?.count ?? 0)),
    cesResponses: ces?.count ?? 0,
    surveys: (csat?.count ?? 0) + (nps?.count ?? 0) + (ces?.count ?? 0),
    messages: messages?.messages ?? 0,
    responses: messages?.responses ?? 0,
  };
}

/** The groups of `s` in order of their first case, each as its key values by dimension name. */
export function summaryGroups(
  s: AnalyticsSummary,
  by: readonly string[],
): Array<{ key: GroupKey; named: Record<string, string> }> {
  return [...s.cases]
    .sort((a, b) => a.order - b.order)
    .map((c) => ({ key: c.key, named: Object.fromEntries(by.map((dim, i) => [dim, c.key[i] ?? 'none'])) }));
}

/** AgentMetrics (agentMetrics' answer) from the summary's per-agent sums, sorted by name. Pure. */
export function summaryAgents(s: AnalyticsSummary): AgentMetrics[] {
  const length = s.period.to - s.period.from;
  return [...s.agents]
    .sort((x, y) => x.agent.localeCompare(y.agent))
    .map((a) => ({
      agent: a.agent,
      tasksHandled: a.handled,
      ahtMs: a.handlingCount === 0 ? null : Math.round(a.handlingSum / a.handlingCount),
      busyMs: a.busyMs,
      occupancy: length > 0 ? Math.round((a.busyMs / length) * 10000) / 10000 : null,
    }));
}
