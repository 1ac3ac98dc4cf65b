import type { Translate } from './node-catalog';

/**
 * A recipient as the pickers say it: "The customer", "Whoever has the task", "Group card-ops",
 * "Tier Card operations", "Person: Lena Lopes"; one it does not know stays as written. Pure.
 */
export function recipientWords(
  to: string,
  t: Translate,
  names: { tier(id: string): string; user(username: string): string },
): string {
  if (to === 'customer') return t('pickers.recipient.customer');
  if (to === 'assignee') return t('pickers.recipient.assignee');
  const [kind, name] = to.split(/:(.*)/s);
  if (!name) return to;
  if (kind === 'group') return t('pickers.recipient.group', { name });
  if (kind === 'tier') return t('pickers.recipient.tier', { name: names.tier(name) });
  if (kind === 'user') return t('pickers.recipient.user', { name: names.user(name) });
  return to;
}
