import type {
  CatalogItem,
  Channel,
  Cohort,
  Locale,
  MessageVisibility,
  Priority,
  Problem,
  Role,
  SurveyKind,
} from '@caseflow/schema';
import type { ActivationStore } from './activation-store';
import type { AnalyticsSummary, SummaryPeriod, SummaryQuery } from './analytics-summary';
import type { ChannelStore } from './channel-store';
import type { ChatStore } from './chat-store';
import type { ChatVisitorStore } from './chat-visitor-store';
import type { CustomerMergeStore } from './customer-merge-store';
import type { KbStore } from './kb-store';
import type { MessagingStore } from './messaging-store';
import type { ResponseStore } from './response-store';
import type { RollupRepo } from './rollup-rows';
import type { RoutingStore } from './routing-store';

/*
 * The one storage interface of the runtime. Two sides implement it: SQLite (better-sqlite3,
 * store/sqlite) and PostgreSQL (pg, store/pg); both pass store/store.contract.ts.
 *
 * Conventions
 * - Every method is async on both sides.
 * - Times are epoch milliseconds (numbers); the HTTP layer formats them as ISO strings.
 * - JSON columns come back parsed; absent values are `null`, never `undefined`.
 * - `get…` answers `null` when the row does not exist; `update…` answers the updated row or
 *   `null` when nothing matched (unknown id, or a stale revision for cases).
 * - List methods with paging answer `{ items, next }`; pass `next` back as `cursor`.
 * - Password hashes go in through `users.create` and come out only through
 *   `users.getCredentials`; no other method returns them.
 */

/** `{ items, next }`: `next` is an opaque cursor for the following page, or null at the end. */
export interface Page<T> {
  items: T[];
  next: string | null;
}

export interface PageQuery {
  /** Default 50, capped at 500. */
  limit?: number;
  cursor?: string | null;
}

/** A page of one case's history (timeline, messages): oldest first unless `order` is `desc`. */
export interface HistoryPageQuery extends PageQuery {
  order?: 'asc' | 'desc';
}

// ---------------------------------------------------------------------------------------------
// Rows

export interface UserRow {
  username: string;
  displayName: string | null;
  roles: Role[];
  groups: string[];
  tiers: string[];
  customerId: string | null;
  email: string | null;
  /** A deactivated user cannot sign in; their sessions are revoked. */
  active: boolean;
  passwordChangedAt: number | null;
  createdAt: number;
  /** The user's language (DESIGN §9); null until they pick one (optional for rows built in tests). */
  locale?: Locale | null;
}
export interface NewUser {
  username: string;
  /** Already hashed (the auth module hashes; the store never sees a password). */
  passwordHash: string;
  displayName?: string | null;
  roles: Role[];
  groups?: string[];
  tiers?: string[];
  customerId?: string | null;
  email?: string | null;
  locale?: Locale | null;
  createdAt: number;
}
export type UserPatch = Partial<
  Pick<
    UserRow,
    | 'displayName'
    | 'roles'
    | 'groups'
    | 'tiers'
    | 'customerId'
    | 'email'
    | 'active'
    | 'passwordChangedAt'
    | 'locale'
  >
> & {
  passwordHash?: string;
};

/**
 * A server-side session: the bearer token names it (auth/session-token.ts). Expiry is the
 * server's: `expiresAt` is absolute, `lastSeenAt` measures idleness; `revokedAt` ends it at once.
 */
export interface SessionRow {
  id: string;
  username: string;
  createdAt: number;
  expiresAt: number;
  lastSeenAt: number;
  revokedAt: number | null;
  /** The client address it was opened from (normalised: IPv6 as its /64), or null. */
  source: string | null;
  userAgent: string | null;
}

export interface GroupRow {
  name: string;
  description: string;
  createdAt: number;
}

export interface CustomerRow {
  id: string;
  name: string;
  email: string | null;
  phone: string | null;
  segment: string | null;
  attributes: Record<string, unknown>;
  tags: string[];
  createdAt: number;
  updatedAt: number;
  /** The language of what the customer receives (DESIGN §9); null: the default (en). Optional as above. */
  locale?: Locale | null;
  /** A merged contact (tombstone): the customer it now is; null or absent for a live one. */
  mergedInto?: string | null;
  mergedAt?: number | null;
}
export type NewCustomer = Omit<
  CustomerRow,
  'email' | 'phone' | 'segment' | 'attributes' | 'tags' | 'updatedAt' | 'locale' | 'mergedInto' | 'mergedAt'
> &
  Partial<Pick<CustomerRow, 'email' | 'phone' | 'segment' | 'attributes' | 'tags' | 'updatedAt' | 'locale'>>;
export type CustomerPatch = Partial<
  Pick<CustomerRow, 'name' | 'email' | 'phone' | 'segment' | 'attributes' | 'tags' | 'locale'>
>;

/** A flow's mutable draft plus pointers; versions are separate immutable rows. */
export interface FlowRow {
  key: string;
  name: string;
  kind: string;
  /** The draft definition as saved (may be invalid). */
  draft: unknown;
  /** validateFlow problems of the draft at save time. */
  problems: Problem[];
  /** Version used for new cases, or null when none is active. */
  activeVersion: number | null;
  updatedBy: string | null;
  createdAt: number;
  updatedAt: number;
}
/** A flow as a new case chooses its version (flows.launch). */
export interface FlowLaunch {
  key: string;
  kind: FlowRow['kind'];
  activeVersion: number | null;
  /** The newest pilot of the flow whose status is `active`, if any. */
  pilot: PilotRow | null;
}

export interface FlowDraft {
  key: string;
  name: string;
  kind: string;
  draft: unknown;
  problems: Problem[];
  updatedBy: string | null;
  updatedAt: number;
}

/** One immutable published version. `definition` is the parsed FlowDefinition. */
export interface FlowVersionRow {
  flow: string;
  version: number;
  definition: unknown;
  /** compileFlow(...).config: serialisable JSON for the designer's "compiled machine" view. */
  config: unknown;
  /** sha256 (hex) of the canonical JSON of `definition`. */
  checksum: string;
  author: string | null;
  note: string;
  createdAt: number;
}

/** A catalog item as stored; `updatedAt` is epoch ms here (the schema's ISO string is the HTTP form). */
export interface CatalogItemRow extends Omit<CatalogItem, 'updatedAt'> {
  updatedAt: number;
}

export type PilotStatus = 'active' | 'promoted' | 'stopped';
export interface PilotRow {
  id: string;
  flow: string;
  version: number;
  baselineVersion: number | null;
  percentage: number;
  segments: string[];
  customerIds: string[];
  note: string;
  status: PilotStatus;
  createdBy: string | null;
  createdAt: number;
  endedAt: number | null;
}

export type CaseStatus = 'open' | 'resolved' | 'cancelled' | 'rejected' | 'failed';
export interface CaseRow {
  id: string;
  flow: string;
  version: number;
  pilotId: string | null;
  cohort: Cohort | null;
  customerId: string | null;
  channel: Channel;
  subject: string;
  priority: Priority;
  status: CaseStatus;
  activeNodes: string[];
  variables: Record<string, unknown>;
  /** The engine snapshot (JSON). */
  snapshot: unknown;
  /** Starts at 1; every committed event adds 1. */
  revision: number;
  /** Set on subflow children: the parent case, the parent's subflow node and the child id. */
  parentCaseId: string | null;
  parentNodeId: string | null;
  childId: string | null;
  createdBy: string | null;
  createdAt: number;
  updatedAt: number;
  closedAt: number | null;
  firstResponseAt: number | null;
  /** Readable per-deployment number, shown as REQ-000123; null on rows from before numbering. */
  number: number | null;
}
/** A case row without its snapshot (what list and scan answer). */
export type CaseSummary = Omit<CaseRow, 'snapshot'>;
export type CaseUpdate = Partial<
  Pick<
    CaseRow,
    | 'status'
    | 'activeNodes'
    | 'variables'
    | 'snapshot'
    | 'closedAt'
    | 'firstResponseAt'
    | 'updatedAt'
    /** Only a migration changes a running case's version. */
    | 'version'
  >
>;
/** What an event writes on its case (cases.commit); the same columns every time. */
export type CaseCommitPatch = Pick<
  CaseRow,
  'status' | 'activeNodes' | 'variables' | 'snapshot' | 'closedAt' | 'updatedAt'
>;
/** A case's tasks, SLA clocks and surveys (cases.parts). */
export interface CaseParts {
  tasks: TaskRow[];
  slas: SlaRow[];
  surveys: SurveyRow[];
}
/** cases.commit's answer: the updated row (no snapshot) and, when asked for, its parts. */
export interface CaseCommit {
  row: CaseSummary;
  parts: CaseParts | null;
}
export interface CaseQuery extends PageQuery {
  status?: CaseStatus;
  customerId?: string;
  flow?: string;
  /** Cases with an open or claimed task in this group. */
  queue?: string;
  parentCaseId?: string;
  /** Only top-level cases (no subflow children): what customers may ever see. */
  topLevel?: boolean;
  /** Search: the number (REQ-000123 or 123), a subject substring (any case) or the customer id. */
  q?: string;
}
/** Unpaged read for metrics, heat maps and pilot reports (no snapshots). */
export interface CaseScan {
  flow?: string;
  version?: number;
  pilotId?: string;
  createdFrom?: number;
  createdTo?: number;
  /**
   * Subflow children are internal steps of other cases: left out unless asked for
   * (`exclude` by default; `only` the children; `include` every case).
   */
  subflows?: 'exclude' | 'only' | 'include';
  /** Only these cases (the rollup fold reads the facts of the cases it folds). */
  caseIds?: string[];
}

export type TaskStatus = 'open' | 'claimed' | 'completed' | 'cancelled' | 'escalated';
export interface TaskRow {
  /** Global id (used in URLs). */
  id: string;
  caseId: string;
  /** The engine's task id inside its case (TaskSpec.taskId); events use this one. */
  taskKey: string;
  nodeId: string;
  kind: 'task' | 'approval';
  title: string;
  status: TaskStatus;
  tier: string | null;
  group: string | null;
  assignee: string | null;
  outcomes: string[];
  form: unknown;
  approvalId: string | null;
  dueAt: number | null;
  /** Completion: the outcome (or vote) chosen and the form values. */
  outcome: string | null;
  values: Record<string, unknown> | null;
  createdAt: number;
  updatedAt: number;
  closedAt: number | null;
}
export type NewTask = Omit<TaskRow, 'outcome' | 'values' | 'updatedAt' | 'closedAt'> &
  Partial<Pick<TaskRow, 'outcome' | 'values' | 'updatedAt' | 'closedAt'>>;
export type TaskPatch = Partial<
  Pick<
    TaskRow,
    // nodeId and outcomes change only when a migration moves the task's case to another version.
    'status' | 'assignee' | 'tier' | 'group' | 'outcome' | 'values' | 'closedAt' | 'nodeId' | 'outcomes'
  >
> & {
  updatedAt: number;
};
export interface TaskQuery extends PageQuery {
  status?: TaskStatus | TaskStatus[];
  group?: string | string[];
  tier?: string;
  assignee?: string;
  caseId?: string;
}

export type SlaStatus = 'pending' | 'running' | 'paused' | 'warning' | 'met' | 'breached' | 'cancelled';
export interface SlaRow {
  caseId: string;
  /** The engine's sla id, unique inside the case. */
  id: string;
  scope: 'case' | 'task';
  /** The engine task id (TaskRow.taskKey) for task SLAs. */
  taskId: string | null;
  status: SlaStatus;
  target: string;
  calendar: string;
  startedAt: number | null;
  dueAt: number | null;
  elapsedMs: number;
  updatedAt: number;
}

export interface TimelineRow {
  caseId: string;
  /** 1, 2, 3… per case. */
  seq: number;
  at: number;
  type: string;
  actor: string | null;
  nodeId: string | null;
  data: Record<string, unknown>;
  /** Visible to the customer. */
  public: boolean;
}
/** What a heat map counts of a timeline entry (node.entered, node.left, sla.breached). */
export type HeatRow = Pick<TimelineRow, 'caseId' | 'seq' | 'at' | 'type' | 'nodeId'>;
/** The timeline entries heat maps count. */
export const HEAT_TYPES = ['node.entered', 'node.left', 'sla.breached'] as const;
/** An entry to append; `caseId` may be given but append's `caseId` argument is the one used. */
export type NewTimelineEntry = Omit<TimelineRow, 'caseId' | 'seq' | 'nodeId' | 'actor' | 'data' | 'public'> &
  Partial<Pick<TimelineRow, 'caseId' | 'nodeId' | 'actor' | 'data' | 'public'>>;
export interface TimelineScan {
  flow?: string;
  /** Only these cases. */
  caseIds?: string[];
  version?: number;
  types?: string[];
  from?: number;
  to?: number;
}

/** A case reduced to what service metrics need (analytics.caseFacts); no JSON but the catalog key. */
export interface CaseFactRow {
  id: string;
  flow: string;
  version: number;
  cohort: Cohort | null;
  channel: Channel;
  status: CaseStatus;
  customerId: string | null;
  createdAt: number;
  closedAt: number | null;
  firstResponseAt: number | null;
  /**
   * `variables.catalogItem` (set when the case came from a catalog request), else null; also
   * null when the variables cannot be read as JSON by the database (one bad row must not break
   * the report).
   */
  catalogItem: string | null;
  /** The parent of a subflow child, else null. */
  parentCaseId: string | null;
  /** The pilot the case was opened under (the rollups key pilot reports by it). */
  pilotId?: string | null;
  /** All messages of the case, and those from an agent (responses). */
  messages: number;
  responses: number;
  /** Distinct channels the customer's (inbound) messages came on: more than one is a channel switch. */
  inboundChannels: number;
}
/** One SLA clock of a scanned case. */
export interface SlaFactRow {
  caseId: string;
  id: string;
  status: SlaStatus;
}
/** One task of a scanned case with its latest claim time (from the task.claimed timeline entry). */
export interface TaskFactRow {
  caseId: string;
  id: string;
  status: TaskStatus;
  tier: string | null;
  group: string | null;
  assignee: string | null;
  createdAt: number;
  claimedAt: number | null;
  closedAt: number | null;
}
/** One answered survey of a scanned case. */
export interface SurveyFactRow {
  caseId: string;
  kind: SurveyKind;
  score: number;
}

export interface MessageRow {
  id: string;
  caseId: string;
  customerId: string | null;
  channel: Channel;
  direction: 'in' | 'out';
  from: 'customer' | 'agent' | 'system';
  author: string | null;
  body: string;
  at: number;
  visibility: MessageVisibility;
  /** The other party's channel address (e-mail address, phone number), when known. */
  address: string | null;
  html: string | null;
  /** The channel's own id of the message (unique per channel). */
  externalId: string | null;
}
/** A message to insert: the channel fields default to a public message without them. */
export type NewMessage = Omit<MessageRow, 'visibility' | 'address' | 'html' | 'externalId'> &
  Partial<Pick<MessageRow, 'visibility' | 'address' | 'html' | 'externalId'>>;

export interface SurveyRow {
  token: string;
  caseId: string;
  customerId: string | null;
  surveyId: string;
  nodeId: string | null;
  kind: SurveyKind;
  to: string;
  score: number | null;
  comment: string | null;
  sentAt: number;
  answeredAt: number | null;
}

/** `message`: a reply to a customer on a messaging channel (channels/messaging-transport.ts). */
export type OutboxKind = 'notify' | 'survey' | 'http' | 'message';
export type OutboxStatus = 'pending' | 'delivered' | 'failed' | 'dead';
export interface OutboxRow {
  id: string;
  caseId: string | null;
  kind: OutboxKind;
  /** Unique; sent as Idempotency-Key. */
  idempotencyKey: string;
  /** The effect (notify / survey.send / http.call) plus delivery data. */
  payload: Record<string, unknown>;
  /** `failed` = will retry at nextAttemptAt; `dead` = gave up. */
  status: OutboxStatus;
  attempts: number;
  nextAttemptAt: number;
  lastError: string | null;
  createdAt: number;
  deliveredAt: number | null;
}
export type NewOutbox = Pick<
  OutboxRow,
  'id' | 'caseId' | 'kind' | 'idempotencyKey' | 'payload' | 'createdAt'
> & {
  nextAttemptAt?: number;
};
/** A claimed row: `claim` must be passed back to prove the lease is still ours. */
export interface ClaimedOutbox extends OutboxRow {
  claim: string;
}

export interface TimerRow {
  /** `${caseId}:${timerId}`. */
  id: string;
  caseId: string;
  /** The engine's timer id inside the case. */
  timerId: string;
  fireAt: number;
  purpose: string;
}
/** One buffered timer write (timers.apply): a schedule or a cancel. */
export type TimerChange =
  | { op: 'schedule'; timer: Omit<TimerRow, 'id'> }
  | { op: 'cancel'; caseId: string; timerId: string };
export interface ClaimedTimer extends TimerRow {
  claim: string;
  /** The due time before the claim moved the row out of the due range. */
  dueAt: number;
}

export type MigrationRowStatus = 'dry-run' | 'running' | 'done';
/** A migration of running cases from one version of a flow to another (DESIGN §13). */
export interface MigrationRow {
  id: string;
  flow: string;
  fromVersion: number;
  toVersion: number;
  mapping: Record<string, string>;
  dryRun: boolean;
  status: MigrationRowStatus;
  createdBy: string | null;
  createdAt: number;
  finishedAt: number | null;
}
export type MigrationCaseStatus = 'planned' | 'migrated' | 'refused';
/** One selected case of a migration. */
export interface MigrationCaseRow {
  caseId: string;
  status: MigrationCaseStatus;
  reason: string | null;
}

export type IncidentKind = 'expression' | 'timer' | 'delivery' | 'internal';
export type IncidentStatus = 'open' | 'resolved';
/**
 * What an incident re-runs on retry, as JSON: the event, timer or outbox row. `key` names the
 * source: while an incident is open, a failure of the same case and key adds to its attempts.
 */
export type IncidentSourceJson = { key: string; type: string } & Record<string, unknown>;
/** An event, timer or delivery that failed for a reason the flow does not model (DESIGN §8). */
export interface IncidentRow {
  id: string;
  /** Null when the failing event was the opening of a case (nothing of it was stored). */
  caseId: string | null;
  nodeId: string | null;
  kind: IncidentKind;
  message: string;
  source: IncidentSourceJson;
  status: IncidentStatus;
  /** 1 when opened; every repeat of the same failure (and every failed retry) adds 1. */
  attempts: number;
  createdAt: number;
  updatedAt: number;
  resolvedAt: number | null;
  resolvedBy: string | null;
  note: string | null;
}
export interface NewIncident {
  id: string;
  caseId: string | null;
  nodeId: string | null;
  kind: IncidentKind;
  message: string;
  source: IncidentSourceJson;
  at: number;
}
export interface IncidentQuery extends PageQuery {
  status?: IncidentStatus;
  caseId?: string;
}

/**
 * An external system http actions call by name (DESIGN §8). `auth` holds the non-secret auth
 * settings (kind, username, header name); `secret` is the sealed credential (ciphertext from
 * connections/secret-box.ts), never the credential itself.
 */
export interface ConnectionRow {
  name: string;
  baseUrl: string;
  allowedHosts: string[];
  auth: Record<string, unknown>;
  secret: string | null;
  description: string | null;
  updatedBy: string | null;
  createdAt: number;
  updatedAt: number;
}
export type ConnectionPatch = Partial<
  Pick<ConnectionRow, 'baseUrl' | 'allowedHosts' | 'auth' | 'secret' | 'description' | 'updatedBy'>
> & { updatedAt: number };

/** What a live stream says changed in a case (the client reads the case again). */
/** `chat`: someone started typing or read the conversation (chat/chat-commands.ts; nothing stored on the case). */
/**
 * `presence` and `routing` name no case (caseId ''): an agent's presence, or who may take work
 * (an agent's profile or groups, a group's routing settings), changed (routing/routing-change.ts).
 */
export type ChangeKind = 'case' | 'task' | 'message' | 'sla' | 'chat' | 'presence' | 'routing';
/**
 * One committed case write, for the live streams (DESIGN §10). `cursor` orders changes as every
 * process sees them (opaque: `<xid>.<seq>` on PostgreSQL, `0.<seq>` on SQLite).
 */
export interface ChangeRow {
  cursor: string;
  caseId: string;
  customerId: string | null;
  /** False for subflow children (never shown to customers). */
  topLevel: boolean;
  kinds: ChangeKind[];
  /** The kinds of the write's public timeline entries: what a customer may hear about. */
  publicKinds: ChangeKind[];
  /** Groups of the tasks the write touched (queues to refresh). */
  groups: string[];
  /** Users the write concerns: assignees, delegates, the actor. */
  users: string[];
  at: number;
}
export type NewChange = Omit<ChangeRow, 'cursor'>;

/**
 * Rows that go with a case's commit (cases.commit): written only when the commit succeeds, in
 * the same statement on PostgreSQL, where each would otherwise be a round trip of its own.
 */
export interface CaseCommitRiders {
  /**
   * Timer writes of the transaction, as timers.apply writes them (any case's). On PostgreSQL
   * they take their row locks before the case row's, as timers.apply before the commit did.
   */
  timers?: TimerChange[];
  /** The live streams' change row announcing the write (changes.append). */
  change?: NewChange | null;
  /** Marks the case for the analytics fold (rollups.touch of this case). */
  touchRollup?: boolean;
}

/** Open and claimed tasks of one group and tier (store.supervision.queues). */
export interface QueueCountRow {
  group: string | null;
  tier: string | null;
  open: number;
  claimed: number;
  /** createdAt of the oldest open (unclaimed) task; null when none is open. */
  oldestOpenAt: number | null;
}
/** Claimed work of one assignee (store.supervision.load). */
export interface AgentLoadRow {
  assignee: string;
  claimed: number;
}
/** What was done since a time (store.supervision.throughput), from the timeline. */
export interface ThroughputRow {
  casesOpened: number;
  casesClosed: number;
  /** task.completed entries per group (null: tasks without a group). */
  completedByGroup: Array<{ group: string | null; completed: number }>;
}

export interface IdempotencyRow {
  userId: string;
  key: string;
  /** Hash of method + path + body: the same key with another request is a 409/422. */
  requestHash: string;
  status: number;
  body: unknown;
  createdAt: number;
}

// ---------------------------------------------------------------------------------------------
// The interface

export interface Store {
  readonly dialect: 'sqlite' | 'postgres';

  /**
   * Runs `fn` in one database transaction and commits when it resolves; rolls back when it
   * throws (and rethrows). Use `tx` inside; calls on the store itself from the same async
   * context join the transaction as well. Nested calls run in the outer transaction as
   * savepoints (an inner failure that is caught undoes only the inner writes).
   * SQLite: serialised with every other store call of this process (BEGIN IMMEDIATE), so keep
   * slow I/O out of `fn`. `rerunnable`: `fn` may run again from the start after a first run
   * that was rolled back (its effects are only its writes), which spares group commit a
   * savepoint for it (group-commit.ts).
   */
  transaction<T>(fn: (tx: Store) => Promise<T>, options?: { rerunnable?: boolean }): Promise<T>;
  /** Closes the connection / pool. */
  close(): Promise<void>;
  /**
   * Runs `fn`, a bulk load that is redone from scratch if it is lost (the demo's history on an
   * empty database), without flushing every commit to disk; everything it wrote is flushed
   * before this resolves. SQLite: synchronous=OFF for the load, then a checkpoint under FULL.
   * A store without the distinction just runs `fn`.
   */
  bulkLoad?<T>(fn: () => Promise<T>): Promise<T>;

  users: {
    /** Throws StoreConflict when the username exists. */
    create(user: NewUser): Promise<UserRow>;
    get(username: string): Promise<UserRow | null>;
    /** The only way to read a password hash (for login). */
    getCredentials(username: string): Promise<{ user: UserRow; passwordHash: string } | null>;
    list(): Promise<UserRow[]>;
    update(username: string, patch: UserPatch): Promise<UserRow | null>;
    /** Usernames whose `groups` include `group`. */
    membersOf(group: string): Promise<string[]>;
    /**
     * Usernames of the active admins, sorted. Inside a transaction the rows stay locked until
     * it ends (PostgreSQL: FOR UPDATE; SQLite transactions are exclusive anyway), so that two
     * admins demoting each other at once cannot both pass the "last active admin" check.
     */
    activeAdmins(): Promise<string[]>;
    count(): Promise<number>;
  };

  /** Server-side sessions (DESIGN §8): one primary-key read per authenticated request. */
  sessions: {
    /** Throws StoreConflict when the id exists. */
    create(session: SessionRow): Promise<SessionRow>;
    get(id: string): Promise<SessionRow | null>;
    /** The session and its user (no password hash), or null when either is missing. */
    getWithUser(id: string): Promise<{ session: SessionRow; user: UserRow } | null>;
    /** Moves lastSeenAt forward to `at` (never back) while the session is not revoked. */
    touch(id: string, at: number): Promise<void>;
    /** Revokes one live session; answers whether it was live. */
    revoke(id: string, at: number): Promise<boolean>;
    /** Revokes every live session of `username` but `except`; answers how many. */
    revokeAll(username: string, at: number, except?: string): Promise<number>;
    /** The user's sessions that are neither revoked nor past `expiresAt` at `now`, newest first. */
    listLive(username: string, now: number): Promise<SessionRow[]>;
    /** True when the user ever opened a session from `source` (a remembered sign-in context). */
    knownSource(username: string, source: string): Promise<boolean>;
    /** Deletes sessions whose `expiresAt` is before `before`; answers how many. */
    purge(before: number): Promise<number>;
  };

  groups: {
    /** Throws StoreConflict when the name exists. */
    create(group: GroupRow): Promise<GroupRow>;
    get(name: string): Promise<GroupRow | null>;
    list(): Promise<GroupRow[]>;
    /** Changes a group's description; null when unknown. (The name is its key: flows name it.) */
    update(name: string, patch: { description: string }): Promise<GroupRow | null>;
  };

  customers: {
    /** Throws StoreConflict when the id exists. */
    create(customer: NewCustomer): Promise<CustomerRow>;
    get(id: string): Promise<CustomerRow | null>;
    /** The customers with these ids, in no particular order; unknown ids are left out. */
    getMany(ids: readonly string[]): Promise<CustomerRow[]>;
    /** Live customers only: merged contacts (tombstones) are left out. */
    list(query?: PageQuery & { segment?: string; search?: string }): Promise<Page<CustomerRow>>;
    update(id: string, patch: CustomerPatch, now: number): Promise<CustomerRow | null>;
  };

  flows: {
    /** Creates or replaces the draft (keeps activeVersion and createdAt). */
    upsertDraft(draft: FlowDraft): Promise<FlowRow>;
    get(key: string): Promise<FlowRow | null>;
    /**
     * What opening a case of `key` needs, in one statement: the flow's kind, its active
     * version and its newest active pilot (not the draft); null for an unknown flow.
     */
    launch(key: string): Promise<FlowLaunch | null>;
    /**
     * Like get, and holds the flow's row until the transaction ends, so that commands changing a
     * flow's pilots or active version run one after the other (PG: SELECT … FOR UPDATE; SQLite
     * transactions are serialised already). Call inside a transaction.
     */
    lock(key: string): Promise<FlowRow | null>;
    list(): Promise<FlowRow[]>;
    /** Sets the version new cases use. */
    setActiveVersion(key: string, version: number | null, now: number): Promise<FlowRow | null>;
  };

  flowVersions: {
    /** Inserts an immutable version; throws StoreConflict if (flow, version) exists. */
    insert(version: FlowVersionRow): Promise<FlowVersionRow>;
    get(flow: string, version: number): Promise<FlowVersionRow | null>;
    /** Newest first; `definition` and `config` included. */
    list(flow: string): Promise<FlowVersionRow[]>;
    /** Highest version number, 0 when none. */
    latest(flow: string): Promise<number>;
  };

  catalog: {
    upsert(item: CatalogItemRow): Promise<CatalogItemRow>;
    get(key: string): Promise<CatalogItemRow | null>;
    list(): Promise<CatalogItemRow[]>;
  };

  pilots: {
    create(pilot: PilotRow): Promise<PilotRow>;
    get(id: string): Promise<PilotRow | null>;
    list(flow?: string): Promise<PilotRow[]>;
    /** The active pilot of a flow (at most one is expected). */
    activeFor(flow: string): Promise<PilotRow | null>;
    setStatus(id: string, status: PilotStatus, endedAt: number | null): Promise<PilotRow | null>;
  };

  cases: {
    insert(row: CaseRow): Promise<CaseRow>;
    /**
     * The next readable case number: call inside the transaction that inserts the case.
     * SQLite: one above the highest (writers are serialised); PostgreSQL: case_number_seq.
     */
    nextNumber(): Promise<number>;
    get(id: string): Promise<CaseRow | null>;
    /**
     * The case and the user `username` read together, each null when absent: the command's
     * right check and its case in one round trip on PostgreSQL (one statement), in one
     * transaction's snapshot on both sides.
     */
    getWithUser(id: string, username: string): Promise<{ case: CaseRow | null; user: UserRow | null }>;
    /** Newest first. */
    list(query?: CaseQuery): Promise<Page<CaseSummary>>;
    scan(query?: CaseScan): Promise<CaseSummary[]>;
    /**
     * Writes `patch` and sets revision = expectedRevision + 1 when the stored revision is
     * `expectedRevision`; answers null on a stale revision (or unknown id).
     */
    update(id: string, expectedRevision: number, patch: CaseUpdate): Promise<CaseRow | null>;
    /** Sets first_response_at only if it is still null; answers whether it did. */
    markFirstResponse(id: string, at: number): Promise<boolean>;
    /**
     * An event's write of one case, in as few statements as the side allows (one on
     * PostgreSQL): `update` with its revision check, then `timeline.append` of `entries`, then
     * (with `withParts`) the case's tasks, SLA clocks and surveys as `parts` answers them.
     * Answers null (and writes nothing) on a stale revision or unknown id. The row answered
     * has no snapshot: the caller holds the one it wrote. `riders` are written with it.
     */
    commit(
      id: string,
      expectedRevision: number,
      patch: CaseCommitPatch,
      entries: NewTimelineEntry[],
      withParts: boolean,
      riders?: CaseCommitRiders,
    ): Promise<CaseCommit | null>;
    /**
     * The rows the Case resource shows besides the case itself, read together (one statement
     * on PostgreSQL): tasks as `tasks.listByCase`, SLA clocks as `slas.listByCase`, surveys as
     * `surveys.listByCase` order them.
     */
    parts(id: string): Promise<CaseParts>;
  };

  tasks: {
    insert(task: NewTask): Promise<TaskRow>;
    get(id: string): Promise<TaskRow | null>;
    getByKey(caseId: string, taskKey: string): Promise<TaskRow | null>;
    /**
     * The task and its case read together (one statement on PostgreSQL, so both rows come
     * from the same snapshot), or null when the task does not exist.
     */
    getWithCase(id: string): Promise<{ task: TaskRow; case: CaseRow } | null>;
    /** getWithCase and the user `username` (null when absent) in one statement on PostgreSQL. */
    getWithCaseAndUser(
      id: string,
      username: string,
    ): Promise<{ task: TaskRow; case: CaseRow; user: UserRow | null } | null>;
    /** Queue order: oldest first. */
    list(query?: TaskQuery): Promise<Page<TaskRow>>;
    listByCase(caseId: string): Promise<TaskRow[]>;
    listByCases(caseIds: string[]): Promise<TaskRow[]>;
    update(id: string, patch: TaskPatch): Promise<TaskRow | null>;
    /** Atomically assigns an open (or already-claimed-by-`user`) task; null if someone else has it. */
    claim(id: string, user: string, now: number): Promise<TaskRow | null>;
  };

  slas: {
    /** Insert or replace by (caseId, id). */
    upsert(sla: SlaRow): Promise<SlaRow>;
    update(caseId: string, id: string, patch: Partial<Omit<SlaRow, 'caseId' | 'id'>>): Promise<SlaRow | null>;
    listByCase(caseId: string): Promise<SlaRow[]>;
    listByCases(caseIds: string[]): Promise<SlaRow[]>;
  };

  timeline: {
    /** Appends entries with the next per-case seq numbers; answers them with seq set. */
    append(caseId: string, entries: NewTimelineEntry[]): Promise<TimelineRow[]>;
    /** Ordered by seq. */
    list(
      caseId: string,
      options?: { publicOnly?: boolean; afterSeq?: number; limit?: number },
    ): Promise<TimelineRow[]>;
    /** Entries of many cases (joined with cases for flow/version filters), ordered by case, seq. */
    scan(query: TimelineScan): Promise<TimelineRow[]>;
    /**
     * The HEAT_TYPES entries of the cases, ordered by case and seq, without actor or data: what
     * every rollup fold reads, in one prepared statement. With `after`, only the entries past
     * the seq it gives a case (a fold that went through them already).
     */
    heatRows(caseIds: string[], after?: ReadonlyMap<string, number>): Promise<HeatRow[]>;
    /** One page of a case's entries by seq, for the API (the cursor is opaque). */
    page(caseId: string, query: HistoryPageQuery & { publicOnly?: boolean }): Promise<Page<TimelineRow>>;
  };

  /** Aggregates for analytics, folded from the cases the event transactions touch. */
  rollups: RollupRepo;

  /**
   * Narrow unpaged reads for metrics (one SQL statement each, filtered like cases.scan), so
   * that 100,000 cases reduce without loading snapshots, variables or timelines.
   */
  analytics: {
    /** Cases of the scan with message counts; ordered by createdAt, id. */
    caseFacts(query: CaseScan): Promise<CaseFactRow[]>;
    /** SLA clocks of the scanned cases. */
    slaFacts(query: CaseScan): Promise<SlaFactRow[]>;
    /** Tasks of the scanned cases, each with its latest claim time. */
    taskFacts(query: CaseScan): Promise<TaskFactRow[]>;
    /** Answered surveys of the scanned cases. */
    surveyFacts(query: CaseScan): Promise<SurveyFactRow[]>;
    /** The metrics figures of the scanned cases aggregated in the database, per group of `by`. */
    summary(query: SummaryQuery, period: SummaryPeriod): Promise<AnalyticsSummary>;
    /** The distinct flow versions of the scanned cases. */
    versions(query: CaseScan): Promise<Array<{ flow: string; version: number }>>;
    /** Counts of the subflow children among the scan's cases (its `subflows` is ignored). */
    subflowCounts(query: CaseScan): Promise<{ cases: number; open: number; resolved: number }>;
  };

  messages: {
    /** Throws StoreConflict on a taken id or (channel, externalId). */
    insert(message: NewMessage): Promise<MessageRow>;
    listByCase(caseId: string): Promise<MessageRow[]>;
    /**
     * One page of a case's messages by (at, id), for the API (the cursor is opaque);
     * `publicOnly` leaves internal notes out (customers' views).
     */
    pageByCase(caseId: string, query: HistoryPageQuery & { publicOnly?: boolean }): Promise<Page<MessageRow>>;
    listByCustomer(
      customerId: string,
      limit?: number,
      options?: { publicOnly?: boolean },
    ): Promise<MessageRow[]>;
  };

  surveys: {
    insert(survey: SurveyRow): Promise<SurveyRow>;
    getByToken(token: string): Promise<SurveyRow | null>;
    /** Records the answer once; null if unknown token or already answered. */
    answer(token: string, score: number, comment: string | null, at: number): Promise<SurveyRow | null>;
    listByCase(caseId: string): Promise<SurveyRow[]>;
    listByCases(caseIds: string[]): Promise<SurveyRow[]>;
    listByCustomer(customerId: string): Promise<SurveyRow[]>;
  };

  outbox: {
    /** Ignores a row whose idempotencyKey exists already (answers the existing row). */
    insert(row: NewOutbox): Promise<OutboxRow>;
    get(id: string): Promise<OutboxRow | null>;
    /** All rows of a case (or all rows when caseId is omitted), newest first. */
    list(query?: PageQuery & { caseId?: string; status?: OutboxStatus }): Promise<Page<OutboxRow>>;
    /**
     * Claims up to `limit` pending/failed rows with nextAttemptAt <= now, moving their
     * nextAttemptAt to now + leaseMs so that no other process claims them meanwhile
     * (PG: FOR UPDATE SKIP LOCKED).
     */
    claimDue(now: number, limit: number, leaseMs: number): Promise<ClaimedOutbox[]>;
    /** Each answers false when the claim was lost (lease expired and someone else took it). */
    markDelivered(id: string, claim: string, now: number): Promise<boolean>;
    markFailed(id: string, claim: string, error: string, nextAttemptAt: number): Promise<boolean>;
    markDead(id: string, claim: string, error: string): Promise<boolean>;
    /**
     * Takes a dead or failed row back for one attempt now (an incident retry): claims it as
     * claimDue does (status `failed` until settled). Null when unknown, pending or delivered.
     */
    reclaim(id: string, now: number, leaseMs: number): Promise<ClaimedOutbox | null>;
    /** Earliest nextAttemptAt of pending/failed rows, or null. */
    nextDueAt(): Promise<number | null>;
  };

  timers: {
    /** Insert or move the timer `${caseId}:${timerId}`. */
    schedule(timer: Omit<TimerRow, 'id'>): Promise<TimerRow>;
    cancel(caseId: string, timerId: string): Promise<boolean>;
    cancelAllForCase(caseId: string): Promise<number>;
    /**
     * Carries out schedule / cancel `changes` with the same result as calling them one by one
     * in order (the last change of a timer wins), in one statement on PostgreSQL.
     */
    apply(changes: readonly TimerChange[]): Promise<void>;
    listByCase(caseId: string): Promise<TimerRow[]>;
    /**
     * Claims up to `limit` timers with fireAt <= now, oldest first, by moving their fireAt to
     * now + leaseMs (out of the due range; SQLite: UPDATE…RETURNING on the (fire_at, id)
     * WITHOUT ROWID table; PG: FOR UPDATE SKIP LOCKED).
     */
    claimDue(now: number, limit: number, leaseMs: number): Promise<ClaimedTimer[]>;
    /** Deletes a claimed timer if the claim is still ours: call inside the event's transaction. */
    complete(id: string, claim: string): Promise<boolean>;
    /** Earliest fireAt, or null when there are no timers. */
    nextDueAt(): Promise<number | null>;
  };

  incidents: {
    /**
     * Opens an incident, or, when an open one of the same case (null included) has the same
     * `source.key`, adds 1 to its attempts and takes the new kind, node, message and source.
     * Answers the row. Call it in a transaction: PostgreSQL serialises recorders of one key there.
     */
    record(incident: NewIncident): Promise<IncidentRow>;
    get(id: string): Promise<IncidentRow | null>;
    /** Newest first. */
    list(query?: IncidentQuery): Promise<Page<IncidentRow>>;
    /** The open incidents of a case, oldest first. */
    openByCase(caseId: string): Promise<IncidentRow[]>;
    /** Resolves an open incident; null when unknown or resolved already. */
    resolve(id: string, by: string, note: string, at: number): Promise<IncidentRow | null>;
  };

  /** Migrations of running cases (DESIGN §13) and the progress of each selected case. */
  migrations: {
    /** Inserts the migration with its selected cases (each planned or refused). */
    create(row: MigrationRow, cases: readonly MigrationCaseRow[], at: number): Promise<MigrationRow>;
    get(id: string): Promise<MigrationRow | null>;
    /** Migrations still `running` (to resume after a restart), oldest first. */
    running(): Promise<MigrationRow[]>;
    /** Counts of the migration's cases by status. */
    counts(id: string): Promise<Record<MigrationCaseStatus, number>>;
    /** Refused cases with their reasons, by case id. */
    refused(id: string): Promise<Array<{ caseId: string; reason: string }>>;
    /** Up to `limit` case ids still planned, by case id. */
    planned(id: string, limit: number): Promise<string[]>;
    /**
     * Settles a planned case as migrated or refused; false when it was settled already (another
     * process got there first: PG locks the row until the transaction ends).
     */
    settle(
      id: string,
      caseId: string,
      status: 'migrated' | 'refused',
      reason: string | null,
      at: number,
    ): Promise<boolean>;
    /** Marks a running migration done. */
    finish(id: string, at: number): Promise<MigrationRow | null>;
  };

  connections: {
    /** Throws StoreConflict when the name exists. */
    create(row: ConnectionRow): Promise<ConnectionRow>;
    get(name: string): Promise<ConnectionRow | null>;
    /** By name. */
    list(): Promise<ConnectionRow[]>;
    update(name: string, patch: ConnectionPatch): Promise<ConnectionRow | null>;
    /** Answers whether a row was deleted. */
    delete(name: string): Promise<boolean>;
  };

  /** The change log of the live streams: appended inside a case's write, read after commit. */
  changes: {
    append(change: NewChange): Promise<void>;
    /**
     * Committed changes after `cursor` (null: from the oldest kept), in cursor order, at most
     * `limit`. A change becomes readable only once no earlier change can still commit, so a
     * reader that moves its cursor past what it read never misses one.
     */
    after(cursor: string | null, limit: number): Promise<ChangeRow[]>;
    /** The cursor of the latest readable change ('0.0' when none): where a new stream starts. */
    head(): Promise<string>;
    /** The cursor of the oldest kept change, or null when none (a resume from before it lost some). */
    oldest(): Promise<string | null>;
    /** Deletes changes older than `before`; answers how many. */
    purge(before: number): Promise<number>;
  };
  /** The knowledge base (kb-store.ts). */
  kb: KbStore;
  /** Canned responses (response-store.ts). */
  responses: ResponseStore;
  /** WhatsApp and SMS accounts (messaging-store.ts). */
  messaging: MessagingStore;
  /** Who is typing in and who has read a live chat (chat-store.ts). */
  chat: ChatStore;
  /** Requests to activate flow versions and their decisions (activation-store.ts). */
  activations: ActivationStore;
  /** Anonymous visitors' one-conversation chat capabilities (chat-visitor-store.ts). */
  chatVisitors: ChatVisitorStore;
  customerMerges: CustomerMergeStore;

  /** Aggregates of the supervisor overview (DESIGN §12), each one statement over live rows. */
  supervision: {
    /** Open and claimed tasks per (group, tier), ordered by group, tier. */
    queues(): Promise<QueueCountRow[]>;
    /**
     * Open or claimed tasks with a clock in `warning` or `breached`: their own (scope task) or
     * their case's. Oldest first, at most `limit` (capped at 500).
     */
    atRisk(limit: number): Promise<TaskRow[]>;
    /** Claimed tasks per assignee, by assignee. */
    load(): Promise<AgentLoadRow[]>;
    /** Cases opened and closed and tasks completed (per group) at or after `since`. */
    throughput(since: number): Promise<ThroughputRow>;
    /**
     * Notifications of SLA breaches (outbox `notify` rows with template `sla-breached`), newest
     * first, at most `limit` (capped at 500); with `recipient`, only those resolved to that user.
     */
    breachNotices(recipient: string | null, limit: number): Promise<OutboxRow[]>;
  };
  /** Agents' routing profiles and presence, group routing settings (routing-store.ts). */
  routing: RoutingStore;
  /** Attachments and channel look-ups of conversations (channel-store.ts). */
  channels: ChannelStore;

  idempotency: {
    get(userId: string, key: string): Promise<IdempotencyRow | null>;
    /** First writer wins: answers false when (userId, key) exists. */
    put(row: IdempotencyRow): Promise<boolean>;
    /** Deletes rows older than `before`. */
    purge(before: number): Promise<number>;
  };
}

/** A unique key was violated (duplicate username, customer id, flow version…). HTTP 409. */
export class StoreConflict extends Error {
  readonly code = 'conflict';
  constructor(message: string) {
    super(message);
    this.name = 'StoreConflict';
  }
}
