import type { LocalizedLabel } from './flow';
import { DEFAULT_LOCALE, LOCALES, type Locale } from './locale';

/**
 * What a reader in `locale` sees for a task's outcome: its label in that language, else in
 * another language the owner wrote (the default first), else the outcome id itself. Pure.
 */
export function outcomeLabel(
  labels: Readonly<Record<string, LocalizedLabel>> | undefined,
  outcome: string,
  locale: Locale,
): string {
  const label = Object.hasOwn(labels ?? {}, outcome) ? labels![outcome] : undefined;
  if (!label) return outcome;
  return (
    label[locale] ?? label[DEFAULT_LOCALE] ?? LOCALES.map((l) => label[l]).find((text) => text) ?? outcome
  );
}
