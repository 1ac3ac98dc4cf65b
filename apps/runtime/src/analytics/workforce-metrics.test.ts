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
          ['cid', 'office'],
        ]),
        entries: [
          entry('task.assigned', MON + 10 * H, { to: 'ana', group: 'desk', waitedMs: 1000 }),
          entry('task.assigned', MON + 11 * H, { to: 'bob', group: 'desk', waitedMs: 3000 }),
          entry('task.declined', MON + 12 * H, { from: 'bob', group: 'desk' }),
          entry('task.offer-expired', MON + 12 * H, { from: 'ana', group: 'desk' }),
          entry('task.overflowed', MON + 14 * H, { from: 'desk', group: 'l2' }),
          entry('task.assigned', MON + 30 * H, { to: 'ana', group: 'desk', waitedMs: 9 }),
        ],
        // cid is a member who never came online: no online time, but his working day counts.
        members: new Map([
          ['desk', ['ana', 'bob', 'cid']],
          ['l2', []],
        ]),
        // bob held work 5 h of his 15 h online; ana 20 h, more than her 13 h online.
        busy: new Map([
          ['ana', 20 * H],
          ['bob', 5 * H],
        ]),
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
      {
        group: 'desk',
        members: 3,
        onlineMs: 28 * H,
        // ana's 4 h online of her 8 h day, cid's 0 of his 8 h; bob has no hours.
        adherence: 0.25,
        // ana counts at most her 13 h online: (13 h + 5 h) / 28 h.
        occupancy: 0.6429,
        assignments: 2,
        assignmentWaitMs: 2000,
        declines: 2,
        overflows: 1,
      },
      {
        group: 'l2',
        members: 0,
        onlineMs: 0,
        adherence: null,
        occupancy: null,
        assignments: 0,
        assignmentWaitMs: null,
        declines: 0,
        overflows: 0,
      },
    ]);
  });
});
