import type { PresenceStatus } from '@caseflow/schema';
import type { Store } from '../store/store';
import { blankProfile } from './agent-profile';
import { announceRoutingChange } from './routing-change';

/** Who the presence log names for changes nobody made by hand (sign-out, demo start, sign-in). */
export const SYSTEM_ACTOR = 'system';

/**
 * Sets `username`'s presence for a change nobody made by hand (sign-out, a demo start or
 * sign-in), logged as made by `system` and announced to supervisors' streams; answers whether
 * it changed (not when the presence already is `status`). The caller checks that `username`
 * is an active agent. Call inside a transaction.
 */
export async function setPresenceBySystem(
  tx: Store,
  username: string,
  status: PresenceStatus,
  at: number,
): Promise<boolean> {
  const profile = (await tx.routing.lockProfile(username)) ?? blankProfile(username, at);
  if (profile.presence === status && profile.presenceAt !== null) return false;
  await tx.routing.saveProfile({ ...profile, presence: status, presenceAt: at, updatedAt: at });
  await tx.routing.appendPresence({ username, at, status, by: SYSTEM_ACTOR });
  const groups = (await tx.users.get(username))?.groups ?? [];
  await announceRoutingChange(tx, 'presence', { users: [username], groups }, at);
  return true;
}

/**
 * Sets `username` offline when they signed out of their last live session (another device may
 * still be signed in: then nothing changes), logged as made by `system`. An agent who never set
 * a presence is offline already. `now` is the sessions' (real) time, `at` the presence's (the
 * runtime clock). Supervisors' live streams hear of it. Call inside the sign-out's transaction.
 */
export async function offlineAfterSignOut(
  tx: Store,
  username: string,
  now: number,
  at: number,
): Promise<void> {
  if ((await tx.sessions.listLive(username, now)).length > 0) return;
  const profile = await tx.routing.profile(username);
  if (!profile || profile.presence === 'offline') return;
  await setPresenceBySystem(tx, username, 'offline', at);
}
