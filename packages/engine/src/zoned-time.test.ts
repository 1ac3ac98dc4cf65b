import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DAY_MS, dayOfDate, fromLocal, offsetAt, toLocal, utcMs, weekdayOf } from './zoned-time';

const H = 3_600_000;
const at = (iso: string) => Date.parse(iso);
/** Wall-clock reading written as UTC, the "local ms" of zoned-time. */
const local = (wall: string) => Date.parse(`${wall}Z`);

describe('offsetAt', () => {
  it('reads standard and summer offsets', () => {
    expect(offsetAt('Europe/Berlin', at('2026-01-15T12:00:00Z'))).toBe(1 * H);
    expect(offsetAt('Europe/Berlin', at('2026-07-15T12:00:00Z'))).toBe(2 * H);
    expect(offsetAt('America/New_York', at('2026-01-15T12:00:00Z'))).toBe(-5 * H);
    expect(offsetAt('Asia/Kolkata', at('2026-01-15T12:00:00Z'))).toBe(5.5 * H);
    expect(offsetAt('UTC', 123)).toBe(0);
  });

  it('changes at the exact instant of the Berlin transitions', () => {
    expect(offsetAt('Europe/Berlin', at('2026-03-29T00:59:59Z'))).toBe(1 * H);
    expect(offsetAt('Europe/Berlin', at('2026-03-29T01:00:00Z'))).toBe(2 * H);
    expect(offsetAt('Europe/Berlin', at('2026-10-25T00:59:59Z'))).toBe(2 * H);
    expect(offsetAt('Europe/Berlin', at('2026-10-25T01:00:00Z'))).toBe(1 * H);
  });

  it('names an unknown zone', () => {
    expect(() => offsetAt('Nowhere/Land', 0)).toThrow('unknown time zone "Nowhere/Land"');
  });
});

describe('fromLocal', () => {
  it('inverts toLocal away from transitions', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('Europe/Berlin', 'America/New_York', 'Australia/Lord_Howe', 'Asia/Kolkata'),
        fc.integer({ min: at('2020-01-01T00:00:00Z'), max: at('2030-01-01T00:00:00Z') }),
        (zone, instant) => {
          const wall = toLocal(zone, instant);
          // Readings that occur twice (fall back) resolve to the earlier instant.
          const back = fromLocal(zone, wall);
          expect(back === instant || (back < instant && toLocal(zone, back) === wall)).toBe(true);
        },
      ),
    );
  });

  it('resolves a repeated time to its first occurrence (Berlin, 2026-10-25 02:30)', () => {
    expect(fromLocal('Europe/Berlin', local('2026-10-25T02:30:00'))).toBe(at('2026-10-25T02:30:00+02:00'));
  });

  it('shifts a skipped time by the gap, or takes the change itself', () => {
    const skipped = local('2026-03-29T02:30:00');
    expect(fromLocal('Europe/Berlin', skipped)).toBe(at('2026-03-29T03:30:00+02:00'));
    expect(fromLocal('Europe/Berlin', skipped, 'transition')).toBe(at('2026-03-29T03:00:00+02:00'));
    expect(fromLocal('America/New_York', local('2026-03-08T02:15:00'), 'transition')).toBe(
      at('2026-03-08T03:00:00-04:00'),
    );
  });

  it('handles a half-hour change (Lord Howe Island, 2026-10-04 02:00 → 02:30)', () => {
    expect(fromLocal('Australia/Lord_Howe', local('2026-10-04T02:10:00'), 'transition')).toBe(
      at('2026-10-04T02:30:00+11:00'),
    );
  });
});

describe('calendar days', () => {
  it('numbers days from 1970-01-01 and knows their weekday', () => {
    expect(dayOfDate('1970-01-01')).toBe(0);
    expect(dayOfDate('2026-01-05')).toBe(utcMs(2026, 1, 5) / DAY_MS);
    expect(weekdayOf(dayOfDate('2026-01-05')!)).toBe(0); // a Monday
    expect(weekdayOf(dayOfDate('2026-03-29')!)).toBe(6); // a Sunday
    expect(weekdayOf(dayOfDate('1969-12-31')!)).toBe(2); // a Wednesday, before the epoch
  });

  it('refuses dates that do not exist', () => {
    expect(dayOfDate('2026-02-29')).toBeUndefined();
    expect(dayOfDate('2026-13-01')).toBeUndefined();
    expect(dayOfDate('26-01-01')).toBeUndefined();
    expect(dayOfDate('2028-02-29')).toBeDefined();
  });

  it('keeps years below 100 as written', () => {
    expect(new Date(utcMs(42, 3, 1)).getUTCFullYear()).toBe(42);
  });
});
