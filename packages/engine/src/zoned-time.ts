/**
 * Time-zone arithmetic on epoch milliseconds with nothing but `Intl.DateTimeFormat`.
 * "Local" milliseconds are wall-clock readings written as if they were UTC, so that
 * `Math.floor(local / DAY_MS)` is the local day number (days since 1970-01-01).
 */

export const MINUTE_MS = 60_000;
export const HOUR_MS = 3_600_000;
export const DAY_MS = 86_400_000;
/** No zone is further than this from UTC; bounds the window in which a local day can fall. */
const MAX_OFFSET_MS = 14 * HOUR_MS;

const formatters = new Map<string, Intl.DateTimeFormat>();

/** The cached formatter of a zone; throws an Error naming the zone when it is not an IANA zone. */
function formatterOf(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    try {
      formatter = new Intl.DateTimeFormat('en-US', {
        timeZone,
        hourCycle: 'h23',
        era: 'short',
        year: 'numeric',
        month: 'numeric',
        day: 'numeric',
        hour: 'numeric',
        minute: 'numeric',
        second: 'numeric',
      });
    } catch {
      throw new Error(`unknown time zone "${timeZone}" (expected an IANA name such as Europe/Berlin)`);
    }
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** Throws a clear Error unless `timeZone` is a time zone this runtime knows. */
export function assertTimeZone(timeZone: string): void {
  formatterOf(timeZone);
}

/** Epoch ms of a proleptic Gregorian date-time in UTC; unlike Date.UTC, years 0–99 stay as given. */
export function utcMs(year: number, month: number, day: number, hour = 0, minute = 0, second = 0): number {
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  date.setUTCHours(hour, minute, second, 0);
  return date.getTime();
}

/** Offset of `timeZone` from UTC at an instant, in ms (Europe/Berlin in winter: +3,600,000). */
export function offsetAt(timeZone: string, instantMs: number): number {
  if (timeZone === 'UTC') return 0;
  const whole = Math.floor(instantMs / 1000) * 1000;
  const fields: Record<string, string> = {};
  for (const part of formatterOf(timeZone).formatToParts(whole)) fields[part.type] = part.value;
  const yearOfEra = Number(fields.year);
  const year = fields.era === 'BC' || fields.era === 'B' ? 1 - yearOfEra : yearOfEra;
  const local = utcMs(
    year,
    Number(fields.month),
    Number(fields.day),
    Number(fields.hour),
    Number(fields.minute),
    Number(fields.second),
  );
  return local - whole;
}

/** Wall-clock reading (as local ms) of an instant in `timeZone`. */
export function toLocal(timeZone: string, instantMs: number): number {
  return instantMs + offsetAt(timeZone, instantMs);
}

/**
 * The two offsets that can apply to wall-clock times of local day `day`: the offset before
 * and after the day. Equal offsets mean no transition near that day (the common case).
 */
export function dayOffsets(timeZone: string, day: number): [before: number, after: number] {
  return [
    offsetAt(timeZone, day * DAY_MS - MAX_OFFSET_MS),
    offsetAt(timeZone, (day + 1) * DAY_MS + MAX_OFFSET_MS),
  ];
}

/**
 * The instant of a wall-clock reading, resolved like Temporal's "compatible" disambiguation:
 * a time repeated when clocks fall back maps to its earlier instant, and a time skipped when
 * clocks spring forward maps forward by the length of the gap (02:30 → 03:30 in Berlin).
 * `offsets` may be passed from `dayOffsets` to save look-ups.
 */
export function fromLocal(
  timeZone: string,
  localMs: number,
  offsets: readonly [number, number] = dayOffsets(timeZone, Math.floor(localMs / DAY_MS)),
): number {
  const [before, after] = offsets;
  if (before === after) return localMs - before;
  const early = localMs - Math.max(before, after);
  const late = localMs - Math.min(before, after);
  const earlyValid = offsetAt(timeZone, early) === Math.max(before, after);
  if (earlyValid) return early;
  const lateValid = offsetAt(timeZone, late) === Math.min(before, after);
  if (lateValid) return late;
  // In the gap: read the time with the offset in force before the jump.
  return localMs - before;
}

/** Local day number (days since 1970-01-01) of a local ms value. */
export function dayOf(localMs: number): number {
  return Math.floor(localMs / DAY_MS);
}

/** Weekday of a local day number, 0 = Monday … 6 = Sunday (1970-01-01 was a Thursday). */
export function weekdayOf(day: number): number {
  return (((day + 3) % 7) + 7) % 7;
}

/** Local day number of a `YYYY-MM-DD` date string, or undefined when it is not a real date. */
export function dayOfDate(date: string): number | undefined {
  const match = /^(-?\d{4,})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const ms = utcMs(year, month, day);
  const check = new Date(ms);
  if (check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) return undefined;
  return ms / DAY_MS;
}
