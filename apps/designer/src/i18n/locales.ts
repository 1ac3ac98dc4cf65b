import { DEFAULT_LOCALE, isLocale, LOCALES, type Locale, matchLocale } from '@caseflow/schema';

// The languages are the runtime's (DESIGN §9): one list, one matching rule.
export { DEFAULT_LOCALE, isLocale, LOCALES, type Locale };

/** Names shown in the language picker, each in its own language. */
export const LOCALE_NAMES: Record<Locale, string> = { en: 'English', 'pt-BR': 'Português (Brasil)' };

/**
 * The first supported locale among `candidates` (a stored choice, a profile's locale,
 * `navigator.languages`), matching by language when the region differs ("pt-PT" → "pt-BR",
 * "en-GB" → "en"). Pure.
 */
export function pickLocale(candidates: readonly (string | null | undefined)[]): Locale {
  for (const candidate of candidates) {
    const match = candidate ? matchLocale(candidate) : undefined;
    if (match) return match;
  }
  return DEFAULT_LOCALE;
}
