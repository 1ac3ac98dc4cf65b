import type {
  ActivationRequestCreate,
  BusinessCalendar,
  Case,
  CatalogItemBody,
  Channel,
  Cohort,
  CustomerCase,
  EngineEvent,
  Migration,
  MigrationRequest,
  PilotCreate,
  PresenceStatus,
  Priority,
  Problem,
  Sla,
  Task,
  TimelineEntry,
} from '@caseflow/schema';
import type { MailSender } from '../channels/email/mail-sender';
import type { Clock } from '../clock';
import type { ConnectionCommands } from '../connections/connection-commands';
import type { RetryPolicy } from '../outbox/retry-policy';
import type { Transport } from '../outbox/transport';
import type { Router } from '../routing/router';
import type { ActivationRequestRow } from '../store/activation-store';
import type { AttachmentRow } from '../store/channel-store';
import type { AgentProfileRow } from '../store/routing-store';
import type {
  CatalogItemRow,
  FlowVersionRow,
  HistoryPageQuery,
  IncidentQuery,
  IncidentRow,
  MessageRow,
  OutboxRow,
  Page,
  PilotRow,
  Store,
  SurveyRow,
  TaskRow,
  UserRow,
} from '../store/store';
import type { CaseIntakeInput, CatalogRequestInput } from './case-intake';
import type { MergeResult } from './customer-merge';
import type { InboundMessage, InboundResult } from './inbound-message';
import type { IncidentActor } from './incident-commands';
import type { MessageInput } from './message-commands';

/** Minimal logger (pino satisfies it). */
export interface Logger {
  info(obj: unknown, msg?: string): void;
  warn(obj: unknown, msg?: string): void;
  error(obj: unknown, msg?: string): void;
  debug(obj: unknown, msg?: string): void;
}

export interface RuntimeOptions {
  store: Store;
  clock: Clock;
  /** Process environment (CASEFLOW_WEBHOOK_URL, CASEFLOW_WEBHOOK_SECRET, CASEFLOW_OUTBOX_TRANSPORT…). */
  env?: Record<string, string | undefined>;
  logger?: Logger;
  /** Business calendars by key; default: examples' calendars if available, plus 24x7. */
  calendars?: BusinessCalendar[];
  /** Allow-listed settings visible to FEEL as `env` (CaseInput.env). */
  flowEnv?: Record<string, string>;
  /** Size of the compiled-flow LRU (default 200). */
  compiledCacheSize?: number;
  /** How outbox messages leave (default: from env, CASEFLOW_WEBHOOK_URL or the log). */
  transport?: Transport;
  /**
   * Where e-mail goes (default: from env — CASEFLOW_SMTP_URL, the demo's sink, or null: e-mail
   * out is off). Always closed by `close()`.
   */
  mailSender?: MailSender | null;
  /**
   * CASEFLOW_DATA_KEY (32 bytes): seals connection secrets and opens them at delivery. Default:
   * a random key for this process (tests), so secrets stored with it end with the process.
   */
  dataKey?: Buffer;
  /** Outbox retry policy (default DEFAULT_RETRY_POLICY) and the timeout of one HTTP action. */
  outbox?: Partial<RetryPolicy> & { timeoutMs?: number };
}

/** Who did it: a username, "system", "timer", "customer:<id>"… written to the timeline. */
export type Actor = string;

export interface OpenCaseInput {
  flow: string;
  /** Omit to use the pilot/active version resolution. */
  version?: number;
  customerId: string | null;
  channel: Channel;
  subject?: string;
  priority?: Priority;
  variables?: Record<string, unknown>;
  actor: Actor;
  /** When given with cohort, skips pilot resolution. */
  pilotId?: string | null;
  cohort?: Cohort | null;
}

/** The GET /cases/:id resource (schema `Case`). */
export type CaseRecord = Case;

export interface PublishResult {
  version: number;
  checksum: string;
  problems: Problem[];
}

/**
 * The facade the HTTP routes call. Every method that changes a case commits one transaction
 * before it resolves (a 2xx answer means the event is committed). Errors are AppError
 * (executor/errors.ts) with an HTTP status.
 */
export interface Runtime {
  readonly store: Store;
  readonly clock: Clock;
  /** The business calendars by key (24x7 is implied: absent keys measure wall time). */
  readonly calendars: Readonly<Record<string, BusinessCalendar>>;
  /** Connections http actions call by name (admin commands; secrets write-only). */
  readonly connections: ConnectionCommands;

  // --- cases -------------------------------------------------------------------------------
  /**
   * Opens a case: resolves version (explicit, pilot cohort, or active), engine.start, persists.
   * Trusted (seeds, signals, tests): people's requests go through openCaseAs / requestFromCatalog.
   */
  openCase(input: OpenCaseInput): Promise<CaseRecord>;
  /** POST /cases for a person: agents open any flow; customers only what the catalog offers them. */
  openCaseAs(input: CaseIntakeInput): Promise<CaseRecord>;
  /** POST /catalog/:key/requests: audience, beneficiary and form checked, then the case opened. */
  requestFromCatalog(input: CatalogRequestInput): Promise<CaseRecord>;
  /** PUT /catalog/:key (owners): the flow must exist and not be internal. */
  saveCatalogItem(key: string, body: CatalogItemBody, actor: Actor): Promise<CatalogItemRow>;
  /** Feeds one engine event to a case (one transaction, retried on revision conflicts). */
  sendEvent(caseId: string, event: EngineEvent, actor: Actor): Promise<CaseRecord>;
  /**
   * The Case resource (tasks, slas, surveys), or null. Survey tokens are credentials of the
   * customer: they are left out unless `surveyTokens` (the customer's own view) asks for them.
   */
  getCase(caseId: string, options?: { surveyTokens?: boolean }): Promise<CaseRecord | null>;
  /**
   * The case as the customer `viewer` sees it (executor/customer-case.ts), its texts in their
   * language where the flow has them; 404 unless it is their own top-level case.
   */
  customerCase(caseId: string, viewer: UserRow): Promise<CustomerCase>;
  /** Timeline as API entries; publicOnly for customers (public entries, projected for them). */
  timeline(caseId: string, options?: { publicOnly?: boolean }): Promise<TimelineEntry[]>;
  /** One page of the timeline as API entries (404 for an unknown case); publicOnly for customers. */
  timelinePage(
    caseId: string,
    query: HistoryPageQuery & { publicOnly?: boolean },
  ): Promise<{ items: TimelineEntry[]; next: string | null }>;
  /** Delivers a signal to a case (`signal` event) and records it on the timeline. */
  signal(caseId: string, name: string, data: unknown, actor: Actor): Promise<CaseRecord>;
  /**
   * Records a message with its files (message-commands.ts): internal notes from staff only;
   * the first public agent message sets firstResponseAt and sends `case.event
   * case.firstResponse` to the engine; a customer's message delivers the `customer-replied`
   * signal when a wait expects it — all in one transaction.
   */
  addMessage(caseId: string, message: MessageInput): Promise<AddedMessage>;
  /**
   * What every inbound channel calls (executor/inbound-message.ts): a message from an address
   * on a channel, threaded to the customer's case or opening one on the channel's flow, with
   * the `customer-replied` signal, in one transaction. Idempotent per (channel, externalId).
   */
  deliverInboundMessage(input: InboundMessage): Promise<InboundResult>;
  /**
   * Merges customer `sourceId` into `targetId` (staff): see executor/customer-merge.ts. A
   * retried merge answers the earlier one (`repeated`).
   */
  mergeCustomers(targetId: string, sourceId: string, actor: Actor): Promise<MergeResult>;
  cancelCase(caseId: string, reason: string, actor: Actor): Promise<CaseRecord>;

  // --- tasks -------------------------------------------------------------------------------
  /** Assigns the task to `user`; 409 if someone else holds it, 404 unknown. */
  claimTask(taskId: string, user: Actor): Promise<Task>;
  /**
   * Completes a task with an outcome. For approval tasks the outcome is `approve` or `reject`
   * and becomes an `approval.vote` by `actor`.
   */
  completeTask(
    taskId: string,
    input: { outcome: string; values?: Record<string, unknown>; comment?: string },
    actor: Actor,
  ): Promise<CaseRecord>;
  escalateTask(taskId: string, reason: string, actor: Actor): Promise<CaseRecord>;
  /** Reassigns the task to another user. */
  delegateTask(taskId: string, to: string, actor: Actor): Promise<Task>;
  /** The holder gives the task back with a reason; routing offers it to the next agent. */
  declineTask(taskId: string, reason: string, actor: Actor): Promise<Task>;
  getTask(taskId: string): Promise<Task | null>;

  // --- routing (DESIGN §12) ----------------------------------------------------------------
  /** Routing's state in this process (its cache of agents is dropped by routingChanged). */
  readonly router: Router;
  /**
   * Sets an agent's presence (routing/presence-commands.ts rules); an agent coming online is
   * offered waiting work of their groups in the same transaction.
   */
  setPresence(actor: Actor, username: string, status: PresenceStatus): Promise<AgentProfileRow>;
  /**
   * Profiles, members or group settings changed: forget cached agents and offer the waiting
   * work of `groups` (all routed groups when omitted). Answers how many tasks were given.
   */
  routingChanged(groups?: readonly string[]): Promise<number>;

  // --- surveys -----------------------------------------------------------------------------
  /**
   * Records a survey answer (validated against the kind's scale); 404 unknown token, 409
   * answered, 403 when `respondent` is signed-in staff or another customer (null: anonymous
   * holder of the token).
   */
  answerSurvey(
    token: string,
    answer: { score: number; comment?: string },
    respondent: Actor | null,
  ): Promise<SurveyRow>;

  // --- pilots ------------------------------------------------------------------------------
  /** Starts a pilot (admins): version exists and is not the active one, one running per flow. */
  startPilot(flow: string, input: PilotCreate, actor: Actor): Promise<PilotRow>;
  /** Promotes a running pilot: its version becomes active and the pilot ends (admins). */
  promotePilot(id: string, actor: Actor): Promise<PilotRow>;
  /** Stops a pilot (admins); stopping a stopped pilot answers it unchanged, a promoted one 409. */
  stopPilot(id: string, actor: Actor): Promise<PilotRow>;

  // --- migrations (DESIGN §13) ------------------------------------------------------------------
  /**
   * Plans a migration of running cases (admins): every selected case planned or refused with
   * its reasons. Unless `dryRun`, the planned cases then move in the background.
   */
  startMigration(flow: string, input: MigrationRequest, actor: Actor): Promise<Migration>;
  /** A migration of `flow` with its progress; 404 unknown. */
  getMigration(flow: string, id: string): Promise<Migration>;
  /** Settles when the migrations this process is running have finished (tests). */
  migrationsIdle(): Promise<void>;

  // --- incidents (DESIGN §8) -----------------------------------------------------------------
  /** Incidents newest first (owner+; checked here). */
  listIncidents(query: IncidentQuery, actor: IncidentActor): Promise<Page<IncidentRow>>;
  /** The open incidents of a case. */
  openIncidents(caseId: string): Promise<IncidentRow[]>;
  /** Re-runs what the incident failed on (admin); success resolves it, failure adds an attempt. */
  retryIncident(id: string, actor: IncidentActor): Promise<IncidentRow>;
  /** Resolves an open incident with a note (admin), without re-running it. */
  resolveIncident(id: string, note: string, actor: IncidentActor): Promise<IncidentRow>;
  /** Tries a failed or dead outbox message once more, now (admin); answers the row after it. */
  retryOutbox(id: string, actor: Actor): Promise<OutboxRow>;

  // --- flows -------------------------------------------------------------------------------
  /** Saves a draft (may be invalid) and answers its problems. */
  /** `base`: the `updatedAt` the edit started from (null: no draft yet); a newer draft is 409. */
  saveDraft(
    key: string,
    definition: unknown,
    actor: Actor,
    base?: number | null,
  ): Promise<{ problems: Problem[]; updatedAt: number }>;
  /** Validates a definition against the current groups, flows and calendars. */
  validate(definition: unknown): Promise<Problem[]>;
  /** Validates + compiles the draft and inserts the next immutable version; 422 if invalid. */
  publish(key: string, input: { note?: string; actor: Actor }): Promise<PublishResult>;
  /**
   * Makes a version the one new cases use. `actor` must be an admin; absent only for the
   * runtime's own seeding. Settles the version's pending activation requests with `note`.
   */
  activate(key: string, version: number, actor?: Actor, note?: string): Promise<void>;
  /** An owner's (or admin's) request that a published version go live, with a note. */
  requestActivation(key: string, input: ActivationRequestCreate, actor: Actor): Promise<ActivationRequestRow>;
  /** Rejects a pending activation request with a note (admin). */
  rejectActivation(key: string, id: string, note: string, actor: Actor): Promise<ActivationRequestRow>;
  /** A flow's activation requests and decisions, newest first (owner+). */
  listActivationRequests(key: string, actor: Actor): Promise<ActivationRequestRow[]>;
  /** Pending activation requests of every flow, oldest first (admin). */
  pendingActivations(actor: Actor): Promise<ActivationRequestRow[]>;
  getVersion(key: string, version: number): Promise<FlowVersionRow | null>;
  /** Pilot for new cases of a flow: which version and cohort this customer gets. */
  chooseVersion(
    flow: string,
    customerId: string | null,
  ): Promise<{ version: number; pilot: PilotRow | null; cohort: Cohort | null }>;

  // --- background work ---------------------------------------------------------------------
  /** Fires every timer due at `now` (default clock.now()); answers how many fired. */
  fireDueTimers(now?: number): Promise<number>;
  /** Delivers due outbox rows once; answers how many were attempted. */
  dispatchOutbox(now?: number): Promise<number>;
  /** Starts the timer and outbox loops (real clock: setTimeout to next due, ≤1 s poll). */
  startBackground(): void;
  /** Stops the loops (the store stays open; the caller closes it). */
  close(): Promise<void>;
  /** Calls `listener` after every committed event transaction; answers its removal. */
  onCommit(listener: () => void): () => void;

  // --- converters for routes ---------------------------------------------------------------
  toTask(row: TaskRow): Task;
  toSla(row: import('../store/store').SlaRow): Sla;
  outboxEntries(caseId?: string): Promise<OutboxRow[]>;
}

/** A stored message, with the case as the `customer-replied` signal it delivered left it. */
/** A stored message with its files, and the case after the reply it delivered (if any). */
export type AddedMessage = MessageRow & { attachments: AttachmentRow[]; repliedCase?: CaseRecord };
