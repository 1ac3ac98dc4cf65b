import type { LocalizedLabel } from '@caseflow/schema';
import { LOCALES, type Locale } from '../../i18n/locales';

/**
 * A text per language with `locale`'s set to `text` (an empty text removes it; undefined when
 * none is left). One text for every language (a flow written before texts per language) counts
 * as that text in each, so setting one language keeps it in the others. Pure.
 */
export function withText(
  label: string | LocalizedLabel | undefined,
  locale: Locale,
  text: string,
): LocalizedLabel | undefined {
  const next: LocalizedLabel =
    typeof label === 'string' ? Object.fromEntries(LOCALES.map((l) => [l, label])) : { ...label };
  if (text.trim() === '') delete next[locale];
  else next[locale] = text;
  return Object.keys(next).length > 0 ? next : undefined;
}
