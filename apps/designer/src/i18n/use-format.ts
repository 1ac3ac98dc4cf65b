import { useMemo } from 'react';
import { clockTime, dateTime, durationInWords, isoDurationInWords, relativeTime } from './format';
import { useLocale } from './use-locale';

/** The format helpers bound to the current language. */
export function useFormat() {
  const locale = useLocale((s) => s.locale);
  return useMemo(
    () => ({
      locale,
      duration: (ms: number, parts?: number) => durationInWords(ms, locale, parts),
      isoDuration: (iso: string) => isoDurationInWords(iso, locale),
      relative: (at: string | number | Date, now = Date.now()) => relativeTime(at, now, locale),
      dateTime: (at: string | number | Date | null | undefined) => dateTime(at, locale),
      clock: (at: string | number | Date, now = Date.now()) => clockTime(at, now, locale),
      number: (n: number, options?: Intl.NumberFormatOptions) =>
        new Intl.NumberFormat(locale, options).format(n),
    }),
    [locale],
  );
}
