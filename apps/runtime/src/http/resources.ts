import {
  AgentResource,
  type CustomerMerge,
  GroupRouting,
  Locale,
  Message,
  type Pilot,
  User,
} from '@caseflow/schema';
import { z } from 'zod';
import { profileFields } from '../routing/agent-profile';
import { toGroupRouting } from '../routing/group-routing-commands';
import type { AttachmentRow } from '../store/channel-store';
import type { CustomerMergeRow } from '../store/customer-merge-store';
import type { AgentProfileRow, GroupRoutingRow } from '../store/routing-store';
import type {
  CustomerRow,
  FlowVersionRow,
  GroupRow,
  MessageRow,
  OutboxRow,
  PilotRow,
  Store,
  SurveyRow,
  UserRow,
} from '../store/store';
import { iso, isoAt } from './openapi';

/*
 * Store rows → API resources. Times become ISO strings; internal columns (password hashes,
 * snapshots, claims) never appear. The schemas document the answers in the OpenAPI document.
 */

export const UserResource = User.extend({
  displayName: z.string().nullable(),
  customerId: z.string().nullable(),
  locale: Locale.nullable(),
})
  // The routing profile (DESIGN §12), on the admin's user answers.
  .extend(AgentResource.omit({ username: true, displayName: true, groups: true }).partial().shape);
/** A user without credentials; with `profile` given (null: never set up) its routing fields too. */
export function toUser(u: UserRow, profile?: AgentProfileRow | null): z.infer<typeof UserResource> {
  return {
    ...(profile === undefined ? {} : profileFields(profile)),
    username: u.username,
    displayName: u.displayName,
    roles: u.roles,
    groups: u.groups,
    tiers: u.tiers,
    customerId: u.customerId,
    email: u.email,
    active: u.active,
    passwordChangedAt: iso(u.passwordChangedAt),
    createdAt: isoAt(u.createdAt),
    locale: u.locale ?? null,
  };
}

/** A group as the API answers it. */
export const GroupResource = z.object({
  name: z.string(),
  description: z.string(),
  /** Usernames of the members, sorted. */
  members: z.array(z.string()),
  createdAt: z.string(),
  /** How the group hands out its work (DESIGN §12); `{mode: "manual"}` when never set. */
  routing: GroupRouting,
});
/** A group row, its members and routing settings as a resource. */
export function toGroup(
  g: GroupRow & { members: string[]; routing?: GroupRoutingRow | null },
): z.infer<typeof GroupResource> {
  return {
    name: g.name,
    description: g.description,
    members: g.members,
    createdAt: isoAt(g.createdAt),
    routing: toGroupRouting(g.routing),
  };
}

/** A customer profile as the API answers it. */
export const CustomerResource = z.object({
  id: z.string(),
  name: z.string(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  segment: z.string().nullable(),
  attributes: z.record(z.string(), z.unknown()),
  tags: z.array(z.string()),
  createdAt: z.string(),
  updatedAt: z.string(),
  /** The language of what the customer receives; null: the default (en). */
  locale: Locale.nullable(),
  /** A merged contact (tombstone): the customer it was merged into; null for a live one. */
  mergedInto: z.string().nullable(),
});
/** A customer row as a resource. */
export function toCustomer(c: CustomerRow): z.infer<typeof CustomerResource> {
  return {
    id: c.id,
    name: c.name,
    email: c.email,
    phone: c.phone,
    segment: c.segment,
    attributes: c.attributes,
    tags: c.tags,
    createdAt: isoAt(c.createdAt),
    updatedAt: isoAt(c.updatedAt),
    locale: c.locale ?? null,
    mergedInto: c.mergedInto ?? null,
  };
}

/** A contact merge as the API answers it. */
export function toCustomerMerge(m: CustomerMergeRow): CustomerMerge {
  return {
    from: m.sourceId,
    into: m.targetId,
    by: m.actor,
    at: isoAt(m.at),
    identities: m.identities,
    cases: m.cases,
  };
}

/** A message on a case (DESIGN §10). */
export const MessageResource = Message;
/** A message row with its files as a resource. */
export function toMessage(
  m: MessageRow,
  attachments: readonly AttachmentRow[] = [],
): z.infer<typeof Message> {
  const at = isoAt(m.at);
  return {
    id: m.id,
    caseId: m.caseId,
    channel: m.channel,
    direction: m.direction,
    visibility: m.visibility,
    from: {
      kind: m.from,
      id: m.from === 'customer' ? m.customerId : m.from === 'agent' ? m.author : null,
      ...(m.address ? { address: m.address } : {}),
    },
    author: m.author,
    body: m.body,
    ...(m.html ? { html: m.html } : {}),
    attachments: attachments
      .filter((a) => a.messageId === m.id)
      .map((a) => ({ id: a.id, name: a.name, size: a.size, contentType: a.contentType })),
    ...(m.externalId ? { externalId: m.externalId } : {}),
    createdAt: at,
    at,
  };
}

/** Messages as resources, their files read in one query. */
export async function toMessages(
  store: Store,
  rows: readonly MessageRow[],
): Promise<z.infer<typeof Message>[]> {
  const files = await store.channels.attachmentsOf(rows.map((m) => m.id));
  return rows.map((m) => toMessage(m, files));
}

/** A sent survey and its answer, without the token. */
export const SurveyResource = z.object({
  caseId: z.string(),
  kind: z.enum(['csat', 'nps', 'ces']),
  surveyId: z.string(),
  answered: z.boolean(),
  score: z.number().nullable(),
  comment: z.string().nullable(),
  sentAt: z.string(),
  answeredAt: z.string().nullable(),
});
/** A survey as staff and its customer see it; the token is left out (it is the credential). */
export function toSurvey(s: SurveyRow): z.infer<typeof SurveyResource> {
  return {
    caseId: s.caseId,
    kind: s.kind,
    surveyId: s.surveyId,
    answered: s.answeredAt !== null,
    score: s.score,
    comment: s.comment,
    sentAt: isoAt(s.sentAt),
    answeredAt: iso(s.answeredAt),
  };
}

/** A pilot row as the schema's Pilot. */
export function toPilot(p: PilotRow): z.infer<typeof Pilot> {
  return {
    id: p.id,
    flow: p.flow,
    version: p.version,
    baselineVersion: p.baselineVersion,
    percentage: p.percentage,
    segments: p.segments,
    customerIds: p.customerIds,
    note: p.note,
    status: p.status,
    createdBy: p.createdBy,
    createdAt: isoAt(p.createdAt),
    endedAt: iso(p.endedAt),
  };
}

/** An outbox message with its delivery state. */
export const OutboxResource = z.object({
  id: z.string(),
  caseId: z.string().nullable(),
  kind: z.enum(['notify', 'survey', 'http', 'message']),
  idempotencyKey: z.string(),
  payload: z.record(z.string(), z.unknown()),
  status: z.enum(['pending', 'delivered', 'failed', 'dead']),
  attempts: z.number(),
  nextAttemptAt: z.string(),
  lastError: z.string().nullable(),
  createdAt: z.string(),
  deliveredAt: z.string().nullable(),
});
/** An outbox row as a resource. */
export function toOutbox(o: OutboxRow): z.infer<typeof OutboxResource> {
  return {
    id: o.id,
    caseId: o.caseId,
    kind: o.kind,
    idempotencyKey: o.idempotencyKey,
    payload: o.payload,
    status: o.status,
    attempts: o.attempts,
    nextAttemptAt: isoAt(o.nextAttemptAt),
    lastError: o.lastError,
    createdAt: isoAt(o.createdAt),
    deliveredAt: iso(o.deliveredAt),
  };
}

/** One published flow version with its compiled config. */
export const VersionResource = z.object({
  flow: z.string(),
  version: z.number().int(),
  definition: z.unknown(),
  config: z.unknown(),
  checksum: z.string(),
  author: z.string().nullable(),
  note: z.string(),
  createdAt: z.string(),
});
/** A version row as a resource. */
export function toVersion(v: FlowVersionRow): z.infer<typeof VersionResource> {
  return {
    flow: v.flow,
    version: v.version,
    definition: v.definition,
    config: v.config,
    checksum: v.checksum,
    author: v.author,
    note: v.note,
    createdAt: isoAt(v.createdAt),
  };
}
