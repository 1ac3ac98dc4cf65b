import type { BusinessCalendar } from '@caseflow/schema';
import { describe, expect, it } from 'vitest';
import type { TimelineRow } from '../store/store';
import { workforceMetrics } from './workforce-metrics';

const H = 3_600_000;
const MON = Date.parse('2026-01-05T00:00:00Z');
/** Weekdays 09:00–17:00 UTC. */
const office: BusinessCalendar = {
  key: 'office',
  name: 'Office',
  timeZone: 'UTC',
  hours: ['mon', 'tue', 'wed', 'thu', 'fri'].map((day) => ({
    day,
    start: '09:00',
    end: '17:00',
  })) as BusinessCalendar['hours'],
  holidays: [],
};
const entry = (type: string, at: number, data: Record<string, unknown>): TimelineRow => ({
  caseId: 'c1',
  seq: 1,
  at,
  type,
  actor: 'routing',
  nodeId: null,
  data,
  public: false,
});

describe('workforce metrics', () => {
  it('measures adherence as online working time over scheduled working time, with waits and declines', () => {
    const period = { from: MON, to: MON + 24 * H };
    const result = workforceMetrics(
      {
        presence: [
          // Online since the weekend: counts from the start of the period, until 13:00.
          { username: 'ana', at: MON - 10 * H, status: 'online', by: 'ana' },
          { username: 'ana', at: MON + 13 * H, status: 'away', by: 'ana' },
          { username: 'bob', at: MON + 9 * H, status: 'online', by: 'bob' },
        ],
        calendars: new Map([
          ['ana', 'office'],
          ['bob', null],
        ]),
        entries: [
          entry('task.assigned', MON + 10 * H, { to: 'ana', group: 'desk', waitedMs: 1000 }),
          entry('task.assigned', MON + 11 * H, { to: 'bob', group: 'desk', waitedMs: 3000 }),
          entry('task.declined', MON + 12 * H, { from: 'bob', group: 'desk' }),
          entry('task.offer-expired', MON + 12 * H, { from: 'ana', group: 'desk' }),
          entry('task.overflowed', MON + 14 * H, { from: 'desk', group: 'l2' }),
          entry('task.assigned', MON + 30 * H, { to: 'ana', group: 'desk', waitedMs: 9 }),
        ],
      },
      { office },
      period,
    );
    expect(result.agents).toEqual([
      {
        agent: 'ana',
        onlineMs: 13 * H,
        scheduledMs: 8 * H,
        // 09:00–13:00 of 09:00–17:00.
        adherence: 0.5,
        assignments: 1,
        assignmentWaitMs: 1000,
        declines: 1,
      },
      {
        agent: 'bob',
        onlineMs: 15 * H,
        scheduledMs: null,
        adherence: null,
        assignments: 1,
        assignmentWaitMs: 3000,
        declines: 1,
      },
    ]);
    expect(result.groups).toEqual([
      { group: 'desk', assignments: 2, assignmentWaitMs: 2000, declines: 2, overflows: 1 },
    ]);
  });
});
