import type {
  CatalogItemRow,
  CustomerRow,
  FlowDraft,
  FlowRow,
  NewCustomer,
  NewOutbox,
  NewTask,
  NewTimelineEntry,
  NewUser,
  OutboxRow,
  TaskRow,
  TimelineRow,
  UserRow,
} from './store';

/** The catalog table's columns: the indexed fields plus the rest of the item in `data`. */
export interface CatalogColumns {
  key: string;
  name: string;
  category: string;
  flow: string;
  active: boolean;
  data: Record<string, unknown>;
  updatedAt: number;
}

/** Splits a catalog item into its table columns (both dialects store it the same way). */
export function catalogToColumns(item: CatalogItemRow): CatalogColumns {
  const { key, name, category, flow, active, updatedAt, ...rest } = item;
  return { key, name, category, flow, active, updatedAt, data: rest };
}

/** Rebuilds a catalog item from its table columns. */
export function catalogFromColumns(row: CatalogColumns): CatalogItemRow {
  const { key, name, category, flow, active, updatedAt, data } = row;
  return {
    ...(data as Omit<CatalogItemRow, keyof CatalogColumns>),
    key,
    name,
    category,
    flow,
    active,
    updatedAt,
  };
}

/** The row a new user is stored as (both dialects): absent optionals become null/empty. */
export function userToRow(user: NewUser): UserRow & { passwordHash: string } {
  return {
    username: user.username,
    passwordHash: user.passwordHash,
    displayName: user.displayName ?? null,
    roles: user.roles,
    groups: user.groups ?? [],
    tiers: user.tiers ?? [],
    customerId: user.customerId ?? null,
    email: user.email ?? null,
    active: true,
    passwordChangedAt: null,
    createdAt: user.createdAt,
    locale: user.locale ?? null,
  };
}

/** The row a new customer is stored as (both dialects): absent optionals become null/empty, updatedAt defaults to createdAt. */
export function customerToRow(customer: NewCustomer): CustomerRow {
  return {
    id: customer.id,
    name: customer.name,
    email: customer.email ?? null,
    phone: customer.phone ?? null,
    segment: customer.segment ?? null,
    attributes: customer.attributes ?? {},
    tags: customer.tags ?? [],
    createdAt: customer.createdAt,
    updatedAt: customer.updatedAt ?? customer.createdAt,
    locale: customer.locale ?? null,
    mergedInto: null,
    mergedAt: null,
  };
}

/** The row a saved draft inserts when its flow is new: no active version, created at the save. */
export function newFlowRow(draft: FlowDraft): FlowRow {
  return { ...draft, activeVersion: null, createdAt: draft.updatedAt };
}

/** What saving a draft changes on an existing flow: not its key, active version or creation time. */
export function draftUpdate(draft: FlowDraft): Omit<FlowDraft, 'key'> {
  return {
    name: draft.name,
    kind: draft.kind,
    draft: draft.draft,
    problems: draft.problems,
    updatedBy: draft.updatedBy,
    updatedAt: draft.updatedAt,
  };
}

/** The row a new task is stored as (both dialects): no outcome yet, updatedAt defaults to createdAt. */
export function taskToRow(task: NewTask): TaskRow {
  return {
    ...task,
    outcome: task.outcome ?? null,
    values: task.values ?? null,
    updatedAt: task.updatedAt ?? task.createdAt,
    closedAt: task.closedAt ?? null,
  };
}

/** What a new timeline entry stores besides its case and seq: absent optionals become null, {} or false. */
export function timelineFields(entry: NewTimelineEntry): Omit<TimelineRow, 'caseId' | 'seq'> {
  return {
    at: entry.at,
    type: entry.type,
    actor: entry.actor ?? null,
    nodeId: entry.nodeId ?? null,
    data: entry.data ?? {},
    public: entry.public ?? false,
  };
}

/** The row a new outbox entry is stored as (both dialects): pending, first attempt due at once. */
export function outboxToRow(row: NewOutbox): OutboxRow {
  return {
    ...row,
    status: 'pending',
    attempts: 0,
    nextAttemptAt: row.nextAttemptAt ?? row.createdAt,
    lastError: null,
    deliveredAt: null,
  };
}

/** `patch` without its undefined entries, so that an update touches only the given fields. */
export function definedOnly<T extends object>(patch: T): Partial<T> {
  const out: Partial<T> = {};
  for (const [k, v] of Object.entries(patch)) {
    if (v !== undefined) (out as Record<string, unknown>)[k] = v;
  }
  return out;
}

/** A LIKE pattern matching `text` anywhere, with %, _ and \ escaped (use with ESCAPE '\'). */
export function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** A copy of the column map `cols` without `key` (e.g. every case column but the snapshot). */
export function withoutColumn<T extends object, K extends keyof T>(cols: T, key: K): Omit<T, K> {
  const copy = { ...cols };
  delete copy[key];
  return copy;
}

/** Claimed outbox order: oldest row first, id breaking ties. */
export function byCreation(
  a: { createdAt: number; id: string },
  b: { createdAt: number; id: string },
): number {
  return a.createdAt - b.createdAt || compareIds(a.id, b.id);
}

/** Claimed timer order: earliest scheduled due time first, id breaking ties. */
export function byDue(a: { dueAt: number; id: string }, b: { dueAt: number; id: string }): number {
  return a.dueAt - b.dueAt || compareIds(a.id, b.id);
}

function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The id of a timer row: one per (case, engine timer id), so a schedule moves the timer. */
export function timerRowId(caseId: string, timerId: string): string {
  return `${caseId}:${timerId}`;
}
