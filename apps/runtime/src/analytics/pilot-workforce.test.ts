import { describe, expect, it } from 'vitest';
import type { CaseFactRow, TaskFactRow, TimelineRow } from '../store/store';
import type { MetricFacts } from './metric-facts';
import { pilotReport } from './pilot-report';
import { pilotWorkforce } from './pilot-workforce';
import { fact } from './test-facts';

const MIN = 60_000;
const task = (caseId: string, claimedAt: number | null, closedAt: number | null): TaskFactRow => ({
  caseId,
  id: `t-${caseId}`,
  status: closedAt === null ? 'claimed' : 'completed',
  tier: 'L1',
  group: 'desk',
  assignee: claimedAt === null ? null : 'ann',
  createdAt: 0,
  claimedAt,
  closedAt,
});
const entry = (caseId: string, type: string, data: Record<string, unknown>): TimelineRow => ({
  caseId,
  seq: 1,
  at: 0,
  type,
  actor: 'routing',
  nodeId: 'handle',
  data,
  public: false,
});

describe('pilotWorkforce', () => {
  it("splits routing's assignments, declines and the agent time of tasks by cohort", () => {
    const cases: CaseFactRow[] = [
      fact('p1', { cohort: 'pilot' }),
      fact('p2', { cohort: 'pilot' }),
      fact('c1', { cohort: 'control' }),
      fact('x1', { cohort: null }),
    ];
    const tasks = new Map([
      ['p1', [task('p1', 0, 10 * MIN)]],
      ['p2', [task('p2', null, null)]],
      ['c1', [task('c1', 0, 30 * MIN), { ...task('c1', 40 * MIN, null), id: 't-c1b' }]],
      ['x1', [task('x1', 0, 99 * MIN)]],
    ]);
    const entries = [
      entry('p1', 'task.assigned', { to: 'ann', waitedMs: 2 * MIN }),
      entry('p2', 'task.assigned', { to: 'ann', waitedMs: 4 * MIN }),
      entry('p2', 'task.declined', { from: 'ann', reason: 'busy' }),
      entry('c1', 'task.assigned', { to: 'bob', waitedMs: 9 * MIN }),
      entry('c1', 'task.offer-expired', { from: 'bob' }),
      entry('x1', 'task.assigned', { to: 'bob', waitedMs: 1 }),
    ];
    const w = pilotWorkforce(cases, tasks, entries, 50 * MIN);
    expect(w.pilot.figures).toEqual({
      assignments: 2,
      declines: 1,
      assignmentWaitMs: 2 * MIN,
      agentTimeMs: 10 * MIN,
      casesWorked: 1,
    });
    // c1's second task is still held at `now`: 30 + (50 − 40) minutes.
    expect(w.control.figures).toEqual({
      assignments: 1,
      declines: 1,
      assignmentWaitMs: 9 * MIN,
      agentTimeMs: 40 * MIN,
      casesWorked: 1,
    });
    expect(w.pilot.waits).toEqual([2 * MIN, 4 * MIN]);
    expect(w.control.agentTimes).toEqual([40 * MIN]);
  });

  it('adds the comparisons to the pilot report: shorter waits and agent time, fewer declines are better', () => {
    const cases: CaseFactRow[] = [];
    const tasks = new Map<string, TaskFactRow[]>();
    const entries: TimelineRow[] = [];
    for (let i = 0; i < 40; i++) {
      for (const [cohort, wait, held, declined] of [
        ['pilot', 1 * MIN + i, 5 * MIN + i, i < 2],
        ['control', 20 * MIN + i, 25 * MIN + i, i < 20],
      ] as const) {
        const id = `${cohort}-${i}`;
        cases.push(fact(id, { cohort }));
        tasks.set(id, [task(id, 0, held)]);
        entries.push(entry(id, 'task.assigned', { to: 'ann', waitedMs: wait }));
        if (declined) entries.push(entry(id, 'task.declined', { from: 'ann' }));
      }
    }
    const facts: MetricFacts = { cases, tasks, slas: new Map(), surveys: new Map() };
    const r = pilotReport(facts, () => undefined, undefined, pilotWorkforce(cases, tasks, entries, 0));
    const metric = (m: string) => r.comparison.find((c) => c.metric === m);
    expect(metric('assignmentWaitMs')).toMatchObject({ significant: true, better: 'pilot', pilotCount: 40 });
    expect(metric('agentTimeMs')).toMatchObject({ significant: true, better: 'pilot' });
    expect(metric('declineRate')).toMatchObject({ pilot: 2 / 40, control: 20 / 40, better: 'pilot' });
    expect(r.workforce?.control).toMatchObject({ assignments: 40, declines: 20, casesWorked: 40 });
    // Without routing or worked tasks the report has no workforce comparison.
    const none = pilotReport(
      { ...facts, tasks: new Map() },
      () => undefined,
      undefined,
      pilotWorkforce(cases, new Map(), [], 0),
    );
    expect(none.comparison.map((c) => c.metric)).not.toContain('assignmentWaitMs');
    expect(none.comparison.map((c) => c.metric)).not.toContain('agentTimeMs');
  });
});
