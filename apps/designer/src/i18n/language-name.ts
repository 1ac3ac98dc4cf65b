import { useIntl } from 'react-intl';
import type { Locale } from './locales';

/**
 * A language's name in the reader's language ("inglês" to a Portuguese reader, "Brazilian
 * Portuguese" to an English one), from the browser's own CLDR names; for labels and sentences
 * that talk about a language. The language picker shows each in its own language instead.
 */
export function languageName(language: Locale, reader: Locale): string {
  try {
    return new Intl.DisplayNames(reader, { type: 'language' }).of(language) ?? language;
  } catch {
    return language;
  }
}

/** The name with a capital first letter, for a label standing alone ("Inglês"). */
export function languageTitle(language: Locale, reader: Locale): string {
  const name = languageName(language, reader);
  return name.charAt(0).toLocaleUpperCase(reader) + name.slice(1);
}

/** languageName and languageTitle for the reader of the screens (the language `t` speaks). */
export function useLanguageNames(): { name(language: Locale): string; title(language: Locale): string } {
  const reader = useIntl().locale as Locale;
  return { name: (l) => languageName(l, reader), title: (l) => languageTitle(l, reader) };
}
