import type { CaseMetrics } from './case-metrics';

/** One metric compared between the pilot and the control cohort. */
export interface Comparison {
  metric: 'resolutionRate' | 'slaCompliance' | 'fcr';
  pilot: number | null;
  control: number | null;
  difference: number | null;
  /** Two-proportion z statistic; null when a side has no observations. */
  z: number | null;
  /** |z| ≥ 1.96: the difference is larger than noise for these counts (95 %). */
  significant: boolean;
}

/** Two-proportion z-test of x1/n1 against x2/n2. Pure; null when a sample is empty or pooled p is 0 or 1. */
export function twoProportionZ(x1: number, n1: number, x2: number, n2: number): number | null {
  if (n1 === 0 || n2 === 0) return null;
  const p = (x1 + x2) / (n1 + n2);
  const se = Math.sqrt(p * (1 - p) * (1 / n1 + 1 / n2));
  if (se === 0) return null;
  return Math.round(((x1 / n1 - x2 / n2) / se) * 1000) / 1000;
}

function compare(metric: Comparison['metric'], x1: number, n1: number, x2: number, n2: number): Comparison {
  const pilot = n1 === 0 ? null : x1 / n1;
  const control = n2 === 0 ? null : x2 / n2;
  const z = twoProportionZ(x1, n1, x2, n2);
  return {
    metric,
    pilot,
    control,
    difference: pilot === null || control === null ? null : Math.round((pilot - control) * 10000) / 10000,
    z,
    significant: z !== null && Math.abs(z) >= 1.96,
  };
}

/** Compares the proportion metrics of two cohorts, each with its counts. Pure. */
export function compareCohorts(pilot: CaseMetrics, control: CaseMetrics): Comparison[] {
  return [
    compare('resolutionRate', pilot.resolved, pilot.cases, control.resolved, control.cases),
    compare(
      'slaCompliance',
      pilot.slaMet,
      pilot.slaMet + pilot.breaches,
      control.slaMet,
      control.slaMet + control.breaches,
    ),
    compare(
      'fcr',
      Math.round((pilot.fcr ?? 0) * pilot.resolved),
      pilot.resolved,
      Math.round((control.fcr ?? 0) * control.resolved),
      control.resolved,
    ),
  ];
}
