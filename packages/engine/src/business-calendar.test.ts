import { BusinessCalendar, type Weekday } from '@caseflow/schema';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import exampleCalendar from '../../../examples/calendars/business.json';
import {
  addBusinessMs,
  dueAt,
  elapsedMs,
  elapsedOver,
  isWorkingTime,
  nextOpening,
} from './business-calendar';
import { durationMs } from './duration';

const at = (iso: string) => Date.parse(iso);
const H = 3_600_000;
const WEEKDAYS: Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];

function calendar(
  timeZone: string,
  hours: [day: Weekday | 'weekdays' | 'all', start: string, end: string][],
  holidays: string[] = [],
): BusinessCalendar {
  return BusinessCalendar.parse({
    key: 'test',
    name: 'Test',
    timeZone,
    hours: hours.flatMap(([day, start, end]) => {
      const days = day === 'weekdays' ? WEEKDAYS.slice(0, 5) : day === 'all' ? WEEKDAYS : [day];
      return days.map((d) => ({ day: d, start, end }));
    }),
    holidays: holidays.map((date) => ({ date })),
  });
}

const business = BusinessCalendar.parse(exampleCalendar);
const split = calendar('Europe/Berlin', [
  ['weekdays', '08:00', '12:00'],
  ['weekdays', '13:00', '17:00'],
]);
const berlinAllDay = calendar('Europe/Berlin', [['all', '00:00', '24:00']]);
const newYork = calendar('America/New_York', [['weekdays', '09:00', '17:00']]);

describe('dueAt', () => {
  it('is due at closing time when the target fills the working day exactly', () => {
    expect(dueAt(business, at('2026-01-05T09:00:00+01:00'), 'PT8H')).toBe(at('2026-01-05T17:00:00+01:00'));
  });

  it('carries the rest over the weekend: PT8H from Friday 13:00 is due Monday 13:00', () => {
    expect(dueAt(business, at('2026-01-09T13:00:00+01:00'), 'PT8H')).toBe(at('2026-01-12T13:00:00+01:00'));
  });

  it('starts counting at the next opening when started outside working hours', () => {
    expect(dueAt(business, at('2026-01-10T20:00:00+01:00'), 'PT1H')).toBe(at('2026-01-12T10:00:00+01:00'));
    expect(dueAt(business, at('2026-01-13T07:00:00+01:00'), 'PT30M')).toBe(at('2026-01-13T09:30:00+01:00'));
    expect(dueAt(business, at('2026-01-13T17:00:00+01:00'), 'PT30M')).toBe(at('2026-01-14T09:30:00+01:00'));
  });

  it('skips holidays: Good Friday and Easter Monday 2026', () => {
    expect(dueAt(business, at('2026-04-02T16:00:00+02:00'), 'PT2H')).toBe(at('2026-04-07T10:00:00+02:00'));
  });

  it('treats P5D as 5 × 24 hours of business time (15 working days of 8 hours)', () => {
    expect(dueAt(business, at('2026-01-05T09:00:00+01:00'), 'P5D')).toBe(at('2026-01-23T17:00:00+01:00'));
  });

  it('spans Christmas: P1D from Wednesday 23 December is due Monday 28 December', () => {
    expect(dueAt(business, at('2026-12-23T09:00:00+01:00'), 'P1D')).toBe(at('2026-12-28T17:00:00+01:00'));
  });

  it('returns the start for a zero target', () => {
    const start = at('2026-01-10T20:00:00+01:00');
    expect(dueAt(business, start, 'PT0S')).toBe(start);
  });

  it('jumps the lunch break of split shifts', () => {
    expect(dueAt(split, at('2026-01-05T11:30:00+01:00'), 'PT1H')).toBe(at('2026-01-05T13:30:00+01:00'));
  });

  it('runs a night shift past midnight into the next day', () => {
    const night = calendar('Europe/Berlin', [['fri', '22:00', '06:00']]);
    expect(dueAt(night, at('2026-01-09T22:00:00+01:00'), 'PT8H')).toBe(at('2026-01-10T06:00:00+01:00'));
    expect(dueAt(night, at('2026-01-10T05:00:00+01:00'), 'PT2H')).toBe(at('2026-01-16T23:00:00+01:00'));
  });

  it('counts every millisecond without a calendar or with key 24x7', () => {
    const start = at('2026-01-10T20:00:00Z');
    expect(dueAt(undefined, start, 'PT90M')).toBe(start + 1.5 * H);
    expect(dueAt({ ...business, key: '24x7' }, start, 'P2D')).toBe(start + 48 * H);
  });

  it('refuses a target in months', () => {
    expect(() => dueAt(business, 0, 'P1M')).toThrow('no fixed length');
  });
});

describe('addBusinessMs', () => {
  it('places a warning at 80 % of an 8-hour target', () => {
    const start = at('2026-01-09T13:00:00+01:00');
    expect(addBusinessMs(business, start, 0.8 * 8 * H)).toBe(at('2026-01-12T11:24:00+01:00'));
  });

  it('computes the new due instant of a clock resumed after a pause', () => {
    // 3 h of an 8 h target ran before the pause; resumed Tuesday 16:00, 5 h remain.
    expect(addBusinessMs(business, at('2026-01-13T16:00:00+01:00'), 8 * H - 3 * H)).toBe(
      at('2026-01-14T13:00:00+01:00'),
    );
  });

  it('is due at the start for a target of zero or less, and refuses a non-finite target', () => {
    expect(addBusinessMs(business, 5, 0)).toBe(5);
    expect(addBusinessMs(business, 5, -H)).toBe(5);
    expect(() => addBusinessMs(business, 5, Number.POSITIVE_INFINITY)).toThrow('must be finite');
  });
});

describe('daylight saving time', () => {
  it('Berlin spring forward (2026-03-29): Friday 16:00 CET + PT2H is Monday 10:00 CEST', () => {
    const start = at('2026-03-27T16:00:00+01:00');
    const due = dueAt(business, start, 'PT2H');
    expect(due).toBe(at('2026-03-30T10:00:00+02:00'));
    expect(elapsedMs(business, start, due)).toBe(2 * H);
  });

  it('Berlin fall back (2026-10-25): Friday 16:30 CEST + PT1H is Monday 09:30 CET', () => {
    expect(dueAt(business, at('2026-10-23T16:30:00+02:00'), 'PT1H')).toBe(at('2026-10-26T09:30:00+01:00'));
  });

  it('a round-the-clock Berlin Sunday lasts 23 hours in March and 25 hours in October', () => {
    expect(elapsedMs(berlinAllDay, at('2026-03-29T00:00:00+01:00'), at('2026-03-30T00:00:00+02:00'))).toBe(
      23 * H,
    );
    expect(elapsedMs(berlinAllDay, at('2026-10-25T00:00:00+02:00'), at('2026-10-26T00:00:00+01:00'))).toBe(
      25 * H,
    );
    const start = at('2026-03-28T12:00:00+01:00');
    expect(dueAt(berlinAllDay, start, 'PT24H')).toBe(start + 24 * H);
  });

  it('opens at the change itself when the opening time is skipped (02:30 on 2026-03-29)', () => {
    const night = calendar('Europe/Berlin', [['sun', '02:30', '04:00']]);
    expect(elapsedMs(night, at('2026-03-22T00:00:00+01:00'), at('2026-03-23T00:00:00+01:00'))).toBe(1.5 * H);
    expect(elapsedMs(night, at('2026-03-29T00:00:00+01:00'), at('2026-03-30T00:00:00+02:00'))).toBe(1 * H);
    expect(nextOpening(night, at('2026-03-28T12:00:00+01:00'))).toBe(at('2026-03-29T03:00:00+02:00'));
  });

  it('counts the repeated hour when clocks fall back inside working hours (01:00–04:00 is 4 h)', () => {
    const night = calendar('Europe/Berlin', [['sun', '01:00', '04:00']]);
    expect(elapsedMs(night, at('2026-10-25T00:00:00+02:00'), at('2026-10-26T00:00:00+01:00'))).toBe(4 * H);
  });

  it('New York spring forward (2026-03-08) and fall back (2026-11-01)', () => {
    expect(dueAt(newYork, at('2026-03-06T16:00:00-05:00'), 'PT2H')).toBe(at('2026-03-09T10:00:00-04:00'));
    expect(dueAt(newYork, at('2026-10-30T16:00:00-04:00'), 'PT2H')).toBe(at('2026-11-02T10:00:00-05:00'));
    const sunday = calendar('America/New_York', [['sun', '00:00', '24:00']]);
    expect(elapsedMs(sunday, at('2026-03-01T00:00:00-05:00'), at('2026-03-15T00:00:00-04:00'))).toBe(47 * H);
    expect(elapsedMs(sunday, at('2026-10-26T00:00:00-04:00'), at('2026-11-02T00:00:00-05:00'))).toBe(25 * H);
  });
});

describe('elapsedMs and elapsedOver', () => {
  it('counts only working hours between two instants', () => {
    expect(elapsedMs(business, at('2026-01-09T16:00:00+01:00'), at('2026-01-12T10:00:00+01:00'))).toBe(2 * H);
    expect(elapsedMs(split, at('2026-01-05T11:00:00+01:00'), at('2026-01-05T14:00:00+01:00'))).toBe(2 * H);
  });

  it('is 0 when the end is not after the start', () => {
    expect(elapsedMs(business, at('2026-01-05T12:00:00+01:00'), at('2026-01-05T10:00:00+01:00'))).toBe(0);
    expect(elapsedMs(undefined, 10, 10)).toBe(0);
  });

  it('sums the running intervals of a paused clock, counting overlaps once', () => {
    const running = [
      { from: at('2026-01-05T10:00:00+01:00'), to: at('2026-01-05T12:00:00+01:00') },
      { from: at('2026-01-05T16:00:00+01:00'), to: at('2026-01-06T10:00:00+01:00') },
    ];
    expect(elapsedOver(business, running)).toBe(4 * H);
    const overlapping = [
      ...running,
      { from: at('2026-01-05T11:00:00+01:00'), to: at('2026-01-05T13:00:00+01:00') },
    ];
    expect(elapsedOver(business, overlapping)).toBe(5 * H);
    expect(elapsedOver(undefined, running)).toBe(20 * H);
  });
});

describe('isWorkingTime and nextOpening', () => {
  it('includes the opening instant and excludes the closing instant', () => {
    expect(isWorkingTime(business, at('2026-01-05T09:00:00+01:00'))).toBe(true);
    expect(isWorkingTime(business, at('2026-01-05T17:00:00+01:00'))).toBe(false);
    expect(isWorkingTime(business, at('2026-01-10T12:00:00+01:00'))).toBe(false);
    expect(isWorkingTime(business, at('2026-01-01T12:00:00+01:00'))).toBe(false);
    expect(isWorkingTime(split, at('2026-01-05T12:30:00+01:00'))).toBe(false);
    expect(isWorkingTime(undefined, 0)).toBe(true);
  });

  it('finds the next opening after lunch, weekends and holidays', () => {
    expect(nextOpening(split, at('2026-01-05T12:30:00+01:00'))).toBe(at('2026-01-05T13:00:00+01:00'));
    expect(nextOpening(business, at('2026-12-24T18:00:00+01:00'))).toBe(at('2026-12-28T09:00:00+01:00'));
    const inside = at('2026-01-05T10:15:00+01:00');
    expect(nextOpening(business, inside)).toBe(inside);
  });
});

describe('invalid calendars', () => {
  it('names an unknown time zone', () => {
    expect(() => dueAt(calendar('Europe/Atlantis', [['mon', '09:00', '17:00']]), 0, 'PT1H')).toThrow(
      'unknown time zone "Europe/Atlantis"',
    );
  });

  it('refuses a calendar without working time and an impossible holiday', () => {
    expect(() => isWorkingTime(calendar('UTC', [['mon', '09:00', '09:00']]), 0)).toThrow('no working hours');
    expect(() => isWorkingTime(calendar('UTC', [['mon', '09:00', '17:00']], ['2026-02-30']), 0)).toThrow(
      'holiday 2026-02-30 is not a date',
    );
  });
});

describe('properties', () => {
  const zones = ['Europe/Berlin', 'America/New_York', 'UTC', 'Australia/Lord_Howe', 'Asia/Kolkata'];
  const clock = fc.integer({ min: 0, max: 96 }).map((q) => {
    const m = q * 15;
    return `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
  });
  const dayMinute = (hhmm: string) => (Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3))) % (24 * 60);
  const anyCalendar = fc
    .record({
      zone: fc.constantFrom(...zones),
      hours: fc.array(fc.tuple(fc.constantFrom(...WEEKDAYS), clock, clock), { minLength: 1, maxLength: 6 }),
      holidays: fc.array(fc.integer({ min: 0, max: 400 }), { maxLength: 20 }),
    })
    // At least one window that is not empty: 24:00–00:00 is as empty as 09:00–09:00.
    .filter(({ hours }) => hours.some(([, a, b]) => dayMinute(a) !== dayMinute(b)))
    .map(({ zone, hours, holidays }) =>
      calendar(
        zone,
        hours,
        holidays.map((d) => new Date(at('2026-01-01T00:00:00Z') + d * 24 * H).toISOString().slice(0, 10)),
      ),
    );
  const instant = fc.integer({ min: at('2026-01-01T00:00:00Z'), max: at('2027-01-01T00:00:00Z') });
  const target = fc
    .integer({ min: 0, max: 60 * 24 * 20 })
    .map((minutes) => `PT${Math.floor(minutes / 60)}H${minutes % 60}M`);

  it('elapsedMs(c, s, dueAt(c, s, d)) === durationMs(d)', () => {
    fc.assert(
      fc.property(anyCalendar, instant, target, (cal, start, iso) => {
        const due = dueAt(cal, start, iso);
        expect(elapsedMs(cal, start, due)).toBe(durationMs(iso));
        if (durationMs(iso) > 0) expect(elapsedMs(cal, start, due - 1)).toBeLessThan(durationMs(iso));
      }),
      { numRuns: 300 },
    );
  });

  it('dueAt is monotonic in the start and in the target', () => {
    fc.assert(
      fc.property(anyCalendar, instant, instant, target, target, (cal, s1, s2, d1, d2) => {
        const [early, late] = s1 <= s2 ? [s1, s2] : [s2, s1];
        const [short, long] = durationMs(d1) <= durationMs(d2) ? [d1, d2] : [d2, d1];
        expect(dueAt(cal, early, short)).toBeLessThanOrEqual(dueAt(cal, late, short));
        expect(dueAt(cal, early, short)).toBeLessThanOrEqual(dueAt(cal, early, long));
      }),
      { numRuns: 300 },
    );
  });

  it('elapsedMs is additive and nextOpening lands on working time', () => {
    fc.assert(
      fc.property(anyCalendar, instant, instant, instant, (cal, a, b, c) => {
        const [x, y, z] = [a, b, c].sort((p, q) => p - q) as [number, number, number];
        expect(elapsedMs(cal, x, z)).toBe(elapsedMs(cal, x, y) + elapsedMs(cal, y, z));
        const open = nextOpening(cal, x);
        expect(open).toBeGreaterThanOrEqual(x);
        expect(isWorkingTime(cal, open)).toBe(true);
        expect(elapsedMs(cal, x, open)).toBe(0);
      }),
      { numRuns: 300 },
    );
  });
});

describe('speed', () => {
  it('walks day by day: 10,000 P5D targets on a warm calendar take well under a second', () => {
    const start = at('2026-01-05T10:00:00+01:00');
    dueAt(business, start, 'P5D');
    const began = Date.now();
    for (let i = 0; i < 10_000; i++) dueAt(business, start + i * 60_000, 'P5D');
    expect(Date.now() - began).toBeLessThan(1000);
  });
});

describe('examples/calendars/business.json', () => {
  /** Easter Sunday (Gregorian) by the anonymous computus, as a UTC day number. */
  function easter(year: number): number {
    const a = year % 19;
    const b = Math.floor(year / 100);
    const c = year % 100;
    const f = Math.floor((b + 8) / 25);
    const g = Math.floor((b - f + 1) / 3);
    const h = (19 * a + b - Math.floor(b / 4) - g + 15) % 30;
    const l = (32 + 2 * (b % 4) + 2 * Math.floor(c / 4) - h - (c % 4)) % 7;
    const m = Math.floor((a + 11 * h + 22 * l) / 451);
    const month = Math.floor((h + l - 7 * m + 114) / 31);
    const day = ((h + l - 7 * m + 114) % 31) + 1;
    return Date.UTC(year, month - 1, day) / (24 * H);
  }
  const iso = (day: number) => new Date(day * 24 * H).toISOString().slice(0, 10);

  it('is a valid BusinessCalendar in Europe/Berlin, Mon–Fri 09:00–17:00', () => {
    expect(BusinessCalendar.safeParse(exampleCalendar).success).toBe(true);
    expect(business.key).toBe('business');
    expect(business.timeZone).toBe('Europe/Berlin');
    expect(business.hours.map((h) => `${h.day} ${h.start}-${h.end}`)).toEqual(
      WEEKDAYS.slice(0, 5).map((d) => `${d} 09:00-17:00`),
    );
  });

  it('lists the nine German national holidays of 2026 and 2027', () => {
    for (const year of [2026, 2027]) {
      const e = easter(year);
      const expected = [
        `${year}-01-01`,
        iso(e - 2),
        iso(e + 1),
        `${year}-05-01`,
        iso(e + 39),
        iso(e + 50),
        `${year}-10-03`,
        `${year}-12-25`,
        `${year}-12-26`,
      ];
      expect(
        business.holidays
          .flatMap((h) => ('date' in h ? [h.date] : []))
          .filter((d) => d.startsWith(`${year}`)),
      ).toEqual(expected);
    }
    expect(iso(easter(2026))).toBe('2026-04-05');
    expect(iso(easter(2027))).toBe('2027-03-28');
  });
});
