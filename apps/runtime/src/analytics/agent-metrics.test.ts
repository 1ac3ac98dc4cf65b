import { describe, expect, it } from 'vitest';
import { agentMetrics, unionLength } from './agent-metrics';
import { task } from './test-facts';

describe('unionLength', () => {
  it('counts overlapping spans once and ignores empty ones', () => {
    expect(
      unionLength([
        [0, 10],
        [5, 15],
        [20, 25],
        [30, 30],
        [22, 23],
      ]),
    ).toBe(20);
    expect(unionLength([])).toBe(0);
  });
});

describe('agentMetrics', () => {
  const T = Date.parse('2026-01-05T08:00:00Z');
  it('answers tasks handled, claim-to-completion AHT and occupancy over the period', () => {
    const rows = [
      task('1', 'a', { assignee: 'bo', status: 'completed', claimedAt: T + 10, closedAt: T + 30 }),
      task('2', 'b', { assignee: 'bo', status: 'completed', claimedAt: T + 20, closedAt: T + 60 }),
      // Still claimed: busy until the end of the period.
      task('3', 'c', { assignee: 'eve', status: 'claimed', claimedAt: T + 90 }),
      // Completed without a claim: handled, but no handling time and no occupancy.
      task('4', 'd', { assignee: 'eve', status: 'completed', closedAt: T + 50 }),
      task('5', 'e', { status: 'open' }),
    ];
    expect(agentMetrics(rows, { from: T, to: T + 100 })).toEqual([
      { agent: 'bo', tasksHandled: 2, ahtMs: 30, busyMs: 50, occupancy: 0.5 },
      { agent: 'eve', tasksHandled: 1, ahtMs: null, busyMs: 10, occupancy: 0.1 },
    ]);
  });
  it('clips spans to the period', () => {
    const rows = [
      task('1', 'a', { assignee: 'bo', status: 'completed', claimedAt: T - 50, closedAt: T + 25 }),
    ];
    expect(agentMetrics(rows, { from: T, to: T + 100 })[0]).toMatchObject({
      ahtMs: 75,
      busyMs: 25,
      occupancy: 0.25,
    });
  });
});
