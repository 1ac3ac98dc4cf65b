import type { LocalizedLabel } from '@caseflow/schema';
import type { Locale } from '../../i18n/locales';

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
  const label: LocalizedLabel = { ...labels?.[outcome], [locale]: text };
  if (text.trim() === '') delete label[locale];
  const next: OutcomeLabels = { ...labels, [outcome]: label };
  if (Object.keys(label).length === 0) delete next[outcome];
  return Object.keys(next).length > 0 ? next : undefined;
}

/**
 * Only the labels of outcomes the task still has: a renamed or removed outcome's label would
 * be refused by the schema, and nobody could read it. Pure.
 */
export function labelsOfOutcomes(
  labels: OutcomeLabels | undefined,
  outcomes: readonly string[],
): OutcomeLabels | undefined {
  if (!labels) return undefined;
  const kept = Object.entries(labels).filter(([outcome]) => outcomes.includes(outcome));
  return kept.length > 0 ? Object.fromEntries(kept) : undefined;
}
