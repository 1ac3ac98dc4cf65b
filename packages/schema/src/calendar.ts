import { z } from 'zod';
import { Key } from './primitives';

const ClockTime = z.string().regex(/^([01]\d|2[0-4]):[0-5]\d$/, 'must be HH:MM (24h)');
export const Weekday = z.enum(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun']);
export type Weekday = z.infer<typeof Weekday>;

/** Working hours of one weekday; several entries for one day give split shifts. */
export const WorkingHours = z.object({ day: Weekday, start: ClockTime, end: ClockTime });
export type WorkingHours = z.infer<typeof WorkingHours>;

export const Holiday = z.object({
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be YYYY-MM-DD'),
  name: z.string().optional(),
});
export type Holiday = z.infer<typeof Holiday>;

/**
 * The public holidays of a country and, optionally, one of its regions (ISO 3166: `BR`, `BR`
 * + `SP`), taken from a maintained holiday library (date-holidays) for every year (DESIGN §9).
 */
export const HolidaySource = z
  .object({
    country: z.string().regex(/^[A-Z]{2}$/, 'must be an ISO 3166-1 country code such as BR'),
    region: z
      .string()
      .regex(/^[A-Z0-9]{1,3}$/, 'must be an ISO 3166-2 subdivision code such as SP')
      .optional(),
  })
  .strict();
export type HolidaySource = z.infer<typeof HolidaySource>;

/** One entry of a calendar's holidays: an explicit local date, or a country's (and region's) holidays. */
export const HolidayEntry = z.union([Holiday, HolidaySource]);
export type HolidayEntry = z.infer<typeof HolidayEntry>;

/** Whether a holiday entry names a country's holidays rather than one date. */
export function isHolidaySource(entry: HolidayEntry): entry is HolidaySource {
  return 'country' in entry;
}

/**
 * A business calendar: weekly hours in an IANA time zone, minus holidays: explicit local dates
 * and/or `{country, region?}` entries; a single `{country, region?}` object stands for a list of
 * one (`holidays: {country: "BR", region: "SP"}`, DESIGN §9). The key "24x7" is reserved for
 * round-the-clock time and needs no definition.
 */
export const BusinessCalendar = z.object({
  key: Key,
  name: z.string().min(1),
  timeZone: z.string().min(1),
  hours: z.array(WorkingHours).min(1),
  holidays: z
    .preprocess(
      (v) => (v !== null && typeof v === 'object' && !Array.isArray(v) ? [v] : v),
      z.array(HolidayEntry),
    )
    .default([]),
});
export type BusinessCalendar = z.infer<typeof BusinessCalendar>;
