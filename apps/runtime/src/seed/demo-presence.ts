import type { Runtime } from '../executor/types';
import { isRoutableAgent } from '../routing/agent-profile';
import { setPresenceBySystem } from '../routing/system-presence';
import type { Store } from '../store/store';

/*
 * Presence in demo mode (CASEFLOW_DEMO=1, unless CASEFLOW_DEMO_PRESENCE=0): nobody has to set
 * it by hand before the demo's routing hands out work. Outside demo mode presence is only ever
 * what the agent, a supervisor, idleness or signing out made it.
 */

/**
 * At a demo start: every active agent whose working-hours calendar says they are at work now
 * (and who is not out of office) is set online, logged as made by `system`; then the waiting
 * work of their groups is offered. Agents off shift keep their presence. Answers who came online.
 */
export async function demoAgentsAtWork(runtime: Runtime): Promise<string[]> {
  const { store, router } = runtime;
  const now = runtime.clock.now();
  const agents = (await store.users.list()).filter(isRoutableAgent);
  const profiles = await store.routing.profiles(agents.map((a) => a.username));
  const online: string[] = [];
  const groups = new Set<string>();
  await store.transaction(async (tx) => {
    for (const agent of agents) {
      const profile = profiles.find((p) => p.username === agent.username);
      if (!profile || profile.calendar === null) continue;
      if (!router.directory.availableAt({ ...profile, presence: 'online' }, now)) continue;
      if (await setPresenceBySystem(tx, agent.username, 'online', now)) {
        online.push(agent.username);
        for (const g of agent.groups) groups.add(g);
      }
    }
  });
  if (online.length > 0) await runtime.routingChanged([...groups]);
  return online;
}

/**
 * In demo mode an agent who signs in is at work: set online (by `system`) at `at`, inside the
 * sign-in's transaction `tx`; answers their groups, whose waiting work the caller offers once
 * it committed, or null when nothing changed. Routing still keeps to their working hours and
 * out-of-office periods. Nothing for anyone who is not an active agent.
 */
export async function onlineAtDemoSignIn(tx: Store, username: string, at: number): Promise<string[] | null> {
  const user = await tx.users.get(username);
  if (!user || !isRoutableAgent(user)) return null;
  return (await setPresenceBySystem(tx, username, 'online', at)) ? user.groups : null;
}
