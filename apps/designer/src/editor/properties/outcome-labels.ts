import type { LocalizedLabel } from '@caseflow/schema';
import type { Locale } from '../../i18n/locales';
import { onlyKeys, withEntry } from '../../i18n/text-map';
import { withText } from './localized-text';

export type OutcomeLabels = Record<string, LocalizedLabel>;

/**
 * The labels with `outcome`'s text in `locale` set to `text`; an empty text removes it, and
 * an outcome or the whole map left without text goes too (the schema wants no empty label).
 * Pure.
 */
export function withOutcomeLabel(
  labels: OutcomeLabels | undefined,
  outcome: string,
  locale: Locale,
  text: string,
): OutcomeLabels | undefined {
  return withEntry(labels, outcome, withText(labels?.[outcome], locale, text));
}

/**
 * Only the labels of outcomes the task still has: a renamed or removed outcome's label would
 * be refused by the schema, and nobody could read it. Pure.
 */
export function labelsOfOutcomes(
  labels: OutcomeLabels | undefined,
  outcomes: readonly string[],
): OutcomeLabels | undefined {
  return onlyKeys(labels, outcomes);
}

/**
 * The labels after the outcome list changed to `outcomes`, and the labels of outcomes it
 * dropped kept aside (`aside`): an outcome typed away and back (a backspace in its name, then
 * the letter again) gets its labels back. A label the task still has always wins. Pure.
 */
export function labelsForOutcomes(
  labels: OutcomeLabels | undefined,
  outcomes: readonly string[],
  aside: OutcomeLabels,
): { labels: OutcomeLabels | undefined; aside: OutcomeLabels } {
  const present = new Set(outcomes);
  const nextAside: OutcomeLabels = { ...aside };
  const kept: OutcomeLabels = {};
  for (const [outcome, label] of Object.entries(labels ?? {})) {
    if (present.has(outcome)) kept[outcome] = label;
    else nextAside[outcome] = label;
  }
  for (const outcome of outcomes) {
    const back = nextAside[outcome];
    if (back && !kept[outcome]) kept[outcome] = back;
    delete nextAside[outcome];
  }
  return { labels: labelsOfOutcomes(kept, outcomes), aside: nextAside };
}
