import { type Case, isCustomerOnlyRoles, isSupervisor, type Role, roleAtLeast } from '@caseflow/schema';
import type { Viewer } from './task-permissions';

const WORKING = new Set(['open', 'claimed']);

/**
 * Whether `viewer` may cancel `c` — the runtime's rule (executor/cancel-rule.ts), so the button
 * is offered only to those it will not refuse: supervisors and admins; an agent who opened the
 * case, or whose group (or who) holds one of its open tasks, or — none open — worked on one.
 * Approval ballots do not count. Pure. (Customers withdraw their own requests from the portal's
 * request page, not from this one.)
 */
export function mayCancel(viewer: Viewer | null, c: Pick<Case, 'status' | 'createdBy' | 'tasks'>): boolean {
  if (!viewer || c.status !== 'open') return false;
  const roles = viewer.roles as readonly Role[];
  if (isCustomerOnlyRoles(roles) || !roleAtLeast(roles, 'agent')) return false;
  if (isSupervisor({ roles, groups: viewer.groups }) || c.createdBy === viewer.username) return true;
  const ours = (t: Case['tasks'][number]) =>
    t.kind !== 'approval' &&
    (t.assignee === viewer.username || (t.group !== null && viewer.groups.includes(t.group)));
  const open = c.tasks.filter((t) => WORKING.has(t.status));
  return open.length > 0 ? open.some(ours) : c.tasks.some(ours);
}
