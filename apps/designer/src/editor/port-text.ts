import { type Locale, outcomeLabel } from '@caseflow/schema';
import { useCallback } from 'react';
import { useLocale } from '../i18n/use-locale';
import { useT } from '../i18n/use-t';
import type { DocNode } from './flow-document';

/** Outcomes that node types offer themselves (not named by the flow's author), by message id. */
const BUILT_IN: Readonly<Record<string, string>> = {
  approved: 'port.approved',
  rejected: 'port.rejected',
  timeout: 'port.timeout',
  error: 'port.error',
  'sla-breached': 'port.slaBreached',
};

/**
 * What the canvas writes on a node's outcome port and on the edges leaving by it, in the reader's
 * language: a task's own outcome as its label says (else the id, as agents see it on their
 * buttons), a wait's signal as written, the words of an outcome the node type offers (an
 * approval's "approved", a timeout, an action's error, a breached SLA); anything else as written.
 * Pure.
 */
export function portText(
  node: DocNode | undefined,
  on: string,
  locale: Locale,
  t: (id: string) => string,
): string {
  if (node?.type === 'task' && node.outcomes.includes(on))
    return outcomeLabel(node.outcomeLabels, on, locale);
  if (node?.type === 'wait' && node.signal === on) return on;
  return Object.hasOwn(BUILT_IN, on) ? t(BUILT_IN[on]!) : on;
}

/** portText in the screen's language. */
export function usePortText(): (node: DocNode | undefined, on: string) => string {
  const t = useT();
  const locale = useLocale((s) => s.locale);
  return useCallback((node: DocNode | undefined, on: string) => portText(node, on, locale, t), [locale, t]);
}
