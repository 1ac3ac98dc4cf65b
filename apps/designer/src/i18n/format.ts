import type { Locale } from './locales';

/** Calendar units a duration is spoken in, largest first. */
const UNITS = [
  ['day', 86_400_000],
  ['hour', 3_600_000],
  ['minute', 60_000],
  ['second', 1_000],
] as const;

/**
 * Milliseconds in words for `locale`: "2 hours and 30 minutes", "2 horas e 30 minutos" — at most
 * `parts` units, largest first, rounding the last one down. Pure.
 */
export function durationInWords(ms: number, locale: Locale, parts = 2): string {
  const abs = Math.abs(ms);
  const words: string[] = [];
  let rest = abs;
  for (const [unit, size] of UNITS) {
    if (words.length >= parts) break;
    const n = Math.floor(rest / size);
    if (n === 0 && !(unit === 'second' && words.length === 0)) continue;
    rest -= n * size;
    words.push(new Intl.NumberFormat(locale, { style: 'unit', unit, unitDisplay: 'long' }).format(n));
  }
  return new Intl.ListFormat(locale, { style: 'long', type: 'conjunction' }).format(words);
}

/**
 * An ISO-8601 duration (`PT8H`, `P2DT4H`, `PT30M`) as milliseconds, or null when it is not one.
 * Years and months are refused: their length depends on the date. Pure.
 */
export function isoDurationToMs(iso: string): number | null {
  const m = /^P(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?$/.exec(iso);
  if (!m || iso === 'P' || iso.endsWith('T')) return null;
  const [, w, d, h, min, s] = m;
  return (
    Number(w ?? 0) * 604_800_000 +
    Number(d ?? 0) * 86_400_000 +
    Number(h ?? 0) * 3_600_000 +
    Number(min ?? 0) * 60_000 +
    Math.round(Number(s ?? 0) * 1000)
  );
}

/** An ISO-8601 duration in words ("8 hours"); the raw text when it cannot be read. Pure. */
export function isoDurationInWords(iso: string, locale: Locale): string {
  const ms = isoDurationToMs(iso);
  return ms === null ? iso : durationInWords(ms, locale);
}

/**
 * "in 42 minutes", "3 hours ago", "em 42 minutos", "há 3 horas" relative to `now`, to the
 * nearest unit: 3 h 59 min is "in 4 hours" (beside "by 05:38", truncating read as a contradiction).
 * Days are calendar days in the reader's time zone: on Saturday evening, Monday 08:30 is "in 2
 * days", not "tomorrow" (35 hours rounded to one day). Pure.
 */
export function relativeTime(at: string | number | Date, now: number, locale: Locale): string {
  const time = new Date(at).getTime();
  const diff = time - now;
  const rtf = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
  for (const [unit, size] of UNITS) {
    if (Math.abs(diff) < size && unit !== 'second') continue;
    if (unit === 'day') return rtf.format(calendarDays(time, now), 'day');
    return rtf.format(Math.round(diff / size) || 0, unit);
  }
  return rtf.format(0, 'second');
}

/** Calendar days from `now`'s date to `at`'s, in the local time zone (a DST day counts as one). */
function calendarDays(at: number, now: number): number {
  const a = new Date(at);
  const b = new Date(now);
  const days =
    Date.UTC(a.getFullYear(), a.getMonth(), a.getDate()) -
    Date.UTC(b.getFullYear(), b.getMonth(), b.getDate());
  return Math.round(days / 86_400_000);
}

/** "5 Jan 2026, 09:00" / "5 de jan. de 2026, 09:00"; "—" for nothing. Pure. */
export function dateTime(at: string | number | Date | null | undefined, locale: Locale): string {
  if (at === null || at === undefined || at === '') return '—';
  const d = new Date(at);
  if (Number.isNaN(d.getTime())) return String(at);
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(d);
}

/** "14:30" today, else the short date and time. Pure. */
export function clockTime(at: string | number | Date, now: number, locale: Locale): string {
  const d = new Date(at);
  const sameDay = new Date(now).toDateString() === d.toDateString();
  return new Intl.DateTimeFormat(
    locale,
    sameDay ? { timeStyle: 'short' } : { dateStyle: 'short', timeStyle: 'short' },
  ).format(d);
}
