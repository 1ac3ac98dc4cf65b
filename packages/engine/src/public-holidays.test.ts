import { BusinessCalendar, type HolidayEntry } from '@caseflow/schema';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import exampleSp from '../../../examples/calendars/business-sp.json';
import { dueAt, elapsedMs, isWorkingTime, nextOpening } from './business-calendar';
import { holidayDates } from './public-holidays';

const at = (iso: string) => Date.parse(iso);
const H = 3_600_000;

/** Mon–Fri 09:00–17:00 in São Paulo with the given holidays. */
function saoPaulo(holidays: unknown): BusinessCalendar {
  return BusinessCalendar.parse({
    key: 'sp-office',
    name: 'São Paulo office',
    timeZone: 'America/Sao_Paulo',
    hours: (['mon', 'tue', 'wed', 'thu', 'fri'] as const).map((day) => ({
      day,
      start: '09:00',
      end: '17:00',
    })),
    holidays,
  });
}

const brazil = saoPaulo([{ country: 'BR' }]);
const saoPauloState = saoPaulo({ country: 'BR', region: 'SP' });
const noon = (date: string) => at(`${date}T12:00:00-03:00`);

describe('public holidays by country and region (date-holidays)', () => {
  it('closes on Carnival Monday and Tuesday and on Tiradentes in 2027, not on Ash Wednesday', () => {
    expect(isWorkingTime(brazil, noon('2027-02-05'))).toBe(true); // the Friday before
    expect(isWorkingTime(brazil, noon('2027-02-08'))).toBe(false);
    expect(isWorkingTime(brazil, noon('2027-02-09'))).toBe(false);
    expect(isWorkingTime(brazil, noon('2027-02-10'))).toBe(true);
    expect(isWorkingTime(brazil, noon('2027-04-21'))).toBe(false);
    expect(isWorkingTime(brazil, noon('2027-04-22'))).toBe(true);
  });

  it('closes on 9 July (Revolução Constitucionalista) only for the state of São Paulo', () => {
    expect(isWorkingTime(brazil, noon('2027-07-09'))).toBe(true);
    expect(isWorkingTime(saoPauloState, noon('2027-07-09'))).toBe(false);
    expect(isWorkingTime(saoPauloState, noon('2027-04-21'))).toBe(false);
  });

  it('walks over them when a due time is computed', () => {
    // Tuesday 20 April 09:00 + 16 business hours: Tuesday, (Wednesday is Tiradentes), Thursday.
    expect(dueAt(brazil, at('2027-04-20T09:00:00-03:00'), 'PT16H')).toBe(at('2027-04-22T17:00:00-03:00'));
    // Friday 5 Feb 13:00 + 8 h: 4 h on Friday, the rest on Wednesday after Carnival.
    expect(dueAt(brazil, at('2027-02-05T13:00:00-03:00'), 'PT8H')).toBe(at('2027-02-10T13:00:00-03:00'));
    expect(nextOpening(saoPauloState, at('2027-07-08T18:00:00-03:00'))).toBe(at('2027-07-12T09:00:00-03:00'));
    expect(elapsedMs(brazil, at('2027-04-21T00:00:00-03:00'), at('2027-04-22T00:00:00-03:00'))).toBe(0);
  });

  it('adds explicit dates next to a country', () => {
    const withEve = saoPaulo([{ country: 'BR' }, { date: '2027-12-24', name: 'Véspera de Natal' }]);
    expect(isWorkingTime(withEve, noon('2027-12-24'))).toBe(false);
    expect(isWorkingTime(brazil, noon('2027-12-24'))).toBe(true);
    expect(isWorkingTime(withEve, noon('2027-12-23'))).toBe(true);
  });

  it('refuses a country or region the library does not know, naming the calendar', () => {
    expect(() => isWorkingTime(saoPaulo([{ country: 'XX' }]), noon('2027-01-04'))).toThrow(
      /sp-office.*unknown holiday country XX/,
    );
    expect(() => isWorkingTime(saoPaulo([{ country: 'BR', region: 'ZZ' }]), noon('2027-01-04'))).toThrow(
      /unknown holiday region ZZ of BR/,
    );
    expect(BusinessCalendar.safeParse({ ...brazil, holidays: [{ country: 'br' }] }).success).toBe(false);
    expect(BusinessCalendar.safeParse({ ...brazil, holidays: [{ country: 'BR', extra: 1 }] }).success).toBe(
      false,
    );
  });

  it('reads the São Paulo example calendar as it ships (not parsed first)', () => {
    const example = exampleSp as unknown as BusinessCalendar;
    expect(BusinessCalendar.parse(exampleSp).holidays).toEqual([{ country: 'BR', region: 'SP' }]);
    expect(isWorkingTime(example, noon('2027-07-09'))).toBe(false);
    expect(isWorkingTime(example, noon('2027-07-08'))).toBe(true);
  });

  it('closes a region on every national holiday, also one its regional rules drop (20 November in São Paulo)', () => {
    for (const year of [2024, 2026, 2030]) {
      expect(isWorkingTime(saoPauloState, noon(`${year}-11-20`)), String(year)).toBe(false);
      expect(holidayDates({ country: 'BR', region: 'SP' }, year)).toEqual(
        expect.arrayContaining([...holidayDates({ country: 'BR' }, year)]),
      );
    }
  });

  it('keeps a single {country, region} object as a list of one', () => {
    expect(saoPauloState.holidays).toEqual([{ country: 'BR', region: 'SP' } satisfies HolidayEntry]);
  });

  it('property: every year, the fixed national holidays are closed and a region closes at least what its country does', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1990, max: 2090 }), fc.integer({ min: 0, max: 364 }), (year, offset) => {
        for (const date of [`${year}-04-21`, `${year}-09-07`, `${year}-12-25`]) {
          expect(isWorkingTime(brazil, noon(date))).toBe(false);
        }
        const day = new Date(Date.UTC(year, 0, 1) + offset * 24 * H).toISOString().slice(0, 10);
        if (!isWorkingTime(brazil, noon(day))) expect(isWorkingTime(saoPauloState, noon(day))).toBe(false);
        expect(holidayDates({ country: 'BR' }, year).every((d) => d.startsWith(`${year}-`))).toBe(true);
      }),
      { numRuns: 200 },
    );
  });
});
