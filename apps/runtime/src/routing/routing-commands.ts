import type { PresenceStatus } from '@caseflow/schema';
import type { RuntimeCore } from '../executor/runtime-core';
import type { AgentProfileRow } from '../store/routing-store';
import { capacityOf } from './agent-profile';
import { setPresence } from './presence-commands';
import type { Router } from './router';

/** Most tasks one routing round offers per group (a round repeats while it gives work). */
const ROUND = 50;

/**
 * An agent's presence change as one event transaction: the rules and the log of
 * presence-commands.ts, then, when they come online, the waiting work of their groups offered
 * (up to their capacity) in the same transaction.
 */
export async function changePresence(
  core: RuntimeCore,
  router: Router,
  actor: string,
  username: string,
  status: PresenceStatus,
): Promise<AgentProfileRow> {
  const profile = await core.events.run(async (session) => {
    const before = (await session.tx.routing.profile(username))?.presence;
    const saved = await setPresence(session.tx, actor, username, status, session.now);
    router.directory.invalidate();
    if (status === 'online' && before !== 'online') {
      const groups = (await session.tx.users.get(username))?.groups ?? [];
      const room = capacityOf(saved);
      await router.fill(session, groups, room.task + room.chat + room.email);
    }
    return saved;
  });
  return profile;
}

/**
 * Offers the waiting work of `groups` (every group that routes automatically when omitted),
 * one event transaction per round of up to 50 tasks a group, until a round gives nothing;
 * groups where nothing waits are skipped without a transaction.
 * Answers how many tasks were given.
 */
export async function routeWaiting(
  core: RuntimeCore,
  router: Router,
  groups?: readonly string[],
): Promise<number> {
  const settings = await core.store.routing.groupRoutings();
  const routed = settings
    .filter((g) => g.mode !== 'manual' && !g.paused && (groups === undefined || groups.includes(g.group)))
    .map((g) => g.group);
  let total = 0;
  for (const group of routed) {
    // The sweep comes every few seconds: a group with nothing waiting costs one read, not a
    // transaction (on SQLite, the database's write lock) that would find nothing to do.
    if ((await core.store.routing.waitingCount(group)) === 0) continue;
    for (let round = 0; round < 1000; round++) {
      const given = await core.events.run((session) => router.fill(session, [group], ROUND));
      total += given;
      if (given === 0) break;
    }
  }
  return total;
}
