import type { BusinessCalendar } from '@caseflow/schema';
import { describe, expect, it } from 'vitest';
import { computeMetrics, isFirstContactResolution } from './case-metrics';
import type { MetricFacts } from './metric-facts';
import { fact, MON8, task } from './test-facts';

const H = 3_600_000;

const nineToFive: BusinessCalendar = {
  key: 'office',
  name: 'Office',
  timeZone: 'UTC',
  hours: [{ day: 'mon', start: '09:00', end: '17:00' }],
  holidays: [],
};

describe('computeMetrics', () => {
  const cases = [
    fact('a', {
      status: 'resolved',
      closedAt: MON8 + 4 * H,
      firstResponseAt: MON8 + 2 * H,
      responses: 1,
      messages: 3,
    }),
    fact('b', {
      status: 'resolved',
      closedAt: MON8 + 10 * H,
      firstResponseAt: MON8 + H,
      responses: 2,
      messages: 2,
    }),
    fact('c', { status: 'resolved', closedAt: MON8 + 2 * H }),
    fact('d', { status: 'open' }),
  ];
  const facts: MetricFacts = {
    cases,
    tasks: new Map([
      [
        'c',
        [
          task('c1', 'c', { status: 'escalated', tier: 'L1' }),
          task('c2', 'c', {
            status: 'completed',
            tier: 'L2',
            assignee: 'eve',
            claimedAt: MON8 + H,
            closedAt: MON8 + 2 * H,
          }),
        ],
      ],
      [
        'a',
        [task('a1', 'a', { status: 'completed', assignee: 'bo', claimedAt: MON8, closedAt: MON8 + 3 * H })],
      ],
      ['b', [task('b1', 'b', { status: 'completed', assignee: 'bo' })]],
    ]),
    slas: new Map([
      [
        'a',
        [
          { caseId: 'a', id: 'respond', status: 'met' },
          { caseId: 'a', id: 'resolve', status: 'met' },
        ],
      ],
      [
        'b',
        [
          { caseId: 'b', id: 'respond', status: 'breached' },
          { caseId: 'b', id: 'resolve', status: 'running' },
        ],
      ],
    ]),
    surveys: new Map([
      [
        'a',
        [
          { caseId: 'a', kind: 'csat', score: 5 },
          { caseId: 'a', kind: 'nps', score: 10 },
          { caseId: 'a', kind: 'ces', score: 2 },
        ],
      ],
      [
        'b',
        [
          { caseId: 'b', kind: 'csat', score: 3 },
          { caseId: 'b', kind: 'nps', score: 4 },
          { caseId: 'b', kind: 'ces', score: 5 },
        ],
      ],
      [
        'c',
        [
          { caseId: 'c', kind: 'csat', score: 4 },
          { caseId: 'c', kind: 'nps', score: 8 },
        ],
      ],
    ]),
  };
  const m = computeMetrics(cases, facts, () => nineToFive);

  it('counts volume, resolution and first-contact resolution (no escalation, ≤ 1 agent response)', () => {
    expect(m).toMatchObject({ cases: 4, resolved: 3, resolutionRate: 0.75, fcrCases: 1, fcr: 1 / 3 });
    expect(isFirstContactResolution(cases[0]!, [])).toBe(true);
    expect(isFirstContactResolution(cases[1]!, [])).toBe(false);
  });

  it('measures wall and business durations with avg, p50 and p90', () => {
    expect(m.resolutionMs).toEqual({ count: 3, avg: (16 * H) / 3, p50: 4 * H, p90: 10 * H });
    // 08:00 opens before 09:00: business time starts at 09:00 and stops at 17:00.
    expect(m.resolutionBusinessMs).toEqual({
      count: 3,
      avg: Math.round(((3 + 8 + 1) * H) / 3),
      p50: 3 * H,
      p90: 8 * H,
    });
    expect(m.firstResponseMs).toMatchObject({ count: 2, avg: 1.5 * H, p50: H, p90: 2 * H });
    expect(m.firstResponseBusinessMs).toMatchObject({ count: 2, avg: 0.5 * H, p50: 0, p90: H });
  });

  it('tallies SLA clocks per id, escalations per tier, handled tasks and claim-to-completion AHT', () => {
    expect(m).toMatchObject({ slaMet: 2, breaches: 1, slaCompliance: 2 / 3, escalations: 1 });
    expect(m.slas).toEqual({
      respond: { met: 1, breached: 1, compliance: 0.5 },
      resolve: { met: 1, breached: 0, compliance: 1 },
    });
    expect(m.escalationsByTier).toEqual({ L1: 1 });
    expect(m.tasksHandled).toBe(3);
    expect(m.ahtMs).toMatchObject({ count: 2, avg: 2 * H });
  });

  it('scores CSAT as % of 4–5, NPS as % promoters − % detractors, CES as a mean; counts messages', () => {
    expect(m).toMatchObject({ csat: 66.67, csatResponses: 3, csatSatisfied: 2 });
    expect(m).toMatchObject({ nps: 0, npsResponses: 3, ces: 3.5, cesResponses: 2, surveys: 8 });
    expect(m).toMatchObject({ messages: 5, responses: 3 });
  });

  it('answers nulls for an empty group', () => {
    const empty = computeMetrics([], facts, () => undefined);
    expect(empty).toMatchObject({
      cases: 0,
      resolutionRate: null,
      fcr: null,
      slaCompliance: null,
      csat: null,
      nps: null,
      ces: null,
      channelSwitches: 0,
      channelSwitchRate: null,
    });
  });

  it('counts a case as a channel switch when its customer wrote on more than one channel', () => {
    const mixed = [
      fact('e', { inboundChannels: 2 }),
      fact('f', { inboundChannels: 1 }),
      fact('g', { inboundChannels: 0 }),
      fact('h', { inboundChannels: 3 }),
    ];
    expect(computeMetrics(mixed, facts, () => undefined)).toMatchObject({
      channelSwitches: 2,
      channelSwitchRate: 0.5,
    });
  });
});
