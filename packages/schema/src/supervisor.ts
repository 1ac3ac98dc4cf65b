import { z } from 'zod';
import { Task } from './api';
import type { Role } from './primitives';
import { roleAtLeast } from './roles';
import { PresenceStatus, RoutingMode } from './routing';

/*
 * The supervisor view (DESIGN §12): who supervises, and what `GET /supervisor/overview` answers.
 */

/** Members of this group supervise the day; admins always may. */
export const SUPERVISORS_GROUP = 'supervisors';

/** True for an admin or a member of the supervisors group. Pure; the runtime checks activity too. */
export function isSupervisor(user: { roles: readonly Role[]; groups: readonly string[] }): boolean {
  return roleAtLeast(user.roles, 'admin') || user.groups.includes(SUPERVISORS_GROUP);
}

/** One queue: the open and claimed work of a group at one tier (null: tasks without a tier). */
export const SupervisorQueue = z.object({
  group: z.string().nullable(),
  tier: z.string().nullable(),
  open: z.number().int(),
  claimed: z.number().int(),
  /** When the oldest task still waiting (open, unclaimed) was created; null when none waits. */
  oldestWaitingAt: z.string().nullable(),
});
export type SupervisorQueue = z.infer<typeof SupervisorQueue>;

/** A task whose clock (its own, else its case's) is past its first warning, or breached. */
export const SupervisorRiskTask = z.object({
  task: Task,
  caseNumber: z.string().nullable(),
  subject: z.string(),
  state: z.enum(['at-risk', 'breached']),
  slaDueAt: z.string().nullable(),
});
export type SupervisorRiskTask = z.infer<typeof SupervisorRiskTask>;

/** An agent as a supervisor sees them: groups, the work they hold now. */
export const SupervisorAgent = z.object({
  username: z.string(),
  displayName: z.string().nullable(),
  groups: z.array(z.string()),
  tiers: z.array(z.string()),
  /** Routing's presence (offline until the agent or a supervisor sets it). */
  presence: PresenceStatus,
  presenceAt: z.string().nullable(),
  /** Tasks claimed by (or assigned to) the agent and not finished. */
  load: z.number().int(),
  /** How many tasks routing gives them at once (their capacity for tasks). */
  capacity: z.number().int(),
  /** The oldest of those first, at most ten. */
  work: z.array(z.object({ taskId: z.string(), caseId: z.string(), title: z.string(), since: z.string() })),
});
export type SupervisorAgent = z.infer<typeof SupervisorAgent>;

/** An SLA breach notification sent to supervisors (outbox `notify` with template `sla-breached`). */
export const BreachNotice = z.object({
  id: z.string(),
  caseId: z.string().nullable(),
  caseNumber: z.string().nullable(),
  /** The flow's SLA id (its case clock or a task's). */
  slaId: z.string().nullable(),
  /** The step whose clock breached; null for a case clock. */
  nodeId: z.string().nullable(),
  /** Who it went to (the flow's `notify` target, e.g. `group:supervisors`). */
  to: z.string(),
  status: z.enum(['pending', 'delivered', 'failed', 'dead']),
  at: z.string(),
});
export type BreachNotice = z.infer<typeof BreachNotice>;

/** `GET /supervisor/overview`. */
export const SupervisorOverview = z.object({
  at: z.string(),
  /** Start of the throughput window ("today", as the caller's `since`). */
  since: z.string(),
  queues: z.array(SupervisorQueue),
  totals: z.object({
    open: z.number().int(),
    claimed: z.number().int(),
    atRisk: z.number().int(),
    breached: z.number().int(),
  }),
  /** Most urgent first (breached, then at risk, each by due time), at most 100. */
  risks: z.array(SupervisorRiskTask),
  throughput: z.object({
    casesOpened: z.number().int(),
    casesClosed: z.number().int(),
    tasksCompleted: z.number().int(),
    byGroup: z.array(z.object({ group: z.string().nullable(), completed: z.number().int() })),
  }),
  agents: z.array(SupervisorAgent),
  /** Every group with how it hands out work; `paused`: a supervisor stopped automatic assignment. */
  groups: z.array(
    z.object({ name: z.string(), description: z.string(), mode: RoutingMode, paused: z.boolean() }),
  ),
  /** Newest first, at most 50. */
  breaches: z.array(BreachNotice),
});
export type SupervisorOverview = z.infer<typeof SupervisorOverview>;

/** PUT /supervisor/groups/:name/assignment: pause or resume a group's automatic assignment. */
export const GroupAssignmentUpdate = z.object({ paused: z.boolean() }).strict();
export type GroupAssignmentUpdate = z.infer<typeof GroupAssignmentUpdate>;
