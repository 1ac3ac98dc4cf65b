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
 * A business calendar: weekly hours in an IANA time zone, minus holidays (local dates).
 * The key "24x7" is reserved for round-the-clock time and needs no definition.
 */
export const BusinessCalendar = z.object({
  key: Key,
  name: z.string().min(1),
  timeZone: z.string().min(1),
  hours: z.array(WorkingHours).min(1),
  holidays: z.array(Holiday).default([]),
});
export type BusinessCalendar = z.infer<typeof BusinessCalendar>;
