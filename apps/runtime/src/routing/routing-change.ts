import type { Store } from '../store/store';

/** What changed for routing: an agent's presence, or who may take work (profiles, groups). */
export type RoutingChangeKind = 'presence' | 'routing';

/**
 * Appends a change that names no case to the live change log, inside the caller's transaction,
 * so that it commits (or not) with the change itself: supervisors' streams announce it and open
 * overviews read again within the feed's poll, in every runtime process on the database. Only
 * supervisors' streams pass these kinds on (live/stream-filter.ts); `caseId` is '' for that.
 */
export async function announceRoutingChange(
  tx: Store,
  kind: RoutingChangeKind,
  about: { users?: readonly string[]; groups?: readonly string[] },
  at: number,
): Promise<void> {
  await tx.changes.append({
    caseId: '',
    customerId: null,
    topLevel: false,
    kinds: [kind],
    publicKinds: [],
    groups: [...(about.groups ?? [])],
    users: [...(about.users ?? [])],
    at,
  });
}
