import { elapsedMs } from '@caseflow/engine';
import type { CaseMetrics, SlaTally } from '@caseflow/schema';
import type { CaseFactRow, TaskFactRow } from '../store/store';
import type { CalendarOf, MetricFacts } from './metric-facts';
import { spread } from './stats';

const ratio = (n: number, d: number) => (d === 0 ? null : n / d);
const round2 = (x: number | null) => (x === null ? null : Math.round(x * 100) / 100);

/** Whether a case counts as resolved on first contact. */
export function isFirstContactResolution(c: CaseFactRow, tasks: readonly TaskFactRow[]): boolean {
  return c.status === 'resolved' && c.responses <= 1 && !tasks.some((t) => t.status === 'escalated');
}

/** Per-case durations (ms) the metrics summarise; the pilot report tests them. Pure. */
export function caseDurations(cases: readonly CaseFactRow[], calendarOf: CalendarOf) {
  const out = {
    firstResponseMs: [] as number[],
    firstResponseBusinessMs: [] as number[],
    resolutionMs: [] as number[],
    resolutionBusinessMs: [] as number[],
  };
  for (const c of cases) {
    const calendar = calendarOf(c);
    if (c.status === 'resolved' && c.closedAt !== null) {
      out.resolutionMs.push(c.closedAt - c.createdAt);
      out.resolutionBusinessMs.push(elapsedMs(calendar, c.createdAt, c.closedAt));
    }
    if (c.firstResponseAt !== null) {
      out.firstResponseMs.push(c.firstResponseAt - c.createdAt);
      out.firstResponseBusinessMs.push(elapsedMs(calendar, c.createdAt, c.firstResponseAt));
    }
  }
  return out;
}

/** Computes the metrics of `cases` from their facts; durations in business time use `calendarOf`. Pure. */
export function computeMetrics(
  cases: readonly CaseFactRow[],
  facts: MetricFacts,
  calendarOf: CalendarOf,
): CaseMetrics {
  let resolved = 0;
  let fcrCases = 0;
  let messages = 0;
  let responses = 0;
  let escalations = 0;
  let tasksHandled = 0;
  let channelSwitches = 0;
  const escalationsByTier: Record<string, number> = {};
  const slas: Record<string, SlaTally> = {};
  const durations = caseDurations(cases, calendarOf);
  const handling: number[] = [];
  const scores = { csat: [] as number[], nps: [] as number[], ces: [] as number[] };

  for (const c of cases) {
    const tasks = facts.tasks.get(c.id) ?? [];
    messages += c.messages;
    responses += c.responses;
    if (c.inboundChannels > 1) channelSwitches++;
    if (c.status === 'resolved') {
      resolved++;
      if (isFirstContactResolution(c, tasks)) fcrCases++;
    }
    for (const t of tasks) {
      if (t.status === 'escalated') {
        escalations++;
        const tier = t.tier ?? 'none';
        escalationsByTier[tier] = (escalationsByTier[tier] ?? 0) + 1;
      }
      if (t.status === 'completed' && t.assignee !== null) {
        tasksHandled++;
        if (t.claimedAt !== null && t.closedAt !== null) handling.push(t.closedAt - t.claimedAt);
      }
    }
    for (const s of facts.slas.get(c.id) ?? []) {
      if (s.status !== 'met' && s.status !== 'breached') continue;
      const tally = slas[s.id] ?? { met: 0, breached: 0, compliance: null };
      if (s.status === 'met') tally.met++;
      else tally.breached++;
      slas[s.id] = tally;
    }
    for (const s of facts.surveys.get(c.id) ?? []) scores[s.kind].push(s.score);
  }

  let slaMet = 0;
  let breaches = 0;
  for (const tally of Object.values(slas)) {
    tally.compliance = ratio(tally.met, tally.met + tally.breached);
    slaMet += tally.met;
    breaches += tally.breached;
  }
  const share = (xs: number[], keep: (x: number) => boolean) =>
    xs.length === 0 ? null : (xs.filter(keep).length / xs.length) * 100;
  const promoters = share(scores.nps, (s) => s >= 9);
  const detractors = share(scores.nps, (s) => s <= 6);
  return {
    cases: cases.length,
    resolved,
    resolutionRate: ratio(resolved, cases.length),
    fcrCases,
    fcr: ratio(fcrCases, resolved),
    firstResponseMs: spread(durations.firstResponseMs),
    firstResponseBusinessMs: spread(durations.firstResponseBusinessMs),
    resolutionMs: spread(durations.resolutionMs),
    resolutionBusinessMs: spread(durations.resolutionBusinessMs),
    slaCompliance: ratio(slaMet, slaMet + breaches),
    slaMet,
    breaches,
    slas,
    escalations,
    escalationsByTier,
    tasksHandled,
    ahtMs: spread(handling),
    csat: round2(share(scores.csat, (s) => s >= 4)),
    csatResponses: scores.csat.length,
    csatSatisfied: scores.csat.filter((s) => s >= 4).length,
    nps: promoters === null || detractors === null ? null : round2(promoters - detractors),
    npsResponses: scores.nps.length,
    ces: round2(
      ratio(
        scores.ces.reduce((a, b) => a + b, 0),
        scores.ces.length,
      ),
    ),
    cesResponses: scores.ces.length,
    surveys: scores.csat.length + scores.nps.length + scores.ces.length,
    messages,
    responses,
    channelSwitches,
    channelSwitchRate: ratio(channelSwitches, cases.length),
  };
}
