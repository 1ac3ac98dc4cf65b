import { describe, expect, it } from 'vitest';
import type { CaseSummary, SlaRow, SurveyRow, TaskRow, TimelineRow } from '../store/store';
import { avgP90, type CaseFacts, computeMetrics, dimensionOf, heatmap } from './case-metrics';

const H = 3_600_000;

function kase(id: string, extra: Partial<CaseSummary> = {}): CaseSummary {
  return {
    id,
    flow: 'f',
    version: 1,
    pilotId: null,
    cohort: null,
    customerId: 'c',
    channel: 'email',
    subject: '',
    priority: 'normal',
    status: 'open',
    activeNodes: [],
    variables: {},
    revision: 1,
    parentCaseId: null,
    parentNodeId: null,
    childId: null,
    createdBy: null,
    createdAt: 0,
    updatedAt: 0,
    closedAt: null,
    firstResponseAt: null,
    ...extra,
  };
}

const facts = (f: Partial<CaseFacts>): CaseFacts => ({
  cases: [],
  tasks: new Map(),
  slas: new Map(),
  surveys: new Map(),
  ...f,
});

describe('avgP90', () => {
  it('answers nulls for no values', () => {
    expect(avgP90([])).toEqual({ avg: null, p90: null });
  });
  it('uses the nearest-rank 90th percentile', () => {
    expect(avgP90([1, 2, 3, 4, 5, 6, 7, 8, 9, 100])).toEqual({ avg: 15, p90: 9 });
    expect(avgP90([5])).toEqual({ avg: 5, p90: 5 });
  });
});

describe('computeMetrics', () => {
  it('counts resolution, first-contact resolution, response and SLA compliance', () => {
    const cases = [
      kase('a', { status: 'resolved', closedAt: 2 * H, firstResponseAt: H / 2 }),
      kase('b', { status: 'resolved', closedAt: 4 * H }),
      kase('c', { status: 'open' }),
    ];
    const escalated = { caseId: 'b', status: 'escalated' } as TaskRow;
    const sla = (caseId: string, status: SlaRow['status']) => ({ caseId, status }) as SlaRow;
    const m = computeMetrics(
      cases,
      facts({
        tasks: new Map([['b', [escalated]]]),
        slas: new Map([
          ['a', [sla('a', 'met')]],
          ['b', [sla('b', 'breached'), sla('b', 'met')]],
        ]),
      }),
    );
    expect(m).toMatchObject({
      cases: 3,
      resolved: 2,
      fcr: 0.5,
      escalations: 1,
      slaMet: 2,
      breaches: 1,
      slaCompliance: 0.6667,
      resolutionMs: { avg: 3 * H, p90: 4 * H },
      firstResponseMs: { avg: H / 2, p90: H / 2 },
    });
  });

  it('scores surveys: CSAT and CES as means, NPS as promoters minus detractors', () => {
    const s = (kind: SurveyRow['kind'], score: number | null) => ({ caseId: 'a', kind, score }) as SurveyRow;
    const m = computeMetrics(
      [kase('a')],
      facts({
        surveys: new Map([
          [
            'a',
            [s('csat', 4), s('csat', 5), s('nps', 10), s('nps', 9), s('nps', 3), s('nps', 7), s('ces', null)],
          ],
        ]),
      }),
    );
    expect(m.csat).toBe(4.5);
    expect(m.nps).toBe(25);
    expect(m.ces).toBeNull();
    expect(m.surveys).toBe(6);
  });
});

describe('dimensionOf', () => {
  it('groups by the tier of the latest task', () => {
    const t = (tier: string, createdAt: number) => ({ caseId: 'a', tier, createdAt }) as TaskRow;
    const f = facts({ tasks: new Map([['a', [t('L1', 1), t('L2', 5)]]]) });
    expect(dimensionOf(kase('a'), 'tier', f)).toBe('L2');
    expect(dimensionOf(kase('x'), 'tier', f)).toBe('none');
    expect(dimensionOf(kase('a', { cohort: 'pilot' }), 'cohort', f)).toBe('pilot');
  });
});

describe('heatmap', () => {
  it('pairs node.entered with node.left per case and counts breaches', () => {
    const row = (caseId: string, type: string, nodeId: string, at: number) =>
      ({ caseId, type, nodeId, at, seq: 0, actor: null, data: {}, public: false }) as TimelineRow;
    const nodes = heatmap([
      row('a', 'node.entered', 'triage', 0),
      row('b', 'node.entered', 'triage', 10),
      row('a', 'node.left', 'triage', 100),
      row('b', 'sla.breached', 'triage', 50),
      row('b', 'node.left', 'triage', 310),
    ]);
    expect(nodes).toEqual([
      { nodeId: 'triage', entered: 2, completed: 2, avgMs: 200, p90Ms: 300, breaches: 1 },
    ]);
  });
});
