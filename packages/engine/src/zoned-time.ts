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

const offsetCache = new Map<string, Map<number, readonly [number, number]>>();
const OFFSET_CACHE_LIMIT = 20_000;

/**
 * The two offsets that can apply to wall-clock times of local day `day`: the offset before
 * and after the day. Equal offsets mean no transition near that day (the common case).
 * Memoised per zone, so walking a calendar day by day costs two look-ups per new day.
 */
export function dayOffsets(timeZone: string, day: number): readonly [before: number, after: number] {
  let zone = offsetCache.get(timeZone);
  if (!zone) {
    zone = new Map();
    offsetCache.set(timeZone, zone);
  }
  let offsets = zone.get(day);
  if (!offsets) {
    offsets = [
      offsetAt(timeZone, day * DAY_MS - MAX_OFFSET_MS),
      offsetAt(timeZone, (day + 1) * DAY_MS + MAX_OFFSET_MS),
    ];
    if (zone.size >= OFFSET_CACHE_LIMIT) zone.clear();
    zone.set(day, offsets);
  }
  return offsets;
}

/**
 * What to do with a wall-clock time that a spring-forward change skips:
 * `shift` moves it forward by the length of the gap (02:30 → 03:30 in Berlin), as Temporal's
 * "compatible" does for dates; `transition` takes the instant of the change, the first moment
 * the clock reads at least that time (02:30 → 03:00), which keeps opening hours monotonic.
 */
export type GapPolicy = 'shift' | 'transition';

/**
 * The instant of a wall-clock reading. A time repeated when clocks fall back maps to its
 * earlier instant; a skipped time follows `gap` (default `shift`).
 */
export function fromLocal(timeZone: string, localMs: number, gap: GapPolicy = 'shift'): number {
  const [before, after] = dayOffsets(timeZone, Math.floor(localMs / DAY_MS));
  if (before === after) return localMs - before;
  const high = Math.max(before, after);
  const low = Math.min(before, after);
  if (offsetAt(timeZone, localMs - high) === high) return localMs - high;
  if (offsetAt(timeZone, localMs - low) === low) return localMs - low;
  if (gap === 'shift') return localMs - before;
  // Binary search for the change between the two readings of the skipped time (offsets are
  // whole seconds, so a one-second resolution is exact).
  let lo = localMs - after;
  let hi = localMs - before;
  while (hi - lo > 1000) {
    const mid = Math.floor((lo + hi) / 2000) * 1000;
    if (mid <= lo) break;
    if (offsetAt(timeZone, mid) === before) lo = mid;
    else hi = mid;
  }
  return hi;
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
