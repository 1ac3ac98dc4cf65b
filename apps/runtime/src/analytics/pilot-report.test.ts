import { describe, expect, it } from 'vitest';
import type { CaseFactRow } from '../store/store';
import type { MetricFacts } from './metric-facts';
import { compareDurations, compareRate, MIN_CASES_PER_COHORT, pilotReport, recommend } from './pilot-report';
import { fact } from './test-facts';

describe('comparisons', () => {
  it('rates: two-proportion z-test, significant below p = 0.05, higher is better', () => {
    const c = compareRate('resolutionRate', 90, 100, 75, 100);
    expect(c).toMatchObject({ test: 'two-proportion z-test', pilot: 0.9, control: 0.75, pilotCount: 100 });
    expect(c.difference).toBeCloseTo(0.15, 10);
    expect(c.z).toBeCloseTo(2.79145, 4);
    expect(c.p).toBeCloseTo(0.005247, 5);
    expect(c).toMatchObject({ significant: true, better: 'pilot' });
    expect(compareRate('fcr', 25, 100, 35, 100)).toMatchObject({ significant: false, better: null });
  });
  it('durations: Mann-Whitney U on the samples, medians shown, shorter is better', () => {
    const c = compareDurations('resolutionMs', [1, 2, 3, 4, 5, 6, 7, 8], [9, 10, 11, 12, 13, 14, 15, 16]);
    expect(c).toMatchObject({
      test: 'Mann-Whitney U (normal approximation)',
      statistic: 0,
      pilot: 4,
      control: 12,
    });
    expect(c.p).toBeCloseTo(0.000778, 5);
    expect(c).toMatchObject({ significant: true, better: 'pilot', difference: -8 });
  });
});

describe('recommend', () => {
  const better = compareRate('resolutionRate', 90, 100, 75, 100);
  const worse = compareRate('csat', 70, 100, 90, 100);
  const noise = compareRate('fcr', 25, 100, 35, 100);
  it('keeps running until each cohort has enough cases', () => {
    expect(recommend(MIN_CASES_PER_COHORT - 1, 100, [better])).toEqual({
      action: 'keep running',
      reason: `not enough cases yet: ${MIN_CASES_PER_COHORT - 1} pilot and 100 control, ${MIN_CASES_PER_COHORT} needed in each`,
    });
  });
  it('stops when anything is significantly worse, promotes when better and nothing worse', () => {
    expect(recommend(100, 100, [better, worse])).toMatchObject({ action: 'stop' });
    expect(recommend(100, 100, [better, worse]).reason).toContain('csat (p = ');
    expect(recommend(100, 100, [better, noise])).toMatchObject({ action: 'promote' });
    expect(recommend(100, 100, [noise])).toMatchObject({ action: 'keep running' });
  });
});

describe('pilotReport', () => {
  it('splits the cases by cohort and compares them', () => {
    const cases: CaseFactRow[] = [];
    for (let i = 0; i < 40; i++) {
      cases.push(fact(`p${i}`, { cohort: 'pilot', status: 'resolved', closedAt: 1000 + i }));
      cases.push(
        fact(`c${i}`, {
          cohort: 'control',
          status: i < 20 ? 'resolved' : 'open',
          closedAt: i < 20 ? 5000 + i : null,
        }),
      );
    }
    const facts: MetricFacts = { cases, tasks: new Map(), slas: new Map(), surveys: new Map() };
    const r = pilotReport(facts, () => undefined);
    expect(r.cohorts.pilot).toMatchObject({ cases: 40, resolved: 40 });
    expect(r.cohorts.control).toMatchObject({ cases: 40, resolved: 20 });
    const rate = r.comparison.find((c) => c.metric === 'resolutionRate');
    expect(rate).toMatchObject({ significant: true, better: 'pilot' });
    expect(r.comparison.find((c) => c.metric === 'resolutionMs')).toMatchObject({
      significant: true,
      better: 'pilot',
    });
    expect(r.comparison.find((c) => c.metric === 'csat')).toMatchObject({ p: null, significant: false });
    expect(r.recommendation.action).toBe('promote');
  });
});
