import { z } from 'zod';
import { GroupName, LIMITS } from './limits';
import { IsoDuration, IsoInstant, Key } from './primitives';

/*
 * Routing and presence (DESIGN §12): who is available, what they can do and how much of it at
 * once, and how each group hands its work out.
 */

/** An agent's presence. Only `online` agents receive work. */
export const PresenceStatus = z.enum(['online', 'away', 'offline']);
export type PresenceStatus = z.infer<typeof PresenceStatus>;

/** PUT /agents/:username/presence. */
export const PresenceUpdate = z.object({ status: PresenceStatus }).strict();
export type PresenceUpdate = z.infer<typeof PresenceUpdate>;

/** A skill name: lower-case letters, digits and dashes (`portuguese`, `card-fraud`). */
export const SkillName = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[a-z][a-z0-9-]*$/, 'lower-case letters, digits, dashes');

/** Highest skill level (1 = basic … 5 = expert). */
export const MAX_SKILL_LEVEL = 5;

export const AgentSkill = z
  .object({ name: SkillName, level: z.number().int().min(1).max(MAX_SKILL_LEVEL) })
  .strict();
export type AgentSkill = z.infer<typeof AgentSkill>;

/** How many items of each kind of work an agent holds at once; 0 means none of that kind. */
export const AgentCapacity = z
  .object({
    task: z.number().int().min(0).max(1000),
    chat: z.number().int().min(0).max(1000),
    email: z.number().int().min(0).max(1000),
  })
  .strict();
export type AgentCapacity = z.infer<typeof AgentCapacity>;

/** The capacity of an agent nobody configured. */
export const DEFAULT_CAPACITY: AgentCapacity = { task: 5, chat: 3, email: 10 };

/** A period away (holiday, training): `from` before `to`, both instants with an offset. */
export const OutOfOffice = z
  .object({ from: IsoInstant, to: IsoInstant })
  .strict()
  .refine((p) => Date.parse(p.from) < Date.parse(p.to), { message: 'from must be before to', path: ['to'] });
export type OutOfOffice = z.infer<typeof OutOfOffice>;

/**
 * The routing part of an agent's profile, as PATCH /users/:username takes it (admin): skills
 * (one entry per name), capacity, the business calendar of their working hours (null: none —
 * they may work at any time) and out-of-office periods.
 */
export const AgentProfilePatch = z.object({
  skills: z
    .array(AgentSkill)
    .max(LIMITS.list)
    .refine((s) => new Set(s.map((x) => x.name)).size === s.length, 'each skill once'),
  capacity: AgentCapacity,
  /** A calendar's name: one of the installation's, or the built-in `24x7`. */
  calendar: z.union([Key, z.literal('24x7')]).nullable(),
  outOfOffice: z.array(OutOfOffice).max(LIMITS.list),
});
export type AgentProfilePatch = z.infer<typeof AgentProfilePatch>;

/** How a group hands out its work. */
export const RoutingMode = z.enum(['manual', 'round-robin', 'least-loaded', 'skills']);
export type RoutingMode = z.infer<typeof RoutingMode>;

/** Where a group's work goes when it waits too long or too much of it waits. */
export const Overflow = z
  .object({
    to: GroupName,
    /** A task waiting this long unassigned moves to `to`. */
    afterWait: IsoDuration.optional(),
    /** While more than this many tasks wait unassigned, new ones move to `to`. */
    afterQueue: z.number().int().min(1).max(100_000).optional(),
  })
  .strict()
  .refine((o) => o.afterWait !== undefined || o.afterQueue !== undefined, {
    message: 'overflow needs afterWait and/or afterQueue',
    path: ['afterWait'],
  });
export type Overflow = z.infer<typeof Overflow>;

/**
 * A group's routing settings (PUT /groups/:name `{routing}`). `offerTimeout`: an assigned task
 * nobody starts working within it is offered to the next agent. `paused`: a supervisor stopped
 * automatic assignment for now (tasks wait in the queue as with `manual`).
 */
export const GroupRouting = z
  .object({
    mode: RoutingMode,
    offerTimeout: IsoDuration.optional(),
    overflow: Overflow.optional(),
    paused: z.boolean().optional(),
  })
  .strict();
export type GroupRouting = z.infer<typeof GroupRouting>;

/** A group nobody configured: tasks wait to be claimed. */
export const MANUAL_ROUTING: GroupRouting = { mode: 'manual' };

/** POST /tasks/:id/decline. */
export const TaskDecline = z.object({ reason: z.string().trim().min(1).max(500) }).strict();
export type TaskDecline = z.infer<typeof TaskDecline>;

/** An agent as routing sees them (GET /agents). */
export const AgentResource = z.object({
  username: z.string(),
  displayName: z.string().nullable(),
  groups: z.array(z.string()),
  presence: PresenceStatus,
  /** When the presence last changed (ISO), null when never set. */
  presenceAt: z.string().nullable(),
  skills: z.array(AgentSkill),
  capacity: AgentCapacity,
  calendar: z.string().nullable(),
  outOfOffice: z.array(OutOfOffice),
});
export type AgentResource = z.infer<typeof AgentResource>;
