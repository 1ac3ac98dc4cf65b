import type { CaseRow, ChangeKind, NewChange, NewTimelineEntry } from '../store/store';

/** What a timeline entry type says changed, for the live streams. */
export function changeKindOf(type: string): ChangeKind {
  if (type === 'message') return 'message';
  if (type.startsWith('task.') || type.startsWith('approval.')) return 'task';
  if (type.startsWith('sla.')) return 'sla';
  return 'case';
}

/**
 * The change-log row of one case write: which kinds of things changed (and which of them a
 * customer may hear about: public entries only), the task groups and the people concerned.
 * Pure; null when the write added no timeline entries.
 */
export function changeOf(
  row: Pick<CaseRow, 'id' | 'customerId' | 'parentCaseId'>,
  entries: readonly NewTimelineEntry[],
  at: number,
): NewChange | null {
  if (entries.length === 0) return null;
  const kinds = new Set<ChangeKind>();
  const publicKinds = new Set<ChangeKind>();
  const groups = new Set<string>();
  const users = new Set<string>();
  for (const entry of entries) {
    const kind = changeKindOf(entry.type);
    kinds.add(kind);
    if (entry.public) publicKinds.add(kind);
    const data = entry.data ?? {};
    if (typeof data.group === 'string') groups.add(data.group);
    for (const key of ['assignee', 'to', 'from'] as const) {
      const value = data[key];
      if (typeof value === 'string' && kind === 'task') users.add(value);
    }
    if (entry.actor && kind === 'task') users.add(entry.actor);
  }
  return {
    caseId: row.id,
    customerId: row.customerId,
    topLevel: row.parentCaseId === null,
    kinds: [...kinds].sort(),
    publicKinds: [...publicKinds].sort(),
    groups: [...groups].sort(),
    users: [...users].sort(),
    at,
  };
}
