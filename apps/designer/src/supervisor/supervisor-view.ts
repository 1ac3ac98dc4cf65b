import type { SupervisorAgent, SupervisorRiskTask } from '@caseflow/schema';

/*
 * The supervisor screen's plain logic (no React): the throughput window and who a task may be
 * reassigned to. The runtime decides again in the command; these only shape the choices shown.
 */

/**
 * The start of the day that holds `now` (epoch ms, the runtime's time), at local midnight of
 * the browser's time zone, as ISO: "today" for the throughput tiles. Pure.
 */
export function localMidnight(now: number): string {
  const d = new Date(now);
  d.setHours(0, 0, 0, 0);
  return d.toISOString();
}

/**
 * Agents a task may go to: members of its group other than its holder, by name. Pure (the
 * delegate command checks membership, activity and ballots again).
 */
export function reassignCandidates(
  agents: readonly SupervisorAgent[],
  task: SupervisorRiskTask['task'],
): SupervisorAgent[] {
  if (task.group === null || task.kind !== 'task') return [];
  return agents.filter((a) => a.groups.includes(task.group!) && a.username !== task.assignee);
}
