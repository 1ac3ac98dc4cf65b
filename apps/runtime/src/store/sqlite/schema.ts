import type {
  Channel,
  Cohort,
  Locale,
  MessageVisibility,
  Priority,
  Problem,
  Role,
  SurveyKind,
} from '@caseflow/schema';
import { sql } from 'drizzle-orm';
import { index, integer, primaryKey, real, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import type { CaseStatus, OutboxKind, OutboxStatus, PilotStatus, SlaStatus, TaskStatus } from '../store';

/*
 * SQLite tables of the runtime. Times are epoch ms integers; JSON lives in TEXT columns that
 * drizzle parses (mode: 'json'). pg/schema.ts holds the same tables for PostgreSQL.
 * Changing this file: run `npx drizzle-kit generate --config drizzle.sqlite.config.ts` in
 * apps/runtime and check the SQL (the timers table must stay WITHOUT ROWID).
 */

const json = <T>(name: string) => text(name, { mode: 'json' }).$type<T>();
const ms = (name: string) => integer(name);
const bool = (name: string) => integer(name, { mode: 'boolean' });

/** Accounts; the password hash never leaves the store except through getCredentials. */
export const users = sqliteTable('users', {
  username: text('username').primaryKey(),
  passwordHash: text('password_hash').notNull(),
  displayName: text('display_name'),
  roles: json<Role[]>('roles').notNull(),
  groups: json<string[]>('groups').notNull(),
  tiers: json<string[]>('tiers').notNull(),
  customerId: text('customer_id'),
  email: text('email'),
  active: bool('active').notNull().default(true),
  passwordChangedAt: ms('password_changed_at'),
  createdAt: ms('created_at').notNull(),
  /** `en` or `pt-BR` (DESIGN §9); null until the user picks one. */
  locale: text('locale').$type<Locale>(),
});

/** Work groups (queues) that tasks are routed to. */
export const groups = sqliteTable('groups', {
  name: text('name').primaryKey(),
  description: text('description').notNull(),
  createdAt: ms('created_at').notNull(),
});

/** Customer profiles; attributes and tags are updated by flows. */
export const customers = sqliteTable(
  'customers',
  {
    id: text('id').primaryKey(),
    name: text('name').notNull(),
    email: text('email'),
    phone: text('phone'),
    segment: text('segment'),
    attributes: json<Record<string, unknown>>('attributes').notNull(),
    tags: json<string[]>('tags').notNull(),
    createdAt: ms('created_at').notNull(),
    updatedAt: ms('updated_at').notNull(),
    /** The language of what the customer receives; null: the deployment's default (en). */
    locale: text('locale').$type<Locale>(),
    /** A merged contact (tombstone): the customer it was merged into; null for a live one. */
    mergedInto: text('merged_into'),
    mergedAt: ms('merged_at'),
  },
  (t) => [
    index('customers_segment_idx').on(t.segment, t.id),
    // Merging into a customer re-points the tombstones that named the merged one.
    index('customers_merged_into_idx').on(t.mergedInto),
    // Inbound channels find the customer by address (executor/inbound-message.ts).
    index('customers_email_idx').on(sql`lower(${t.email})`),
    index('customers_phone_idx').on(t.phone),
  ],
);

/** A flow's mutable draft plus the version new cases use. */
export const flows = sqliteTable('flows', {
  key: text('key').primaryKey(),
  name: text('name').notNull(),
  kind: text('kind').notNull(),
  draft: json<unknown>('draft').notNull(),
  problems: json<Problem[]>('problems').notNull(),
  activeVersion: integer('active_version'),
  updatedBy: text('updated_by'),
  createdAt: ms('created_at').notNull(),
  updatedAt: ms('updated_at').notNull(),
});

/** Immutable: rows are inserted once and never updated. */
export const flowVersions = sqliteTable(
  'flow_versions',
  {
    flow: text('flow').notNull(),
    version: integer('version').notNull(),
    definition: json<unknown>('definition').notNull(),
    config: json<unknown>('config').notNull(),
    checksum: text('checksum').notNull(),
    author: text('author'),
    note: text('note').notNull(),
    createdAt: ms('created_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.flow, t.version] })],
);

/** The item's fields beyond the indexed ones are kept whole in `data`. */
export const catalogItems = sqliteTable('catalog_items', {
  key: text('key').primaryKey(),
  name: text('name').notNull(),
  category: text('category').notNull(),
  flow: text('flow').notNull(),
  active: bool('active').notNull(),
  data: json<Record<string, unknown>>('data').notNull(),
  updatedAt: ms('updated_at').notNull(),
});

/** Pilot rollouts of a flow version to a share of customers. */
export const pilots = sqliteTable(
  'pilots',
  {
    id: text('id').primaryKey(),
    flow: text('flow').notNull(),
    version: integer('version').notNull(),
    baselineVersion: integer('baseline_version'),
    percentage: real('percentage').notNull(),
    segments: json<string[]>('segments').notNull(),
    customerIds: json<string[]>('customer_ids').notNull(),
    note: text('note').notNull(),
    status: text('status').$type<PilotStatus>().notNull(),
    createdBy: text('created_by'),
    createdAt: ms('created_at').notNull(),
    endedAt: ms('ended_at'),
  },
  (t) => [index('pilots_flow_idx').on(t.flow, t.status, t.createdAt)],
);

/** One row per case: summary columns for queues plus the engine snapshot. */
export const cases = sqliteTable(
  'cases',
  {
    id: text('id').primaryKey(),
    flow: text('flow').notNull(),
    version: integer('version').notNull(),
    pilotId: text('pilot_id'),
    cohort: text('cohort').$type<Cohort>(),
    customerId: text('customer_id'),
    channel: text('channel').$type<Channel>().notNull(),
    subject: text('subject').notNull(),
    priority: text('priority').$type<Priority>().notNull(),
    status: text('status').$type<CaseStatus>().notNull(),
    activeNodes: json<string[]>('active_nodes').notNull(),
    variables: json<Record<string, unknown>>('variables').notNull(),
    snapshot: json<unknown>('snapshot').notNull(),
    revision: integer('revision').notNull(),
    parentCaseId: text('parent_case_id'),
    parentNodeId: text('parent_node_id'),
    childId: text('child_id'),
    createdBy: text('created_by'),
    createdAt: ms('created_at').notNull(),
    updatedAt: ms('updated_at').notNull(),
    closedAt: ms('closed_at'),
    firstResponseAt: ms('first_response_at'),
    /** Readable per-deployment number (REQ-000123 is its display form). */
    number: integer('number'),
  },
  (t) => [
    uniqueIndex('cases_number_idx').on(t.number),
    index('cases_created_idx').on(t.createdAt, t.id),
    index('cases_customer_idx').on(t.customerId, t.createdAt, t.id),
    index('cases_status_idx').on(t.status, t.createdAt, t.id),
    index('cases_flow_idx').on(t.flow, t.version, t.createdAt),
    index('cases_pilot_idx').on(t.pilotId),
    index('cases_parent_idx').on(t.parentCaseId),
  ],
);

/** Human tasks and approval votes; the queue columns are indexed. */
export const tasks = sqliteTable(
  'tasks',
  {
    id: text('id').primaryKey(),
    caseId: text('case_id')
      .notNull()
      .references(() => cases.id),
    taskKey: text('task_key').notNull(),
    nodeId: text('node_id').notNull(),
    kind: text('kind').$type<'task' | 'approval'>().notNull(),
    title: text('title').notNull(),
    status: text('status').$type<TaskStatus>().notNull(),
    tier: text('tier'),
    group: text('group_name'),
    assignee: text('assignee'),
    outcomes: json<string[]>('outcomes').notNull(),
    form: json<unknown>('form'),
    approvalId: text('approval_id'),
    dueAt: ms('due_at'),
    outcome: text('outcome'),
    values: json<Record<string, unknown>>('values'),
    createdAt: ms('created_at').notNull(),
    updatedAt: ms('updated_at').notNull(),
    closedAt: ms('closed_at'),
  },
  (t) => [
    uniqueIndex('tasks_case_key_idx').on(t.caseId, t.taskKey),
    index('tasks_queue_idx').on(t.status, t.createdAt, t.id),
    index('tasks_group_idx').on(t.group, t.status, t.createdAt),
    index('tasks_tier_idx').on(t.tier, t.status, t.createdAt),
    index('tasks_assignee_idx').on(t.assignee, t.status, t.createdAt),
  ],
);

/** SLA clocks per case, keyed by the engine's sla id. */
export const slas = sqliteTable(
  'slas',
  {
    caseId: text('case_id')
      .notNull()
      .references(() => cases.id),
    id: text('id').notNull(),
    scope: text('scope').$type<'case' | 'task'>().notNull(),
    taskId: text('task_id'),
    status: text('status').$type<SlaStatus>().notNull(),
    target: text('target').notNull(),
    calendar: text('calendar').notNull(),
    startedAt: ms('started_at'),
    dueAt: ms('due_at'),
    elapsedMs: integer('elapsed_ms').notNull(),
    updatedAt: ms('updated_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.caseId, t.id] })],
);

/** Append-only audit trail; seq is 1, 2, 3… per case. */
export const timeline = sqliteTable(
  'timeline',
  {
    caseId: text('case_id')
      .notNull()
      .references(() => cases.id),
    seq: integer('seq').notNull(),
    at: ms('at').notNull(),
    type: text('type').notNull(),
    actor: text('actor'),
    nodeId: text('node_id'),
    data: json<Record<string, unknown>>('data').notNull(),
    public: bool('public').notNull(),
  },
  (t) => [primaryKey({ columns: [t.caseId, t.seq] }), index('timeline_type_at_idx').on(t.type, t.at)],
);

/** Conversation messages of a case. */
export const messages = sqliteTable(
  'messages',
  {
    id: text('id').primaryKey(),
    caseId: text('case_id').notNull(),
    customerId: text('customer_id'),
    channel: text('channel').$type<Channel>().notNull(),
    direction: text('direction').$type<'in' | 'out'>().notNull(),
    from: text('from_party').$type<'customer' | 'agent' | 'system'>().notNull(),
    author: text('author'),
    body: text('body').notNull(),
    at: ms('at').notNull(),
    /** `internal` notes never reach the customer (DESIGN §10). */
    visibility: text('visibility').$type<MessageVisibility>().notNull().default('public'),
    /** The channel address of the other party (an e-mail address, a phone number). */
    address: text('address'),
    /** Sanitised HTML of an e-mail; body is its text. */
    html: text('html'),
    /** The channel's own id (an e-mail Message-ID): a message delivered twice is stored once. */
    externalId: text('external_id'),
  },
  (t) => [
    index('messages_case_idx').on(t.caseId, t.at),
    index('messages_customer_idx').on(t.customerId, t.at),
    uniqueIndex('messages_external_idx').on(t.channel, t.externalId),
  ],
);

/** Sent surveys, answered once through their token. */
export const surveys = sqliteTable(
  'surveys',
  {
    token: text('token').primaryKey(),
    caseId: text('case_id').notNull(),
    customerId: text('customer_id'),
    surveyId: text('survey_id').notNull(),
    nodeId: text('node_id'),
    kind: text('kind').$type<SurveyKind>().notNull(),
    to: text('to_address').notNull(),
    score: real('score'),
    comment: text('comment'),
    sentAt: ms('sent_at').notNull(),
    answeredAt: ms('answered_at'),
  },
  (t) => [index('surveys_case_idx').on(t.caseId), index('surveys_customer_idx').on(t.customerId)],
);

/** Side effects to deliver after commit. `claim` names the current lease holder. */
export const outbox = sqliteTable(
  'outbox',
  {
    id: text('id').primaryKey(),
    caseId: text('case_id'),
    kind: text('kind').$type<OutboxKind>().notNull(),
    idempotencyKey: text('idempotency_key').notNull(),
    payload: json<Record<string, unknown>>('payload').notNull(),
    status: text('status').$type<OutboxStatus>().notNull(),
    attempts: integer('attempts').notNull(),
    nextAttemptAt: ms('next_attempt_at').notNull(),
    lastError: text('last_error'),
    claim: text('claim'),
    createdAt: ms('created_at').notNull(),
    deliveredAt: ms('delivered_at'),
  },
  (t) => [
    uniqueIndex('outbox_key_idx').on(t.idempotencyKey),
    index('outbox_due_idx').on(t.nextAttemptAt, t.id).where(sql`${t.status} in ('pending', 'failed')`),
    index('outbox_case_idx').on(t.caseId, t.createdAt),
    index('outbox_created_idx').on(t.createdAt, t.id),
  ],
);

/**
 * Durable timers. Keyed on (fire_at, id) and WITHOUT ROWID (added by hand in the migration):
 * the due scan and the claim walk the primary key itself. `due_at` keeps the scheduled time
 * while a claim pushes `fire_at` forward as a lease.
 */
export const timers = sqliteTable(
  'timers',
  {
    fireAt: ms('fire_at').notNull(),
    id: text('id').notNull(),
    caseId: text('case_id').notNull(),
    timerId: text('timer_id').notNull(),
    purpose: text('purpose').notNull(),
    dueAt: ms('due_at').notNull(),
    claim: text('claim'),
  },
  (t) => [
    primaryKey({ columns: [t.fireAt, t.id] }),
    uniqueIndex('timers_id_idx').on(t.id),
    index('timers_case_idx').on(t.caseId),
  ],
);

/** Stored answers of idempotent requests, per user and key. */
export const idempotency = sqliteTable(
  'idempotency',
  {
    userId: text('user_id').notNull(),
    key: text('key').notNull(),
    requestHash: text('request_hash').notNull(),
    status: integer('status').notNull(),
    body: json<unknown>('body'),
    createdAt: ms('created_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.key] }), index('idempotency_created_idx').on(t.createdAt)],
);

/**
 * Server-side sessions: a bearer token names one. Expiry and revocation are the server's, so
 * logout, deactivation and a password change end a session at once.
 */
export const sessions = sqliteTable(
  'sessions',
  {
    id: text('id').primaryKey(),
    username: text('username').notNull(),
    createdAt: ms('created_at').notNull(),
    expiresAt: ms('expires_at').notNull(),
    lastSeenAt: ms('last_seen_at').notNull(),
    revokedAt: ms('revoked_at'),
    source: text('source'),
    userAgent: text('user_agent'),
  },
  (t) => [index('sessions_user_idx').on(t.username, t.revokedAt)],
);

/**
 * Admin-managed endpoints that http actions name. `secret` is the AES-256-GCM ciphertext of the
 * credential fields (CASEFLOW_DATA_KEY); `auth` holds only the non-secret ones (kind, header name).
 */
export const connections = sqliteTable('connections', {
  name: text('name').primaryKey(),
  baseUrl: text('base_url').notNull(),
  allowedHosts: json<string[]>('allowed_hosts').notNull(),
  auth: json<Record<string, unknown>>('auth').notNull(),
  secret: text('secret'),
  description: text('description'),
  updatedBy: text('updated_by'),
  createdAt: ms('created_at').notNull(),
  updatedAt: ms('updated_at').notNull(),
});

/**
 * Failures the flow does not model (expression budget, engine error, a bug): the case stays at
 * its node and an incident records what to retry (`source`: the event, timer or outbox row).
 */
export const incidents = sqliteTable(
  'incidents',
  {
    id: text('id').primaryKey(),
    caseId: text('case_id'),
    nodeId: text('node_id'),
    kind: text('kind').$type<'expression' | 'timer' | 'delivery' | 'internal'>().notNull(),
    message: text('message').notNull(),
    source: json<Record<string, unknown>>('source').notNull(),
    status: text('status').$type<'open' | 'resolved'>().notNull(),
    attempts: integer('attempts').notNull(),
    createdAt: ms('created_at').notNull(),
    updatedAt: ms('updated_at').notNull(),
    resolvedAt: ms('resolved_at'),
    resolvedBy: text('resolved_by'),
    note: text('note'),
  },
  (t) => [
    index('incidents_status_idx').on(t.status, t.createdAt, t.id),
    index('incidents_case_idx').on(t.caseId, t.createdAt),
  ],
);
