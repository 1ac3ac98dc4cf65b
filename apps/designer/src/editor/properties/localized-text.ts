import type { LocalizedLabel } from '@caseflow/schema';
import { LOCALES, type Locale } from '../../i18n/locales';
import { textOrNothing, withEntry } from '../../i18n/text-map';

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
  const each: LocalizedLabel | undefined =
    typeof label === 'string' ? Object.fromEntries(LOCALES.map((l) => [l, label])) : label;
  return withEntry(each, locale, textOrNothing(text));
}
