import { roleAtLeast } from '@caseflow/schema';
import { isCustomerOnly } from '../auth/roles';
import { isSupervisor } from '../routing/agent-profile';
import type { ChangeKind, ChangeRow, UserRow } from '../store/store';

/** What a stream announces of a change to its user: the kinds, or null for nothing. */
export type StreamFilter = (change: ChangeRow) => ChangeKind[] | null;

/**
 * What of a change a customer may hear: its public entries (messages, surveys, the opening and
 * closing) and the case and SLA changes their projection shows (step, due times). Never task
 * changes, and nothing of subflow children or of other customers' cases.
 */
export function customerKinds(change: ChangeRow, customerId: string | null): ChangeKind[] | null {
  if (customerId === null || change.customerId !== customerId || !change.topLevel) return null;
  const kinds = new Set<ChangeKind>(change.publicKinds.filter((k) => k !== 'task'));
  for (const k of change.kinds) if (k === 'case' || k === 'sla') kinds.add(k);
  return kinds.size > 0 ? [...kinds].sort() : null;
}

/** Kinds that name no case (routing-change.ts): only supervisors' streams carry them. */
const ROUTING_KINDS: ReadonlySet<ChangeKind> = new Set(['presence', 'routing']);

/** `change`'s case kinds, or null when it is a routing change (no case to read again). */
function caseKinds(change: ChangeRow): ChangeKind[] | null {
  return change.kinds.some((k) => ROUTING_KINDS.has(k)) ? null : change.kinds;
}

/** The filter of `GET /cases/:id/events` for `user` (who may see the case: checked before). */
export function caseStreamFilter(user: UserRow, caseId: string): StreamFilter {
  if (isCustomerOnly(user)) {
    return (change) => (change.caseId === caseId ? customerKinds(change, user.customerId) : null);
  }
  return (change) => (change.caseId === caseId ? caseKinds(change) : null);
}

/**
 * The filter of `GET /events`: customers hear of their own requests; agents of their groups'
 * queues and of work that names them (assigned, delegated); owners and admins of every case.
 * Never of presence or routing changes (no case: the supervisor stream carries them).
 */
export function userStreamFilter(user: UserRow): StreamFilter {
  if (isCustomerOnly(user)) return (change) => customerKinds(change, user.customerId);
  if (roleAtLeast(user.roles, 'owner')) return caseKinds;
  const groups = new Set(user.groups);
  return (change) =>
    change.groups.some((g) => groups.has(g)) || change.users.includes(user.username)
      ? caseKinds(change)
      : null;
}

/**
 * The filter of `GET /supervisor/events`: a supervisor watches every queue and agent, so any
 * change of work, clocks, cases, presence or routing settings (not messages: the overview shows
 * none) announces a new overview.
 * Nothing at all for anyone else (the route refuses them first; this is the second lock).
 */
export function supervisorStreamFilter(user: UserRow): StreamFilter {
  if (!isSupervisor(user)) return () => null;
  return (change) => {
    const kinds = change.kinds.filter((k) => k !== 'message');
    return kinds.length > 0 ? kinds : null;
  };
}
