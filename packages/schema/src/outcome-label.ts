import type { LocalizedLabel } from './flow';
import { DEFAULT_LOCALE, LOCALES, type Locale } from './locale';

/**
 * A flow text as a reader in `locale` reads it: one text for everybody as it is; a text per
 * language in theirs, else in another the owner wrote (the default first); undefined when
 * there is none. Pure.
 */
export function textIn(text: string | LocalizedLabel | undefined, locale: Locale): string | undefined {
  if (text === undefined || typeof text === 'string') return text;
  return text[locale] ?? text[DEFAULT_LOCALE] ?? LOCALES.map((l) => text[l]).find((t) => t);
}

/**
 * What a reader in `locale` sees for a task's outcome: its label (textIn), else the outcome id
 * itself. Pure.
 */
export function outcomeLabel(
  labels: Readonly<Record<string, LocalizedLabel>> | undefined,
  outcome: string,
  locale: Locale,
): string {
  const label = labels && Object.hasOwn(labels, outcome) ? labels[outcome] : undefined;
  return textIn(label, locale) ?? outcome;
}
