import { DAY_MS, dayOf, fromLocal, HOUR_MS, MINUTE_MS, toLocal, utcMs } from './zoned-time';

/** The components of an ISO-8601 duration; absent components are 0. */
export interface Duration {
  years: number;
  months: number;
  weeks: number;
  days: number;
  hours: number;
  minutes: number;
  seconds: number;
}

const UNITS = ['years', 'months', 'weeks', 'days', 'hours', 'minutes', 'seconds'] as const;
const NUMBER = '(\\d+(?:[.,]\\d+)?)';
const PATTERN = new RegExp(
  `^P(?:${NUMBER}Y)?(?:${NUMBER}M)?(?:${NUMBER}W)?(?:${NUMBER}D)?(?:T(?:${NUMBER}H)?(?:${NUMBER}M)?(?:${NUMBER}S)?)?$`,
);
/** Longer strings are refused before matching: no legitimate duration is this long. */
const MAX_LENGTH = 64;

/**
 * Parses an ISO-8601 duration `PnYnMnWnDTnHnMnS` (e.g. `PT30M`, `P1DT2H`, `P2W`, `PT1.5H`).
 * Only the smallest unit written may carry a fraction (`.` or `,`); negative durations,
 * an empty `P`/`T` and out-of-range numbers are refused. Pure; throws an Error naming the input.
 */
export function parseDuration(iso: string): Duration {
  function fail(why: string): never {
    throw new Error(`invalid ISO-8601 duration ${JSON.stringify(iso)}: ${why}`);
  }
  if (typeof iso !== 'string') fail('not a string');
  if (iso.length > MAX_LENGTH) fail('too long');
  const match = PATTERN.exec(iso);
  if (!match) fail('expected the form PnYnMnWnDTnHnMnS, e.g. PT30M, P1D or P1DT2H');
  const groups = match.slice(1);
  if (groups.every((g) => g === undefined)) fail('no components after P');
  if (iso.endsWith('T')) fail('T must be followed by hours, minutes or seconds');
  const duration: Duration = { years: 0, months: 0, weeks: 0, days: 0, hours: 0, minutes: 0, seconds: 0 };
  let last = -1;
  groups.forEach((g, i) => {
    if (g !== undefined) last = i;
  });
  groups.forEach((g, i) => {
    if (g === undefined) return;
    if (/[.,]/.test(g) && i !== last) fail('only the smallest unit may have a fraction');
    const value = Number(g.replace(',', '.'));
    if (!Number.isFinite(value) || value > Number.MAX_SAFE_INTEGER) fail('number out of range');
    duration[UNITS[i]!] = value;
  });
  return duration;
}

/**
 * Length of a duration in milliseconds with fixed units: a week is 7 days, a day 24 hours.
 * Years and months are refused (they have no fixed length); use `addDuration` to move by
 * calendar months. The result is rounded to a whole millisecond. Pure; throws on invalid input.
 */
export function durationMs(iso: string): number {
  const cached = lengths.get(iso);
  if (cached !== undefined) return cached;
  const ms = fixedLength(iso);
  if (lengths.size >= 1000) lengths.clear();
  lengths.set(iso, ms);
  return ms;
}

/** Memo of `durationMs`: flows use a handful of targets, evaluated on every SLA step. */
const lengths = new Map<string, number>();

function fixedLength(iso: string): number {
  const d = parseDuration(iso);
  if (d.years !== 0 || d.months !== 0) {
    throw new Error(
      `duration ${JSON.stringify(iso)} has years or months, which have no fixed length; use weeks or days`,
    );
  }
  const ms = (d.weeks * 7 + d.days) * DAY_MS + d.hours * HOUR_MS + d.minutes * MINUTE_MS + d.seconds * 1000;
  if (ms > Number.MAX_SAFE_INTEGER) throw new Error(`duration ${JSON.stringify(iso)} is too long`);
  return Math.round(ms);
}

/**
 * The instant `iso` after `startMs`, counted like a wall calendar in `timeZone` (default UTC):
 * years, months, weeks and days move the local date and keep the local time of day (so P1D
 * over a DST change is 23 or 25 hours; Jan 31 + P1M is Feb 28/29), then hours, minutes and
 * seconds are added as elapsed time. A fraction of a week or day is added as elapsed 24-hour
 * days; fractional years or months are refused. Pure; throws on invalid input or zone.
 */
export function addDuration(startMs: number, iso: string, timeZone = 'UTC'): number {
  const d = parseDuration(iso);
  if (!Number.isInteger(d.years) || !Number.isInteger(d.months)) {
    throw new Error(`duration ${JSON.stringify(iso)} has a fractional year or month`);
  }
  const allDays = d.weeks * 7 + d.days;
  const wholeDays = Math.floor(allDays);
  let instant = startMs;
  if (d.years !== 0 || d.months !== 0 || wholeDays !== 0) {
    const local = toLocal(timeZone, startMs);
    const day = dayOf(local);
    const timeOfDay = local - day * DAY_MS;
    const date = new Date(day * DAY_MS);
    const monthIndex = date.getUTCFullYear() * 12 + date.getUTCMonth() + d.years * 12 + d.months;
    const year = Math.floor(monthIndex / 12);
    const month = monthIndex - year * 12 + 1;
    // Clamp to the month's last day, as calendars do (Jan 31 + P1M = Feb 28).
    const lastDay = new Date(utcMs(year, month + 1, 1) - DAY_MS).getUTCDate();
    const targetDay = utcMs(year, month, Math.min(date.getUTCDate(), lastDay)) / DAY_MS + wholeDays;
    instant = fromLocal(timeZone, targetDay * DAY_MS + timeOfDay);
  }
  const exact = (allDays - wholeDays) * DAY_MS + d.hours * HOUR_MS + d.minutes * MINUTE_MS + d.seconds * 1000;
  return Math.round(instant + exact);
}
