/** The languages every screen exists in (DESIGN §9). */
export const LOCALES = ['en', 'pt-BR'] as const;
export type Locale = (typeof LOCALES)[number];

export const DEFAULT_LOCALE: Locale = 'en';

/** Names shown in the language picker, each in its own language. */
export const LOCALE_NAMES: Record<Locale, string> = { en: 'English', 'pt-BR': 'Português (Brasil)' };

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/**
 * The first supported locale among `candidates` (a stored choice, a profile's locale,
 * `navigator.languages`), matching by language when the region differs ("pt-PT" → "pt-BR",
 * "en-GB" → "en"). Pure.
 */
export function pickLocale(candidates: readonly (string | null | undefined)[]): Locale {
  for (const candidate of candidates) {
    if (!candidate) continue;
    if (isLocale(candidate)) return candidate;
    const language = candidate.toLowerCase().split(/[-_]/)[0];
    const match = LOCALES.find((l) => l.toLowerCase().split('-')[0] === language);
    if (match) return match;
  }
  return DEFAULT_LOCALE;
}
