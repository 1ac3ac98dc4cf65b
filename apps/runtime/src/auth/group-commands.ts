import type { GroupCreate, GroupUpdate } from '@caseflow/schema';
import { badRequest, forbidden, notFound } from '../http/errors';
import { saveGroupRouting } from '../routing/group-routing-commands';
import type { GroupRoutingRow } from '../store/routing-store';
import type { GroupRow, Store } from '../store/store';

/*
 * The commands that change groups (admin). Membership lives on users (`users.groups`), so
 * setting a group's members rewrites the groups of every user who joins or leaves, in the same
 * transaction as the check that the actor is still an active admin.
 */

/** A group with the usernames of its members, sorted. */
export interface GroupWithMembers extends GroupRow {
  members: string[];
  /** Its routing settings; null: manual (never set). */
  routing: GroupRoutingRow | null;
}

async function assertActiveAdmin(tx: Store, actor: string): Promise<void> {
  if (!(await tx.users.activeAdmins()).includes(actor)) throw forbidden('requires role admin');
}

/** Every group with its members (one read of the users). */
export async function listGroups(store: Store): Promise<GroupWithMembers[]> {
  const [groups, users, routings] = await Promise.all([
    store.groups.list(),
    store.users.list(),
    store.routing.groupRoutings(),
  ]);
  const routingOf = new Map(routings.map((r) => [r.group, r]));
  return groups.map((g) => ({
    ...g,
    members: users.filter((u) => u.groups.includes(g.name)).map((u) => u.username),
    routing: routingOf.get(g.name) ?? null,
  }));
}

/** Creates a group (admin). 409 when the name exists. */
export async function createGroup(
  store: Store,
  actor: string,
  input: GroupCreate,
  now: number,
): Promise<GroupWithMembers> {
  return store.transaction(async (tx) => {
    await assertActiveAdmin(tx, actor);
    const group = await tx.groups.create({
      name: input.name,
      description: input.description,
      createdAt: now,
    });
    return { ...group, members: [], routing: null };
  });
}

/**
 * Changes a group's description, its members and/or its routing settings (admin). `members` is
 * the whole list: named users join (each must exist: 400 naming `members.<i>`), the others
 * leave. `routing` is checked by routing/group-routing-commands.ts. 404 unknown group.
 */
export async function updateGroup(
  store: Store,
  actor: string,
  name: string,
  patch: GroupUpdate,
  now: number = Date.now(),
): Promise<GroupWithMembers> {
  return store.transaction(async (tx) => {
    await assertActiveAdmin(tx, actor);
    let group = await tx.groups.get(name);
    if (!group) throw notFound('group', name);
    if (patch.description !== undefined) {
      group = (await tx.groups.update(name, { description: patch.description })) ?? group;
    }
    if (patch.members !== undefined) {
      const wanted = new Set(patch.members);
      for (const [i, username] of patch.members.entries()) {
        if (!(await tx.users.get(username))) {
          throw badRequest(`members.${i}: unknown user ${username}`, [
            { path: `members.${i}`, message: `unknown user ${username}` },
          ]);
        }
      }
      for (const current of await tx.users.membersOf(name)) {
        if (wanted.has(current)) continue;
        const user = await tx.users.get(current);
        if (user) await tx.users.update(current, { groups: user.groups.filter((g) => g !== name) });
      }
      for (const username of wanted) {
        const user = await tx.users.get(username);
        if (user && !user.groups.includes(name)) {
          await tx.users.update(username, { groups: [...user.groups, name] });
        }
      }
    }
    const routing =
      patch.routing !== undefined
        ? await saveGroupRouting(tx, actor, name, patch.routing, now)
        : await tx.routing.groupRouting(name);
    return { ...group, members: await tx.users.membersOf(name), routing };
  });
}
