import { type BusinessCalendar, type HolidaySource, isHolidaySource } from '@caseflow/schema';
import { durationMs } from './duration';
import { assertHolidaySource, holidayDates } from './public-holidays';
import { assertTimeZone, DAY_MS, dayOfDate, fromLocal, MINUTE_MS, weekdayOf } from './zoned-time';

/** A half-open stretch of time [from, to) in epoch ms. */
export interface TimeInterval {
  from: number;
  to: number;
}

/** The reserved key of round-the-clock time; needs no calendar definition. */
export const ROUND_THE_CLOCK = '24x7';

const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
/** No walk goes further than this; a target this far out is a mistake, not a due date. */
const MAX_WALK_DAYS = 366 * 100;
const DAY_CACHE_LIMIT = 4096;

type Span = readonly [from: number, to: number];

/** A calendar prepared once: merged weekly minute spans, holiday day numbers, per-day instants. */
interface Prepared {
  timeZone: string;
  /** Working minutes of each weekday (0 = Monday), merged and sorted. */
  weekly: Span[][];
  holidays: Set<number>;
  /** Countries (and regions) whose holidays count, added to `holidays` a year at a time. */
  sources: HolidaySource[];
  /** Years whose `sources` holidays are in `holidays` already. */
  years: Set<number>;
  /** Working instants of each local day number, computed on first use. */
  days: Map<number, Span[]>;
}

const prepared = new WeakMap<BusinessCalendar, Prepared>();

function minutesOf(clock: string): number {
  const [h, m] = clock.split(':').map(Number);
  return Math.min((h ?? 0) * 60 + (m ?? 0), 24 * 60);
}

/** Sorts spans and joins those that overlap or touch. */
function merge(spans: Span[]): Span[] {
  const sorted = spans.filter(([a, b]) => b > a).sort((x, y) => x[0] - y[0]);
  const out: [number, number][] = [];
  for (const [a, b] of sorted) {
    const last = out[out.length - 1];
    if (last && a <= last[1]) last[1] = Math.max(last[1], b);
    else out.push([a, b]);
  }
  return out;
}

function isRoundTheClock(calendar: BusinessCalendar | undefined): calendar is undefined {
  return calendar === undefined || calendar.key === ROUND_THE_CLOCK;
}

/**
 * Prepares a calendar once per object (WeakMap). Hours whose end is not after their start
 * run past midnight into the next weekday (22:00–06:00); equal start and end are empty.
 */
function prepare(calendar: BusinessCalendar): Prepared {
  const cached = prepared.get(calendar);
  if (cached) return cached;
  assertTimeZone(calendar.timeZone);
  const weekly: Span[][] = WEEKDAYS.map(() => []);
  for (const { day, start, end } of calendar.hours) {
    const index = WEEKDAYS.indexOf(day);
    const [from, to] = [minutesOf(start), minutesOf(end)];
    if (to > from) weekly[index]!.push([from, to]);
    else if (to < from) {
      weekly[index]!.push([from, 24 * 60]);
      weekly[(index + 1) % 7]!.push([0, to]);
    }
  }
  for (let i = 0; i < 7; i++) weekly[i] = merge(weekly[i]!);
  if (weekly.every((spans) => spans.length === 0)) {
    throw new Error(`business calendar "${calendar.key}" has no working hours`);
  }
  const holidays = new Set<number>();
  const sources: HolidaySource[] = [];
  // A calendar may arrive unparsed (plain JSON): a single {country, region} stands for a list of one.
  const raw = calendar.holidays as BusinessCalendar['holidays'] | HolidaySource | undefined;
  const entries = Array.isArray(raw) ? raw : raw ? [raw] : [];
  for (const entry of entries) {
    if (isHolidaySource(entry)) {
      try {
        assertHolidaySource(entry);
      } catch (error) {
        throw new Error(`business calendar "${calendar.key}": ${(error as Error).message}`);
      }
      sources.push(entry);
      continue;
    }
    const day = dayOfDate(entry.date);
    if (day === undefined)
      throw new Error(`business calendar "${calendar.key}": holiday ${entry.date} is not a date`);
    holidays.add(day);
  }
  const result: Prepared = {
    timeZone: calendar.timeZone,
    weekly,
    holidays,
    sources,
    years: new Set(),
    days: new Map(),
  };
  prepared.set(calendar, result);
  return result;
}

/** Whether local day `day` is a holiday: an explicit date or one of its sources' in that year. */
function isHoliday(cal: Prepared, day: number): boolean {
  if (cal.sources.length > 0) {
    const year = new Date(day * DAY_MS).getUTCFullYear();
    if (!cal.years.has(year)) {
      cal.years.add(year);
      for (const source of cal.sources) {
        for (const date of holidayDates(source, year)) cal.holidays.add(dayOfDate(date)!);
      }
    }
  }
  return cal.holidays.has(day);
}

/** Working instants of local day `day`, sorted and disjoint. */
function spansOf(cal: Prepared, day: number): Span[] {
  let spans = cal.days.get(day);
  if (spans) return spans;
  if (isHoliday(cal, day)) spans = [];
  else {
    const base = day * DAY_MS;
    // A skipped opening time opens at the DST change itself: the first moment the clock reads it.
    const at = (minutes: number) => fromLocal(cal.timeZone, base + minutes * MINUTE_MS, 'transition');
    spans = merge(cal.weekly[weekdayOf(day)]!.map(([from, to]): Span => [at(from), at(to)]));
  }
  if (cal.days.size >= DAY_CACHE_LIMIT) cal.days.clear();
  cal.days.set(day, spans);
  return spans;
}

/**
 * A local day at or before every local day that can hold working time around instant `ms`,
 * found without a time-zone look-up: the local day is within one day of the UTC day (offsets
 * stay within ±14 h), and one more day back covers a fall-back change at midnight, which lets
 * the previous day's hours end after the current day begins. Extra days cost a cached look-up.
 */
function firstDay(ms: number): number {
  return Math.floor(ms / DAY_MS) - 2;
}

/** A local day at or after every local day that can hold working time before instant `ms`. */
function lastDay(ms: number): number {
  return Math.floor(ms / DAY_MS) + 2;
}

function tooFar(calendar: BusinessCalendar): never {
  throw new Error(`business calendar "${calendar.key}": no answer within ${MAX_WALK_DAYS} days`);
}

/**
 * The instant at which `isoTarget` of business time has elapsed since `startMs`: a target of
 * PT8H on Mon–Fri 09:00–17:00 started Friday 13:00 is due Monday 13:00; P5D means 5 × 24 h of
 * business time. A target met exactly at closing time is due at closing, not at the next opening.
 * An undefined calendar or key "24x7" counts every millisecond. Pure; throws on an invalid target
 * (years and months are refused, see `durationMs`) or calendar.
 */
export function dueAt(calendar: BusinessCalendar | undefined, startMs: number, isoTarget: string): number {
  return addBusinessMs(calendar, startMs, durationMs(isoTarget));
}

/**
 * `dueAt` for a target in milliseconds: the instant at which `ms` of business time has elapsed
 * since `startMs`. Serves what an ISO target cannot express, such as a warning at 80 % of the
 * target or the new due instant of a resumed clock (`target − elapsed` from the resume).
 * A target of 0 or less is due at `startMs`. Pure.
 */
export function addBusinessMs(calendar: BusinessCalendar | undefined, startMs: number, ms: number): number {
  if (!Number.isFinite(ms)) throw new RangeError(`business time target must be finite, got ${ms}`);
  if (ms <= 0) return startMs;
  if (isRoundTheClock(calendar)) return startMs + ms;
  const cal = prepare(calendar);
  let remaining = ms;
  const first = firstDay(startMs);
  for (let day = first; day <= first + MAX_WALK_DAYS; day++) {
    for (const [from, to] of spansOf(cal, day)) {
      if (to <= startMs) continue;
      const begin = Math.max(from, startMs);
      if (remaining <= to - begin) return begin + remaining;
      remaining -= to - begin;
    }
  }
  return tooFar(calendar);
}

/**
 * Business time in ms between two instants (0 when `toMs` is not after `fromMs`).
 * Pure; `elapsedMs(c, s, dueAt(c, s, d)) === durationMs(d)`.
 */
export function elapsedMs(calendar: BusinessCalendar | undefined, fromMs: number, toMs: number): number {
  if (toMs <= fromMs) return 0;
  if (isRoundTheClock(calendar)) return toMs - fromMs;
  const cal = prepare(calendar);
  const last = lastDay(toMs);
  let sum = 0;
  for (let day = firstDay(fromMs); day <= last; day++) {
    for (const [from, to] of spansOf(cal, day)) {
      if (from >= toMs) break;
      const overlap = Math.min(to, toMs) - Math.max(from, fromMs);
      if (overlap > 0) sum += overlap;
    }
  }
  return sum;
}

/**
 * Business time summed over running intervals, e.g. an SLA clock's stretches between pauses.
 * Overlapping intervals count once; intervals with `to <= from` count nothing. Pure.
 */
export function elapsedOver(
  calendar: BusinessCalendar | undefined,
  intervals: readonly TimeInterval[],
): number {
  const joined = merge(intervals.map(({ from, to }): Span => [from, to]));
  let sum = 0;
  for (const [from, to] of joined) sum += elapsedMs(calendar, from, to);
  return sum;
}

/** Whether `ms` falls inside working hours (opening instant included, closing excluded). Pure. */
export function isWorkingTime(calendar: BusinessCalendar | undefined, ms: number): boolean {
  if (isRoundTheClock(calendar)) return true;
  const cal = prepare(calendar);
  for (let day = firstDay(ms); day <= lastDay(ms); day++) {
    if (spansOf(cal, day).some(([from, to]) => from <= ms && ms < to)) return true;
  }
  return false;
}

/**
 * The first working instant at or after `ms`: `ms` itself during working hours, else the next
 * opening (skipping weekends and holidays). Pure.
 */
export function nextOpening(calendar: BusinessCalendar | undefined, ms: number): number {
  if (isRoundTheClock(calendar)) return ms;
  const cal = prepare(calendar);
  const first = firstDay(ms);
  for (let day = first; day <= first + MAX_WALK_DAYS; day++) {
    for (const [from, to] of spansOf(cal, day)) {
      if (to > ms) return Math.max(from, ms);
    }
  }
  return tooFar(calendar);
}
