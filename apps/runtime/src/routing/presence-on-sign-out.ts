import type { Store } from '../store/store';
import { announceRoutingChange } from './routing-change';

/** Who the presence log names for changes nobody made by hand (sign-out). */
export const SYSTEM_ACTOR = 'system';

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
  const profile = await tx.routing.lockProfile(username);
  if (!profile || profile.presence === 'offline') return;
  await tx.routing.saveProfile({ ...profile, presence: 'offline', presenceAt: at, updatedAt: at });
  await tx.routing.appendPresence({ username, at, status: 'offline', by: SYSTEM_ACTOR });
  const groups = (await tx.users.get(username))?.groups ?? [];
  await announceRoutingChange(tx, 'presence', { users: [username], groups }, at);
}
