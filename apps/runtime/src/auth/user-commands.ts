import type { OwnProfilePatch, PasswordChange, UserCreate, UserPatch } from '@caseflow/schema';
import { AppError, badRequest, conflict, forbidden, notFound } from '../http/errors';
import { applyProfilePatch, blankProfile, touchesProfile } from '../routing/agent-profile';
import { announceRoutingChange } from '../routing/routing-change';
import { offlineAfterSignOut } from '../routing/system-presence';
import type { AgentProfileRow } from '../store/routing-store';
import type { Store, UserRow } from '../store/store';
import { retryTransient } from '../store/transient-conflict';
import { hashPassword, verifyPassword } from './password';

/*
 * The commands that change users and sessions (DESIGN §8). Each runs in one transaction that
 * re-reads who is acting and checks every invariant there, so a route only parses and maps:
 * - only an active admin administers users (the actor is read again inside the transaction);
 * - an admin cannot deactivate or demote themselves, and the last active admin stays one;
 * - groups must exist; a customer user names a known customer;
 * - deactivation, a password change and a reset revoke the user's sessions at once.
 * Passwords are hashed before the transaction (scrypt takes tens of milliseconds; SQLite
 * transactions hold the one connection).
 */

/** A field-level 400 naming `path`. */
const fieldError = (path: string, message: string) => badRequest(`${path}: ${message}`, [{ path, message }]);

/** Re-reads `actor` inside the transaction: they must still be an active admin. */
async function assertActiveAdmin(tx: Store, actor: string, admins?: string[]): Promise<void> {
  const list = admins ?? (await tx.users.activeAdmins());
  if (!list.includes(actor)) throw forbidden('requires role admin');
}

/** Refuses a password equal to the username (the policy's length rules are in the schema). */
function assertPasswordPolicy(path: string, password: string, username: string): void {
  if (password.trim().toLowerCase() === username.toLowerCase()) {
    throw fieldError(path, 'must not be the username');
  }
}

/** Groups must exist and a customer user must name a known customer; 400 naming the field. */
async function assertDirectoryRefs(
  tx: Store,
  user: Pick<UserRow, 'roles' | 'groups' | 'customerId'>,
): Promise<void> {
  for (const [i, g] of user.groups.entries()) {
    if (!(await tx.groups.get(g))) throw fieldError(`groups.${i}`, `unknown group ${g}`);
  }
  if (user.roles.includes('customer') && !user.customerId) {
    throw fieldError('customerId', 'required for role customer');
  }
  const customer = user.customerId ? await tx.customers.get(user.customerId) : null;
  if (user.customerId && !customer) {
    throw fieldError('customerId', `unknown customer ${user.customerId}`);
  }
  // A merged contact is only a pointer: the account belongs with the customer it became.
  if (customer?.mergedInto) {
    throw fieldError(
      'customerId',
      `customer ${customer.id} was merged into ${customer.mergedInto}; link that one`,
    );
  }
}

/** Creates a user (admin). 409 when the username exists. */
export async function createUser(
  store: Store,
  actor: string,
  input: UserCreate,
  now: number,
): Promise<UserRow> {
  assertPasswordPolicy('password', input.password, input.username);
  const passwordHash = await hashPassword(input.password);
  return store.transaction(async (tx) => {
    await assertActiveAdmin(tx, actor);
    const customerId = input.customerId ?? null;
    await assertDirectoryRefs(tx, { roles: input.roles, groups: input.groups, customerId });
    return tx.users.create({
      username: input.username,
      passwordHash,
      displayName: input.displayName ?? null,
      email: input.email ?? null,
      roles: input.roles,
      groups: input.groups,
      tiers: input.tiers,
      customerId,
      locale: input.locale ?? null,
      createdAt: now,
    });
  });
}

/** A user with their routing profile (null when none was ever set). */
export interface UserWithProfile {
  user: UserRow;
  profile: AgentProfileRow | null;
}

/**
 * Changes a user's profile, roles, active flag or routing profile (skills, capacity, calendar,
 * out of office: DESIGN §12; the calendar must be one of `calendarKeys`) (admin). Deactivating
 * revokes every session of the user in the same transaction. 404 unknown user; 409 for the
 * self and last-admin rules.
 */
export async function updateUser(
  store: Store,
  actor: string,
  username: string,
  patch: UserPatch,
  now: number,
  calendarKeys: readonly string[] = ['24x7'],
): Promise<UserWithProfile> {
  // The agent's profile is locked below, which routing beside this edit may hold.
  return retryTransient(() => editUser(store, actor, username, patch, now, calendarKeys));
}

function editUser(
  store: Store,
  actor: string,
  username: string,
  patch: UserPatch,
  now: number,
  calendarKeys: readonly string[],
): Promise<UserWithProfile> {
  return store.transaction(async (tx) => {
    // Locks the active admins' rows (PostgreSQL) before anything is checked against them.
    const admins = await tx.users.activeAdmins();
    await assertActiveAdmin(tx, actor, admins);
    const target = await tx.users.get(username);
    if (!target) throw notFound('user', username);
    const next: UserRow = {
      ...target,
      ...Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)),
    };
    if (actor === username && patch.active === false) {
      throw conflict('you cannot deactivate yourself', [
        { path: 'active', message: 'you cannot deactivate yourself' },
      ]);
    }
    if (actor === username && patch.roles && !patch.roles.includes('admin')) {
      throw conflict('you cannot remove your own admin role', [
        { path: 'roles', message: 'you cannot remove your own admin role' },
      ]);
    }
    const staysAdmin = next.active && next.roles.includes('admin');
    if (admins.includes(username) && !staysAdmin && admins.length <= 1) {
      const path = next.active ? 'roles' : 'active';
      throw conflict('the last active admin cannot be removed', [
        { path, message: 'the last active admin cannot be removed' },
      ]);
    }
    await assertDirectoryRefs(tx, next);
    const updated = await tx.users.update(username, {
      displayName: patch.displayName,
      email: patch.email,
      roles: patch.roles,
      groups: patch.groups,
      tiers: patch.tiers,
      customerId: patch.customerId,
      active: patch.active,
      locale: patch.locale,
    });
    if (!updated) throw notFound('user', username);
    if (target.active && !updated.active) await tx.sessions.revokeAll(username, now);
    let profile = await tx.routing.lockProfile(username);
    if (touchesProfile(patch)) {
      const next = applyProfilePatch(profile ?? blankProfile(username, now), patch, calendarKeys, now);
      profile = await tx.routing.saveProfile(next);
    }
    // Who may take work changed (skills, capacity, hours, groups, roles, active): supervisors see it live.
    if (touchesProfile(patch) || patch.groups || patch.roles || patch.active !== undefined) {
      const groups = [...new Set([...target.groups, ...updated.groups])];
      await announceRoutingChange(tx, 'routing', { users: [username], groups }, now);
    }
    return { user: updated, profile };
  });
}

/**
 * The caller's own password change: `current` must match; every other session of the user is
 * revoked, the one making the change stays. 400 naming `current` or `next`.
 */
export async function changeOwnPassword(
  store: Store,
  actor: string,
  sessionId: string | null,
  input: PasswordChange,
  now: number,
): Promise<void> {
  const credentials = await store.users.getCredentials(actor);
  if (!credentials?.user.active) throw new AppError('unauthorized', 401, 'sign in first');
  if (!(await verifyPassword(input.current, credentials.passwordHash))) {
    throw fieldError('current', 'wrong password');
  }
  if (input.next === input.current) throw fieldError('next', 'must differ from the current password');
  assertPasswordPolicy('next', input.next, actor);
  const passwordHash = await hashPassword(input.next);
  await store.transaction(async (tx) => {
    // The hash verified above must still be the stored one: a reset in between wins.
    const again = await tx.users.getCredentials(actor);
    if (again?.passwordHash !== credentials.passwordHash) {
      throw conflict('the password was changed meanwhile; sign in again');
    }
    await tx.users.update(actor, { passwordHash, passwordChangedAt: now });
    await tx.sessions.revokeAll(actor, now, sessionId ?? undefined);
  });
}

/**
 * An admin sets a user's password: every session of that user is revoked (the admin's own
 * current one is kept when they reset themselves).
 */
export async function resetPassword(
  store: Store,
  actor: string,
  actorSessionId: string | null,
  username: string,
  next: string,
  now: number,
): Promise<void> {
  assertPasswordPolicy('next', next, username);
  const passwordHash = await hashPassword(next);
  await store.transaction(async (tx) => {
    await assertActiveAdmin(tx, actor);
    if (!(await tx.users.get(username))) throw notFound('user', username);
    await tx.users.update(username, { passwordHash, passwordChangedAt: now });
    const keep = actor === username ? (actorSessionId ?? undefined) : undefined;
    await tx.sessions.revokeAll(username, now, keep);
  });
}

/**
 * Ends one session (logout). Idempotent: a session already ended stays ended. Signing out of
 * one's last session also sets one's presence offline (DESIGN §12), in the same transaction, at
 * `presenceAt` (the runtime's clock, which presence is measured on; sessions keep real time).
 */
export async function endSession(
  store: Store,
  sessionId: string,
  now: number,
  presenceAt = now,
): Promise<void> {
  // Setting one offline locks one's profile, which routing beside it may hold.
  await retryTransient(() =>
    store.transaction(async (tx) => {
      const session = await tx.sessions.get(sessionId);
      if (session && (await tx.sessions.revoke(sessionId, now))) {
        await offlineAfterSignOut(tx, session.username, now, presenceAt);
      }
    }),
  );
}

/**
 * The caller's own profile change (their language): any signed-in, active user. A customer's
 * choice is also their customer profile's language, which what they receive (notifications,
 * surveys) is written in; both change in one transaction. 401 when the user is gone or inactive.
 */
export async function updateOwnProfile(
  store: Store,
  actor: string,
  patch: OwnProfilePatch,
  now: number,
): Promise<UserRow> {
  return store.transaction(async (tx) => {
    const user = await tx.users.get(actor);
    if (!user?.active) throw new AppError('unauthorized', 401, 'sign in first');
    if (patch.locale === undefined) return user;
    const updated = await tx.users.update(actor, { locale: patch.locale });
    if (!updated) throw new AppError('unauthorized', 401, 'sign in first');
    if (user.roles.includes('customer') && user.customerId) {
      await tx.customers.update(user.customerId, { locale: patch.locale }, now);
    }
    return updated;
  });
}
