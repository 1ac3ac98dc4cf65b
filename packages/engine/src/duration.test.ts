import { IsoDuration } from '@caseflow/schema';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDuration, durationMs, parseDuration } from './duration';

const at = (iso: string) => Date.parse(iso);

describe('parseDuration', () => {
  it('reads every component of PnYnMnWnDTnHnMnS', () => {
    expect(parseDuration('P1Y2M3W4DT5H6M7S')).toEqual({
      years: 1,
      months: 2,
      weeks: 3,
      days: 4,
      hours: 5,
      minutes: 6,
      seconds: 7,
    });
  });

  it('leaves absent components at zero', () => {
    expect(parseDuration('PT30M')).toEqual({
      years: 0,
      months: 0,
      weeks: 0,
      days: 0,
      hours: 0,
      minutes: 30,
      seconds: 0,
    });
  });

  it('accepts a fraction on the smallest unit, with a dot or a comma', () => {
    expect(parseDuration('PT1.5H').hours).toBe(1.5);
    expect(parseDuration('P1DT0,25H').hours).toBe(0.25);
    expect(parseDuration('PT0.001S').seconds).toBe(0.001);
  });

  it.each([
    ['', 'expected the form'],
    ['P', 'no components'],
    ['PT', 'no components'],
    ['P1DT', 'T must be followed'],
    ['1D', 'expected the form'],
    ['-P1D', 'expected the form'],
    ['P1H', 'expected the form'],
    ['PT1D', 'expected the form'],
    ['P1.5DT2H', 'only the smallest unit'],
    ['PT1H30', 'expected the form'],
    ['pt1h', 'expected the form'],
    [`PT${'9'.repeat(80)}S`, 'too long'],
    ['PT99999999999999999999S', 'out of range'],
  ])('refuses %j with a clear error', (input, why) => {
    expect(() => parseDuration(input)).toThrow(why);
    expect(() => parseDuration(input)).toThrow(`invalid ISO-8601 duration ${JSON.stringify(input)}`);
  });

  it('accepts everything the schema IsoDuration accepts that has no years or months', () => {
    const component = fc.option(fc.integer({ min: 0, max: 999 }), { nil: undefined });
    fc.assert(
      fc.property(component, component, component, component, component, (w, d, h, m, s) => {
        const date = `${w === undefined ? '' : `${w}W`}${d === undefined ? '' : `${d}D`}`;
        const time = `${h === undefined ? '' : `${h}H`}${m === undefined ? '' : `${m}M`}${s === undefined ? '' : `${s}S`}`;
        const iso = `P${date}${time ? `T${time}` : ''}`;
        const schemaOk = IsoDuration.safeParse(iso).success;
        let parsed = true;
        try {
          parseDuration(iso);
        } catch {
          parsed = false;
        }
        expect(parsed).toBe(schemaOk);
      }),
    );
  });
});

describe('durationMs', () => {
  it.each([
    ['PT30M', 30 * 60_000],
    ['PT1H', 3_600_000],
    ['P1D', 86_400_000],
    ['P2W', 14 * 86_400_000],
    ['P1DT2H3M4S', 86_400_000 + 2 * 3_600_000 + 3 * 60_000 + 4_000],
    ['PT1.5H', 5_400_000],
    ['PT0.25S', 250],
    ['P0D', 0],
  ])('%s is %i ms', (iso, ms) => {
    expect(durationMs(iso)).toBe(ms);
  });

  it('rounds sub-millisecond fractions to a whole millisecond', () => {
    expect(durationMs('PT0.0004S')).toBe(0);
    expect(durationMs('PT1.0006S')).toBe(1001);
  });

  it('refuses years and months, which have no fixed length', () => {
    expect(() => durationMs('P1M')).toThrow('no fixed length');
    expect(() => durationMs('P1Y')).toThrow('no fixed length');
  });
});

describe('addDuration', () => {
  it('adds exact time in UTC by default', () => {
    expect(addDuration(at('2026-01-05T09:00:00Z'), 'PT90M')).toBe(at('2026-01-05T10:30:00Z'));
  });

  it('keeps the wall-clock time across the Berlin spring change (P1D is 23 hours)', () => {
    const start = at('2026-03-28T10:00:00+01:00');
    const end = addDuration(start, 'P1D', 'Europe/Berlin');
    expect(end).toBe(at('2026-03-29T10:00:00+02:00'));
    expect(end - start).toBe(23 * 3_600_000);
  });

  it('keeps the wall-clock time across the Berlin autumn change (P1D is 25 hours)', () => {
    const start = at('2026-10-24T10:00:00+02:00');
    expect(addDuration(start, 'P1D', 'Europe/Berlin')).toBe(at('2026-10-25T10:00:00+01:00'));
  });

  it('adds hours as elapsed time even over a DST change', () => {
    const start = at('2026-03-29T01:00:00+01:00');
    expect(addDuration(start, 'PT24H', 'Europe/Berlin')).toBe(start + 24 * 3_600_000);
  });

  it('moves a skipped wall time forward by the gap (New York, 2026-03-08)', () => {
    const start = at('2026-03-07T02:30:00-05:00');
    expect(addDuration(start, 'P1D', 'America/New_York')).toBe(at('2026-03-08T03:30:00-04:00'));
  });

  it('takes the earlier of a repeated wall time (New York, 2026-11-01)', () => {
    const start = at('2026-10-31T01:30:00-04:00');
    expect(addDuration(start, 'P1D', 'America/New_York')).toBe(at('2026-11-01T01:30:00-04:00'));
  });

  it('clamps months to the last day of the target month', () => {
    expect(addDuration(at('2026-01-31T12:00:00Z'), 'P1M')).toBe(at('2026-02-28T12:00:00Z'));
    expect(addDuration(at('2028-01-31T12:00:00Z'), 'P1M')).toBe(at('2028-02-29T12:00:00Z'));
    expect(addDuration(at('2026-11-15T08:00:00Z'), 'P1Y2M')).toBe(at('2028-01-15T08:00:00Z'));
  });

  it('adds a local day in the zone, not in UTC', () => {
    // 23:30 in New York is already the next day in UTC; P1D must still land on the next local day.
    const start = at('2026-06-01T23:30:00-04:00');
    expect(addDuration(start, 'P1D', 'America/New_York')).toBe(at('2026-06-02T23:30:00-04:00'));
  });

  it('adds a fraction of a day as elapsed 24-hour days', () => {
    expect(addDuration(at('2026-01-05T00:00:00Z'), 'P1.5D')).toBe(at('2026-01-06T12:00:00Z'));
  });

  it('refuses an unknown time zone', () => {
    expect(() => addDuration(0, 'P1D', 'Mars/Olympus')).toThrow('unknown time zone "Mars/Olympus"');
  });

  it('equals durationMs in UTC for fixed-length durations', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: at('2000-01-01T00:00:00Z'), max: at('2040-01-01T00:00:00Z') }),
        fc.integer({ min: 0, max: 400 }),
        fc.integer({ min: 0, max: 100 }),
        (start, days, hours) => {
          const iso = `P${days}DT${hours}H`;
          expect(addDuration(start, iso)).toBe(start + durationMs(iso));
        },
      ),
    );
  });
});
