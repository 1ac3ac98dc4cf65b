import type {
  AgentCapacity,
  AgentSkill,
  OutOfOffice,
  Overflow,
  PresenceStatus,
  RoutingMode,
} from '@caseflow/schema';

/*
 * Routing's part of the Store (Store['routing'], DESIGN §12): agents' routing profiles with
 * their presence, the presence log (the audit trail of presence changes, which schedule
 * adherence is measured from) and each group's routing settings. Both sides pass
 * store/contract/routing.contract.ts.
 */

/** An agent's routing profile; an agent without a row is offline with no skills. */
export interface AgentProfileRow {
  username: string;
  presence: PresenceStatus;
  /** When the presence last changed; null when it never did. */
  presenceAt: number | null;
  skills: AgentSkill[];
  /** Null: the default capacity (DEFAULT_CAPACITY). */
  capacity: AgentCapacity | null;
  /** Business calendar of their working hours; null: no hours set (any time). */
  calendar: string | null;
  outOfOffice: OutOfOffice[];
  /** When routing last gave them a task (round-robin takes the longest-waiting agent first). */
  lastOfferedAt: number | null;
  updatedAt: number;
}

/** One presence change: who changed whose presence to what, when. */
export interface PresenceEventRow {
  username: string;
  at: number;
  status: PresenceStatus;
  /** Who made the change (the agent, a supervisor, or `system` for sign-out and inactivity). */
  by: string;
}

export interface PresenceLogQuery {
  username?: string;
  /** Changes at or after `from` and before `to`. */
  from?: number;
  to?: number;
  /** Default 1000, capped at 10,000. */
  limit?: number;
}

/** A group's routing settings; a group without a row is routed manually. */
export interface GroupRoutingRow {
  group: string;
  mode: RoutingMode;
  offerTimeout: string | null;
  overflow: Overflow | null;
  paused: boolean;
  updatedAt: number;
  updatedBy: string | null;
}

/** Where a routed task stands: waiting in its group's queue, offered to an agent, accepted, or done. */
export type RoutedState = 'waiting' | 'offered' | 'accepted' | 'closed';
export type RoutedWork = keyof AgentCapacity;

/** A task in routing's hands (one row per task of a group that is not routed manually). */
export interface RoutedTaskRow {
  taskId: string;
  caseId: string;
  group: string;
  work: RoutedWork;
  requires: Array<{ name: string; level: number }>;
  /** The task's SLA due time (urgency), or null. */
  dueAt: number | null;
  /** 0 critical … 3 low. */
  priorityRank: number;
  /** When it entered its current group's queue (again after an overflow or a decline). */
  enteredAt: number;
  state: RoutedState;
  agent: string | null;
  offeredAt: number | null;
  /** Agents who declined it or let the offer lapse. */
  declinedBy: string[];
  /** The group it overflowed from, if it did. */
  overflowedFrom: string | null;
  updatedAt: number;
}
export type RoutedTaskPatch = Partial<Omit<RoutedTaskRow, 'taskId' | 'caseId'>> & { updatedAt: number };

export interface RoutingStore {
  profile(username: string): Promise<AgentProfileRow | null>;
  /** The profiles of `usernames` (every profile when omitted), by username. */
  profiles(usernames?: readonly string[]): Promise<AgentProfileRow[]>;
  /**
   * Like profile, and holds the row until the transaction ends (PostgreSQL: FOR UPDATE), so
   * that decisions about one agent's load are taken one after another. Call in a transaction.
   */
  lockProfile(username: string): Promise<AgentProfileRow | null>;
  /**
   * Like lockProfile, to offer `username` work, but answers `held` instead of waiting when
   * waiting could deadlock: on PostgreSQL a transaction (a group-commit batch, which keeps the
   * agents of all its events locked until its COMMIT) waits only for an agent ordered after
   * every agent it holds — transactions that wait in one order cannot wait on each other in a
   * circle — and takes one ordered before only if nobody holds it (SKIP LOCKED). SQLite has one
   * writer and never answers `held`. Call in a transaction.
   */
  lockProfileToOffer(username: string): Promise<AgentProfileRow | null | 'held'>;
  /**
   * Like lockProfile, for a change that must have this agent (a presence change), but never
   * waits in a circle: on PostgreSQL, for an agent ordered before one the transaction (a
   * group-commit batch) holds, it does not wait (NOWAIT) and rejects with lock_not_available
   * (55P03), which event transactions retry after a pause as they do a deadlock — instead of
   * PostgreSQL finding the deadlock a second later. SQLite has one writer: lockProfile.
   * Call in a transaction.
   */
  lockProfileInOrder(username: string): Promise<AgentProfileRow | null>;
  /** Inserts or replaces the profile of `row.username`. */
  saveProfile(row: AgentProfileRow): Promise<AgentProfileRow>;
  appendPresence(event: PresenceEventRow): Promise<void>;
  /** Presence changes oldest first. */
  presenceLog(query?: PresenceLogQuery): Promise<PresenceEventRow[]>;
  groupRouting(group: string): Promise<GroupRoutingRow | null>;
  /** Every group's settings, by group. */
  groupRoutings(): Promise<GroupRoutingRow[]>;
  /** Inserts or replaces the settings of `row.group`. */
  saveGroupRouting(row: GroupRoutingRow): Promise<GroupRoutingRow>;

  /** Inserts a routed task; an existing row of the task is replaced. */
  insertTask(row: RoutedTaskRow): Promise<RoutedTaskRow>;
  task(taskId: string): Promise<RoutedTaskRow | null>;
  /** The routed rows of `taskIds` whose offer waits for its agent to accept it (state `offered`). */
  offered(taskIds: readonly string[]): Promise<RoutedTaskRow[]>;
  /**
   * Writes `patch` when the row is in state `from` (the conditional update every decision
   * goes through: of two processes deciding on one task, one wins); null otherwise.
   */
  moveTask(taskId: string, from: RoutedState, patch: RoutedTaskPatch): Promise<RoutedTaskRow | null>;
  /**
   * Up to `limit` waiting tasks of `group` in queue order (SLA due first, then priority rank,
   * then entry). In a transaction on PostgreSQL the rows are locked and rows another
   * transaction holds are skipped (FOR UPDATE SKIP LOCKED).
   */
  waiting(group: string, limit: number): Promise<RoutedTaskRow[]>;
  /** How many tasks of `group` wait. */
  waitingCount(group: string): Promise<number>;
  /** Offered and accepted tasks held by each of `usernames`, per kind of work. */
  loads(usernames: readonly string[]): Promise<Map<string, AgentCapacity>>;
}
