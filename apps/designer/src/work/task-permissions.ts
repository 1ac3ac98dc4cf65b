import type { Task } from '@caseflow/schema';

/** Who is looking: what the permission rules need of the signed-in user. */
export interface Viewer {
  username: string;
  roles: readonly string[];
  groups: readonly string[];
}

/** What `viewer` may do with `task` — the server's rules (task-rules.ts), so only those are offered. Pure. */
export function taskPermissions(viewer: Viewer | null, task: Task): { claim: boolean; work: boolean } {
  if (!viewer || (task.status !== 'open' && task.status !== 'claimed')) return { claim: false, work: false };
  const admin = viewer.roles.includes('admin');
  const agent = admin || viewer.roles.includes('agent') || viewer.roles.includes('owner');
  if (!agent) return { claim: false, work: false };
  const mine = task.assignee === viewer.username;
  if (task.kind === 'approval') return { claim: false, work: mine };
  const member = task.group !== null && viewer.groups.includes(task.group);
  if (task.assignee !== null && !mine) return { claim: false, work: false };
  const may = admin || mine || member;
  return { claim: may && task.assignee === null, work: may };
}
