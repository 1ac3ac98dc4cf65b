import type {
  Comparison,
  DurationMetric,
  PilotFindings,
  RateMetric,
  Recommendation,
  TestResult,
} from '@caseflow/schema';
import type { CaseFactRow } from '../store/store';
import { caseDurations, computeMetrics } from './case-metrics';
import type { CalendarOf, MetricFacts } from './metric-facts';
import type { PilotKb } from './pilot-kb';
import type { CohortWorkforce } from './pilot-workforce';
import { mannWhitneyU, twoProportionTest } from './stats';

/** Significance level of every comparison. */
export const ALPHA = 0.05;
/** Cases each cohort needs before the report recommends promoting or stopping. */
export const MIN_CASES_PER_COHORT = 30;

function judged(
  metric: Comparison['metric'],
  t: TestResult,
  higherIsBetter: boolean,
): Pick<Comparison, 'metric' | 'significant' | 'better'> & TestResult {
  const significant = t.p !== null && t.p < ALPHA;
  const pilotHigher = (t.z ?? 0) > 0;
  return {
    metric,
    ...t,
    significant,
    better: significant ? (pilotHigher === higherIsBetter ? 'pilot' : 'control') : null,
  };
}

/**
 * Compares x1/n1 (pilot) with x2/n2 (control) by the two-proportion z-test; higher is better
 * unless `higherIsBetter` is false (declines). Pure.
 */
export function compareRate(
  metric: RateMetric,
  x1: number,
  n1: number,
  x2: number,
  n2: number,
  higherIsBetter = true,
): Comparison {
  const pilot = n1 === 0 ? null : x1 / n1;
  const control = n2 === 0 ? null : x2 / n2;
  return {
    ...judged(metric, twoProportionTest(x1, n1, x2, n2), higherIsBetter),
    pilot,
    control,
    pilotCount: n1,
    controlCount: n2,
    difference: pilot === null || control === null ? null : pilot - control,
  };
}

function median(xs: number[]): number | null {
  if (xs.length === 0) return null;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.ceil(s.length / 2) - 1] ?? null;
}

/** Compares two duration samples by Mann-Whitney U (medians shown); shorter is better. Pure. */
export function compareDurations(metric: DurationMetric, pilot: number[], control: number[]): Comparison {
  const mp = median(pilot);
  const mc = median(control);
  return {
    ...judged(metric, mannWhitneyU(pilot, control), false),
    pilot: mp,
    control: mc,
    pilotCount: pilot.length,
    controlCount: control.length,
    difference: mp === null || mc === null ? null : mp - mc,
  };
}

/**
 * The recommendation: keep running while either cohort has fewer than MIN_CASES_PER_COHORT
 * cases; stop when any metric is significantly worse in the pilot; promote when some metric is
 * significantly better and none worse; otherwise keep running (no difference beyond noise yet). Pure.
 */
export function recommend(
  pilotCases: number,
  controlCases: number,
  comparison: Comparison[],
): Recommendation {
  if (pilotCases < MIN_CASES_PER_COHORT || controlCases < MIN_CASES_PER_COHORT) {
    return {
      action: 'keep running',
      reason: `not enough cases yet: ${pilotCases} pilot and ${controlCases} control, ${MIN_CASES_PER_COHORT} needed in each`,
    };
  }
  const list = (cs: Comparison[]) => cs.map((c) => `${c.metric} (p = ${c.p?.toFixed(4)})`).join(', ');
  const worse = comparison.filter((c) => c.better === 'control');
  if (worse.length > 0) return { action: 'stop', reason: `significantly worse in the pilot: ${list(worse)}` };
  const better = comparison.filter((c) => c.better === 'pilot');
  if (better.length > 0)
    return { action: 'promote', reason: `significantly better in the pilot: ${list(better)}` };
  return { action: 'keep running', reason: `no significant difference at α = ${ALPHA} yet` };
}

/**
 * Builds the report of a pilot's cases (cohort pilot vs control) from their facts, with the
 * knowledge base's figures of each cohort when given, and the workforce's (pilot-workforce.ts):
 * agent time per case whenever tasks were worked, routing's waits and declines whenever it
 * assigned any of the cohorts' tasks. Pure.
 */
export function pilotReport(
  facts: MetricFacts,
  calendarOf: CalendarOf,
  kb?: PilotKb,
  workforce?: Record<'pilot' | 'control', CohortWorkforce>,
): PilotFindings {
  const pilotCases: CaseFactRow[] = facts.cases.filter((c) => c.cohort === 'pilot');
  const controlCases: CaseFactRow[] = facts.cases.filter((c) => c.cohort === 'control');
  const p = computeMetrics(pilotCases, facts, calendarOf);
  const c = computeMetrics(controlCases, facts, calendarOf);
  const dp = caseDurations(pilotCases, calendarOf);
  const dc = caseDurations(controlCases, calendarOf);
  const comparison = [
    compareRate('resolutionRate', p.resolved, p.cases, c.resolved, c.cases),
    compareRate('fcr', p.fcrCases, p.resolved, c.fcrCases, c.resolved),
    compareRate('slaCompliance', p.slaMet, p.slaMet + p.breaches, c.slaMet, c.slaMet + c.breaches),
    compareRate('csat', p.csatSatisfied, p.csatResponses, c.csatSatisfied, c.csatResponses),
    compareDurations('firstResponseMs', dp.firstResponseMs, dc.firstResponseMs),
    compareDurations('resolutionMs', dp.resolutionMs, dc.resolutionMs),
    compareDurations('firstResponseBusinessMs', dp.firstResponseBusinessMs, dc.firstResponseBusinessMs),
    compareDurations('resolutionBusinessMs', dp.resolutionBusinessMs, dc.resolutionBusinessMs),
  ];
  if (kb) {
    const [kp, kc] = [kb.pilot, kb.control];
    comparison.push(
      compareRate(
        'helpfulRate',
        kp.helpful,
        kp.helpful + kp.notHelpful,
        kc.helpful,
        kc.helpful + kc.notHelpful,
      ),
      compareRate(
        'deflectionRate',
        kp.deflected,
        kp.deflected + kp.requests,
        kc.deflected,
        kc.deflected + kc.requests,
      ),
    );
  }
  if (workforce) {
    const [wp, wc] = [workforce.pilot, workforce.control];
    if (wp.figures.assignments + wc.figures.assignments > 0) {
      comparison.push(
        compareDurations('assignmentWaitMs', wp.waits, wc.waits),
        compareRate(
          'declineRate',
          wp.figures.declines,
          wp.figures.assignments,
          wc.figures.declines,
          wc.figures.assignments,
          false,
        ),
      );
    }
    if (wp.agentTimes.length + wc.agentTimes.length > 0) {
      comparison.push(compareDurations('agentTimeMs', wp.agentTimes, wc.agentTimes));
    }
  }
  return {
    cohorts: { pilot: p, control: c },
    ...(kb ? { kb } : {}),
    ...(workforce
      ? { workforce: { pilot: workforce.pilot.figures, control: workforce.control.figures } }
      : {}),
    comparison,
    recommendation: recommend(p.cases, c.cases, comparison),
    alpha: ALPHA,
    minCasesPerCohort: MIN_CASES_PER_COHORT,
  };
}
