import {
  type AgentCapacity,
  type AgentProfilePatch,
  type AgentResource,
  DEFAULT_CAPACITY,
  isSupervisor as holdsSupervision,
} from '@caseflow/schema';
import { hasRole, isCustomerOnly } from '../auth/roles';
import { badRequest } from '../executor/errors';
import type { AgentProfileRow } from '../store/routing-store';
import type { UserRow } from '../store/store';

/**
 * Whether `user` supervises now: active staff (not only a customer, even one put in the group),
 * and an admin or a member of the `supervisors` group. The runtime's one test of it. Pure.
 */
export function isSupervisor(user: Pick<UserRow, 'roles' | 'groups' | 'active'>): boolean {
  return user.active && !isCustomerOnly(user) && holdsSupervision(user);
}

/** Whether `user` can receive routed work: an active agent (or above) who is not only a customer. */
export function isRoutableAgent(user: Pick<UserRow, 'roles' | 'active'>): boolean {
  return user.active && !isCustomerOnly(user) && hasRole(user, 'agent');
}

/** The profile of an agent nobody set up: offline, no skills, default capacity, any hours. */
export function blankProfile(username: string, now: number): AgentProfileRow {
  return {
    username,
    presence: 'offline',
    presenceAt: null,
    skills: [],
    capacity: null,
    calendar: null,
    outOfOffice: [],
    lastOfferedAt: null,
    updatedAt: now,
  };
}

/** The capacity routing uses for `profile` (the default when none was set). */
export function capacityOf(profile: Pick<AgentProfileRow, 'capacity'> | null): AgentCapacity {
  return profile?.capacity ?? DEFAULT_CAPACITY;
}

/**
 * `profile` with the routing fields of an admin's user patch applied; a calendar must be one
 * the runtime knows (400 naming `calendar`). Pure apart from the check.
 */
export function applyProfilePatch(
  profile: AgentProfileRow,
  patch: Partial<AgentProfilePatch>,
  calendarKeys: readonly string[],
  now: number,
): AgentProfileRow {
  if (patch.calendar != null && !calendarKeys.includes(patch.calendar)) {
    throw badRequest(`calendar: unknown calendar ${patch.calendar}`, [
      { path: 'calendar', message: `unknown calendar ${patch.calendar}; known: ${calendarKeys.join(', ')}` },
    ]);
  }
  return {
    ...profile,
    skills: patch.skills ?? profile.skills,
    capacity: patch.capacity ?? profile.capacity,
    calendar: patch.calendar === undefined ? profile.calendar : patch.calendar,
    outOfOffice: patch.outOfOffice ?? profile.outOfOffice,
    updatedAt: now,
  };
}

/** Whether a user patch touches the routing profile. */
export function touchesProfile(patch: Partial<AgentProfilePatch>): boolean {
  return (
    patch.skills !== undefined ||
    patch.capacity !== undefined ||
    patch.calendar !== undefined ||
    patch.outOfOffice !== undefined
  );
}

/** The routing fields of a user as the API shows them. */
export function profileFields(profile: AgentProfileRow | null) {
  return {
    presence: profile?.presence ?? 'offline',
    presenceAt: profile?.presenceAt == null ? null : new Date(profile.presenceAt).toISOString(),
    skills: profile?.skills ?? [],
    capacity: capacityOf(profile),
    calendar: profile?.calendar ?? null,
    outOfOffice: profile?.outOfOffice ?? [],
  } satisfies Omit<AgentResource, 'username' | 'displayName' | 'groups'>;
}

/** An agent and their routing profile as GET /agents answers it. */
export function toAgent(user: UserRow, profile: AgentProfileRow | null): AgentResource {
  return {
    username: user.username,
    displayName: user.displayName,
    groups: user.groups,
    ...profileFields(profile),
  };
}
