import type { PresenceStatus } from '@caseflow/schema';
import { actingUser } from '../executor/acting-user';
import { forbidden, notEligible, notFound } from '../executor/errors';
import type { AgentProfileRow } from '../store/routing-store';
import type { Store } from '../store/store';
import { blankProfile, isRoutableAgent, isSupervisor } from './agent-profile';
import { announceRoutingChange } from './routing-change';

/**
 * Sets an agent's presence (DESIGN §12) in one transaction, with the rules checked there:
 * an active agent sets their own; a supervisor (an admin or a member of `supervisors`) sets
 * anyone's — 403 otherwise. The target must be an active agent (404 unknown, 422 otherwise).
 * Every change is appended to the presence log with who made it (the audit trail); setting
 * the presence it already has changes and logs nothing. A change is announced to supervisors'
 * live streams with it. Inside a transaction, joins it.
 */
export async function setPresence(
  store: Store,
  actor: string,
  username: string,
  status: PresenceStatus,
  now: number,
): Promise<AgentProfileRow> {
  return store.transaction(async (tx) => {
    const acting = await actingUser(tx, actor);
    if (actor !== username && !isSupervisor(acting)) {
      throw forbidden(
        `only supervisors (admins or members of group supervisors) change another agent's presence`,
      );
    }
    if (actor === username && !isRoutableAgent(acting)) throw forbidden('only agents have a presence');
    const target = actor === username ? acting : await tx.users.get(username);
    if (!target) throw notFound('user', username);
    if (!isRoutableAgent(target)) {
      throw notEligible(`${username} is not an active agent`, [
        { path: 'username', message: 'not an active agent', reason: 'not-agent' },
      ]);
    }
    // In order or not at all: a group-commit batch holds every agent its changes locked, and
    // flips of several agents in two batches at once otherwise wait on each other in a circle.
    const profile = (await tx.routing.lockProfileInOrder(username)) ?? blankProfile(username, now);
    if (profile.presence === status && profile.presenceAt !== null) return profile;
    const saved = await tx.routing.saveProfile({
      ...profile,
      presence: status,
      presenceAt: now,
      updatedAt: now,
    });
    await tx.routing.appendPresence({ username, at: now, status, by: actor });
    await announceRoutingChange(tx, 'presence', { users: [username], groups: target.groups }, now);
    return saved;
  });
}
