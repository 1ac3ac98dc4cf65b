import type { HolidaySource } from '@caseflow/schema';
import Holidays from 'date-holidays';

/**
 * Holiday kinds a business calendar closes on. `bank` is included because date-holidays files
 * days such as Brazil's Carnival Monday and Tuesday under it: banks and most services close, yet
 * they are not national public holidays in law. Observances and optional days stay working days.
 */
const CLOSED_TYPES = new Set(['public', 'bank']);

const libraries = new Map<string, Holidays>();
const yearCache = new Map<string, readonly string[]>();
const YEAR_CACHE_LIMIT = 1024;

const keyOf = (s: HolidaySource) => (s.region ? `${s.country}-${s.region}` : s.country);

/** The library bound to one country (and region), built once; throws for an unknown one. */
function libraryFor(source: HolidaySource): Holidays {
  const key = keyOf(source);
  let library = libraries.get(key);
  if (library) return library;
  const all = new Holidays();
  if (!all.getCountries()[source.country]) throw new Error(`unknown holiday country ${source.country}`);
  if (source.region && !all.getStates(source.country)?.[source.region]) {
    throw new Error(`unknown holiday region ${source.region} of ${source.country}`);
  }
  library = source.region ? new Holidays(source.country, source.region) : new Holidays(source.country);
  libraries.set(key, library);
  return library;
}

/** Throws when date-holidays does not know the country or region. Pure (reads bundled data). */
export function assertHolidaySource(source: HolidaySource): void {
  libraryFor(source);
}

const closedDays = (library: Holidays, year: number) =>
  library
    .getHolidays(year)
    .filter((h) => CLOSED_TYPES.has(h.type))
    .map((h) => h.date.slice(0, 10));

/**
 * The local dates (YYYY-MM-DD) on which a country's (and region's) public and bank holidays
 * fall in `year`, computed by date-holidays from its bundled rules (no I/O). Cached per year.
 * A region closes at least on its country's days: date-holidays' regional rules can drop a
 * national one (São Paulo's data removes 20 November, national in Brazil since 2024).
 */
export function holidayDates(source: HolidaySource, year: number): readonly string[] {
  const key = `${keyOf(source)}/${year}`;
  const cached = yearCache.get(key);
  if (cached) return cached;
  const national = source.region ? closedDays(libraryFor({ country: source.country }), year) : [];
  const dates = [...new Set([...national, ...closedDays(libraryFor(source), year)])].sort();
  if (yearCache.size >= YEAR_CACHE_LIMIT) yearCache.clear();
  yearCache.set(key, dates);
  return dates;
}
