import { z } from 'zod';
import { SurveyKind } from './flow';
import { IncidentRef } from './incident';
import { BoundedJson, GroupName, LIMITS, MemberName, Ref, VariablesMap } from './limits';
import { Locale } from './locale';
import { Channel, IsoDuration, IsoInstant, Priority, Role } from './primitives';
import { Problem } from './problem';
import { AgentProfilePatch, GroupRouting } from './routing';

// Payloads of the HTTP API (DESIGN §5). Field names are contracts.

export const ErrorBody = z.object({
  error: z.object({ code: z.string(), message: z.string(), details: z.unknown().optional() }),
});
export type ErrorBody = z.infer<typeof ErrorBody>;

export const Page = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), next: z.string().nullable() });
/** A list page: `{items, next}` of every list endpoint; `next` is the cursor of the following page or null. */
export type Page<T> = z.infer<ReturnType<typeof Page<z.ZodType<T>>>>;

export const LoginRequest = z.object({
  username: z.string().min(1).max(200),
  password: z.string().min(1).max(500),
});
/** The signed-in user as POST /api/auth/login answers it. */
export const SessionUser = z.object({
  username: z.string(),
  roles: z.array(Role),
  groups: z.array(z.string()),
  customerId: z.string().nullable(),
  /** The language the user chose for screens and what they receive (DESIGN §9); null: none yet. */
  locale: Locale.nullable().optional(),
});
export type SessionUser = z.infer<typeof SessionUser>;
export const LoginResponse = z.object({ token: z.string(), user: SessionUser });
export type LoginResponse = z.infer<typeof LoginResponse>;

/**
 * The password policy of every password set through the API (create, change, reset): at least
 * 8 characters, at most 256 (scrypt's cost must not grow with what a client sends).
 */
export const Password = z
  .string()
  .min(8, 'at least 8 characters')
  .max(256, 'at most 256 characters')
  .refine((p) => p.trim().length > 0, 'must not be blank');

export const UserCreate = z.object({
  username: z.string().regex(/^[a-z0-9][a-z0-9._@-]{1,63}$/, 'lower-case letters, digits, . _ @ -'),
  password: Password,
  displayName: z.string().max(200).optional(),
  email: z.email().max(254).optional(),
  roles: z.array(Role).min(1).max(4),
  groups: z.array(MemberName).max(LIMITS.list).default([]),
  tiers: z.array(MemberName).max(LIMITS.list).default([]),
  customerId: Ref.optional(),
  locale: Locale.optional(),
});
export type UserCreate = z.infer<typeof UserCreate>;
export const User = UserCreate.omit({ password: true, email: true }).extend({
  createdAt: z.string(),
  email: z.string().nullable().optional(),
  /** False once an admin deactivated the user: they cannot sign in and hold no session. */
  active: z.boolean().optional(),
  passwordChangedAt: z.string().nullable().optional(),
});
export type User = z.infer<typeof User>;

/** PATCH /users/:username (admin): only the given fields change; null clears an optional one. */
export const UserPatch = z
  .object({
    displayName: z.string().max(200).nullable(),
    email: z.email().max(254).nullable(),
    roles: z.array(Role).min(1).max(4),
    groups: z.array(MemberName).max(LIMITS.list),
    tiers: z.array(MemberName).max(LIMITS.list),
    customerId: Ref.nullable(),
    active: z.boolean(),
    locale: Locale.nullable(),
  })
  .extend(AgentProfilePatch.shape)
  .partial()
  .strict();
export type UserPatch = z.infer<typeof UserPatch>;

/** PATCH /auth/me: what a signed-in user changes of their own profile (their language). */
export const OwnProfilePatch = z.object({ locale: Locale.nullable() }).partial().strict();
export type OwnProfilePatch = z.infer<typeof OwnProfilePatch>;

/** POST /auth/password: the caller's own password change. */
export const PasswordChange = z.object({ current: z.string().min(1).max(500), next: Password });
export type PasswordChange = z.infer<typeof PasswordChange>;

/** POST /users/:username/password (admin): sets a new password and ends the user's sessions. */
export const PasswordReset = z.object({ next: Password });
export type PasswordReset = z.infer<typeof PasswordReset>;

export const GroupCreate = z.object({
  name: GroupName,
  description: z.string().max(500).default(''),
});
export type GroupCreate = z.infer<typeof GroupCreate>;

/**
 * PUT /groups/:name (admin): the description and the members (usernames; the whole list — users
 * not named leave the group). The name is the group's key: flows name it in tiers and approvers.
 */
export const GroupUpdate = z
  .object({
    description: z.string().max(500),
    members: z.array(z.string().min(1).max(100)).max(1000),
    /** How the group hands out its work (DESIGN §12). */
    routing: GroupRouting,
  })
  .partial()
  .strict();
export type GroupUpdate = z.infer<typeof GroupUpdate>;

export const CustomerCreate = z.object({
  id: z
    .string()
    .regex(/^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/)
    .optional(),
  name: z.string().min(1).max(200),
  email: z.email().optional(),
  phone: z.string().max(40).optional(),
  segment: z.string().max(50).optional(),
  attributes: VariablesMap.default({}),
  tags: z.array(z.string().min(1).max(LIMITS.tag)).max(LIMITS.list).default([]),
  /** The language of what the customer receives (notifications, surveys). */
  locale: Locale.optional(),
});
export type CustomerCreate = z.infer<typeof CustomerCreate>;

/** POST /customers/:id/merge (staff): merge the customer `from` into the one in the path. */
export const CustomerMergeRequest = z
  .object({
    /** The contact that is merged away: it becomes a tombstone pointing at the path's customer. */
    from: z.string().min(1).max(200),
  })
  .strict();
export type CustomerMergeRequest = z.infer<typeof CustomerMergeRequest>;

/** An address a merged contact held; `adopted` when the surviving customer took it as its own. */
export const MergedIdentity = z.object({
  kind: z.enum(['email', 'phone']),
  address: z.string(),
  adopted: z.boolean(),
});
export type MergedIdentity = z.infer<typeof MergedIdentity>;

/** One contact merge, as both customers' 360 views list it (their audit of merges). */
export const CustomerMerge = z.object({
  /** The contact merged away (now a tombstone). */
  from: z.string(),
  /** The customer it was merged into. */
  into: z.string(),
  /** The staff member who merged them. */
  by: z.string(),
  at: z.string(),
  identities: z.array(MergedIdentity),
  /** How many cases moved to `into`. */
  cases: z.number().int(),
});
export type CustomerMerge = z.infer<typeof CustomerMerge>;

/** A flow definition as sent for saving or validating: any JSON object (drafts may be invalid). */
export const FlowDefinitionBody = z.record(z.string(), z.unknown(), {
  error: 'the flow definition must be a JSON object',
});
export const FlowSave = z.object({
  definition: FlowDefinitionBody,
  /**
   * The `draft.updatedAt` the client's edit started from (null: a new flow, no draft yet). When
   * given and the draft has been saved since, the save is refused with 409 `draft-conflict`
   * instead of overwriting someone else's work. Omitted: last save wins.
   */
  baseUpdatedAt: z.iso.datetime().nullable().optional(),
});
/** The answer of a draft save: its problems and the new `updatedAt` to send as the next base. */
export const FlowSaved = z.object({ problems: z.array(Problem), updatedAt: z.string() });
export const PublishRequest = z.object({ note: z.string().max(2000).default('') });

export const CatalogRequestCreate = z.object({
  values: VariablesMap,
  onBehalfOf: Ref.optional(),
  channel: Channel.optional(),
});
export type CatalogRequestCreate = z.infer<typeof CatalogRequestCreate>;

export const CaseCreate = z.object({
  flow: Ref,
  customerId: Ref,
  channel: Channel,
  subject: z.string().max(500).default(''),
  priority: Priority.default('normal'),
  variables: VariablesMap.default({}),
});
export type CaseCreate = z.infer<typeof CaseCreate>;

export const CaseStatus = z.enum(['open', 'resolved', 'cancelled', 'rejected', 'failed']);
export const TaskStatus = z.enum(['open', 'claimed', 'completed', 'cancelled', 'escalated']);
export const SlaStatus = z.enum(['pending', 'running', 'paused', 'warning', 'met', 'breached', 'cancelled']);

export const SignalDeliver = z.object({ name: Ref, data: BoundedJson.optional() });
export const ProactiveSignal = z.object({ customerId: Ref, data: BoundedJson.optional() });

export const TaskComplete = z.object({
  outcome: Ref,
  values: VariablesMap.default({}),
  comment: z.string().max(5000).optional(),
});
export const TaskEscalate = z.object({ reason: z.string().min(1).max(2000) });
export const TaskDelegate = z.object({ to: Ref });

export const SurveyAnswer = z.object({
  score: z.number().int().min(-LIMITS.int).max(LIMITS.int),
  comment: z.string().max(5000).optional(),
});
export const SURVEY_SCALES: Record<SurveyKind, { min: number; max: number }> = {
  csat: { min: 1, max: 5 },
  nps: { min: 0, max: 10 },
  ces: { min: 1, max: 7 },
};

export const ClockMove = z
  .object({ advance: IsoDuration.optional(), set: IsoInstant.optional() })
  .refine((c) => (c.advance === undefined) !== (c.set === undefined), 'give exactly one of advance or set');

// Resource shapes answered by the API.

export const Task = z.object({
  id: z.string(),
  caseId: z.string(),
  nodeId: z.string(),
  kind: z.enum(['task', 'approval']),
  title: z.string(),
  status: TaskStatus,
  tier: z.string().nullable(),
  group: z.string().nullable(),
  assignee: z.string().nullable(),
  outcomes: z.array(z.string()),
  form: z.unknown().optional(),
  dueAt: z.string().nullable(),
  createdAt: z.string(),
  /**
   * Set (on reads) while routing's offer of the task to its assignee waits for them to accept
   * it by claiming it: at `expiresAt` (null: the group has no offer timeout now) it lapses and
   * goes to the next agent.
   */
  offer: z.object({ offeredAt: z.string(), expiresAt: z.string().nullable() }).optional(),
});
export type Task = z.infer<typeof Task>;

export const Sla = z.object({
  id: z.string(),
  scope: z.enum(['case', 'task']),
  taskId: z.string().nullable(),
  status: SlaStatus,
  target: z.string(),
  dueAt: z.string().nullable(),
  elapsedMs: z.number(),
});
export type Sla = z.infer<typeof Sla>;

export const SurveyRef = z.object({
  kind: SurveyKind,
  token: z.string().optional(),
  answered: z.boolean(),
  score: z.number().nullable(),
});

export const Case = z.object({
  id: z.string(),
  /** The readable number (REQ-000123); null only on cases from before numbering. */
  number: z.string().nullable(),
  /** Set on subflow children (internal cases): the case that started it. */
  parentCaseId: z.string().nullable(),
  flow: z.string(),
  version: z.number().int(),
  pilotId: z.string().nullable(),
  cohort: z.enum(['pilot', 'control']).nullable(),
  customerId: z.string().nullable(),
  channel: Channel,
  subject: z.string(),
  priority: Priority,
  status: CaseStatus,
  activeNodes: z.array(z.string()),
  variables: z.record(z.string(), z.unknown()),
  tasks: z.array(Task),
  slas: z.array(Sla),
  surveys: z.array(SurveyRef),
  revision: z.number().int(),
  createdAt: z.string(),
  /** Who opened it: the acting person's username (the system's actor for openings by a channel). */
  createdBy: z.string().nullable().optional(),
  closedAt: z.string().nullable(),
  /** Open incidents of the case (staff only; DESIGN §8). */
  incidents: z.array(IncidentRef).optional(),
  /** The customer's name (GET /cases/:id for staff), so people read a name rather than an id. */
  customerName: z.string().nullable().optional(),
});
export type Case = z.infer<typeof Case>;

export const TimelineEntry = z.object({
  seq: z.number().int(),
  at: z.string(),
  type: z.string(),
  actor: z.string().nullable(),
  /** The actor's display name, when the actor is a person the reader may see. */
  actorName: z.string().nullable().optional(),
  data: z.record(z.string(), z.unknown()),
});
export type TimelineEntry = z.infer<typeof TimelineEntry>;
