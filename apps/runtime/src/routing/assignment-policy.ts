import type { AgentCapacity, Priority, RoutingMode } from '@caseflow/schema';

/*
 * Who gets a task (DESIGN §12), as pure functions over plain data: no store, no clock. The
 * runtime gathers the facts (router.ts), these decide, and the runtime writes the decision in
 * the transaction that re-checks the chosen agent under a row lock.
 */

/** The kind of work a task is, each with its own capacity. */
export type WorkKind = keyof AgentCapacity;

/** A required skill: the agent needs it at `level` or above. */
export interface SkillNeed {
  name: string;
  level: number;
}

/** A task waiting for an agent. */
export interface QueuedTask {
  id: string;
  work: WorkKind;
  requires: readonly SkillNeed[];
  /** When its SLA clock runs out (null: no clock); the most urgent goes first. */
  dueAt: number | null;
  priority: Priority;
  /** When it entered the queue. */
  enteredAt: number;
  /** Agents who declined it or let the offer expire: it goes to someone else. */
  declinedBy: readonly string[];
}

/** An agent as assignment sees them at one instant. */
export interface Candidate {
  username: string;
  online: boolean;
  /** Inside an out-of-office period now. */
  outOfOffice: boolean;
  /** Inside their working hours now (true when they have no calendar). */
  onShift: boolean;
  skills: Readonly<Record<string, number>>;
  capacity: AgentCapacity;
  /** Work they hold now, per kind. */
  load: AgentCapacity;
  /** When they were last given a task; null: never (they go first in round-robin). */
  lastOfferedAt: number | null;
}

const PRIORITY_RANK: Record<Priority, number> = { critical: 0, high: 1, normal: 2, low: 3 };

/** The numeric rank of a priority: 0 (critical) is served first. */
export function priorityRank(priority: Priority): number {
  return PRIORITY_RANK[priority];
}

/**
 * Queue order: SLA urgency (earliest due first, tasks without a clock after those with one),
 * then priority, then age (oldest first), then id. A comparator for Array.prototype.sort.
 */
export function queueOrder(a: QueuedTask, b: QueuedTask): number {
  const due = (a.dueAt ?? Number.POSITIVE_INFINITY) - (b.dueAt ?? Number.POSITIVE_INFINITY);
  if (due !== 0 && !Number.isNaN(due)) return due;
  const rank = PRIORITY_RANK[a.priority] - PRIORITY_RANK[b.priority];
  if (rank !== 0) return rank;
  if (a.enteredAt !== b.enteredAt) return a.enteredAt - b.enteredAt;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** Whether `agent` may receive a task of kind `work` now: online, at work, with room for it. */
export function isAvailable(agent: Candidate, work: WorkKind): boolean {
  return agent.online && !agent.outOfOffice && agent.onShift && agent.load[work] < agent.capacity[work];
}

/** Whether `agent` holds every skill `task` needs at its level. */
export function hasSkills(agent: Pick<Candidate, 'skills'>, requires: readonly SkillNeed[]): boolean {
  return requires.every((need) => (agent.skills[need.name] ?? 0) >= need.level);
}

/** The agents who may take `task` now, in no particular order. */
export function eligible(task: QueuedTask, agents: readonly Candidate[]): Candidate[] {
  return agents.filter(
    (a) => isAvailable(a, task.work) && hasSkills(a, task.requires) && !task.declinedBy.includes(a.username),
  );
}

const byName = (a: Candidate, b: Candidate) =>
  a.username < b.username ? -1 : a.username > b.username ? 1 : 0;
const longestIdle = (a: Candidate, b: Candidate) =>
  (a.lastOfferedAt ?? Number.NEGATIVE_INFINITY) - (b.lastOfferedAt ?? Number.NEGATIVE_INFINITY) ||
  byName(a, b);
const loadShare = (a: Candidate, work: WorkKind) => a.load[work] / a.capacity[work];
/** How well `agent` covers the needs: the sum of their levels in the skills asked for. */
const skillScore = (a: Candidate, requires: readonly SkillNeed[]) =>
  requires.reduce((sum, need) => sum + (a.skills[need.name] ?? 0), 0);

/**
 * The agents who may take `task`, best first, by the group's `mode`; empty for `manual`.
 * - round-robin: the one given work longest ago first (never-served first);
 * - least-loaded: the lowest share of their capacity in use first, then round-robin;
 * - skills: the highest levels in the required skills first, then least-loaded.
 * The caller offers to the first and, when the locked re-check refuses them (another process
 * got there first), to the next.
 */
export function rankAgents(mode: RoutingMode, task: QueuedTask, agents: readonly Candidate[]): Candidate[] {
  if (mode === 'manual') return [];
  const pool = eligible(task, agents);
  const leastLoaded = (a: Candidate, b: Candidate) =>
    loadShare(a, task.work) - loadShare(b, task.work) || longestIdle(a, b);
  switch (mode) {
    case 'round-robin':
      return pool.sort(longestIdle);
    case 'least-loaded':
      return pool.sort(leastLoaded);
    case 'skills':
      return pool.sort(
        (a, b) => skillScore(b, task.requires) - skillScore(a, task.requires) || leastLoaded(a, b),
      );
  }
}

/** One decision of `assignAll`. */
export interface Assignment {
  taskId: string;
  agent: string;
}

/**
 * Hands out `tasks` in queue order to `agents` at instant `now` as the runtime would one by
 * one: each task to the best-ranked agent, whose load and last-offer time then change. Answers
 * the assignments; tasks nobody may take are left out (they wait). Pure: inputs are not changed.
 */
export function assignAll(
  mode: RoutingMode,
  tasks: readonly QueuedTask[],
  agents: readonly Candidate[],
  now: number,
): Assignment[] {
  const live = agents.map((a) => ({ ...a, load: { ...a.load } }));
  const out: Assignment[] = [];
  for (const task of [...tasks].sort(queueOrder)) {
    const best = rankAgents(mode, task, live)[0];
    if (!best) continue;
    best.load[task.work] += 1;
    best.lastOfferedAt = offerStamp(now, live);
    out.push({ taskId: task.id, agent: best.username });
  }
  return out;
}

/**
 * The `lastOfferedAt` of the next offer: `now`, or one above the latest stamp among `agents`
 * when that is not below it, so that offers made within one millisecond (a burst, a manual
 * clock) still queue the agents one behind the other and round-robin stays a rotation.
 */
export function offerStamp(now: number, agents: ReadonlyArray<Pick<Candidate, 'lastOfferedAt'>>): number {
  let latest = Number.NEGATIVE_INFINITY;
  for (const a of agents) if (a.lastOfferedAt !== null && a.lastOfferedAt > latest) latest = a.lastOfferedAt;
  return Math.max(now, latest + 1);
}
