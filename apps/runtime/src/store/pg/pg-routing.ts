import type { AgentCapacity } from '@caseflow/schema';
import { and, asc, count, eq, gte, inArray, lt, type SQL, sql } from 'drizzle-orm';
import { presenceLogLimit } from '../routing-queries';
import type { RoutingStore } from '../routing-store';
import type { Store } from '../store';
import { first, type PgDb, type PgDbOf } from './pg-db';
import { agentProfiles, groupRouting, presenceLog, routedTasks } from './schema-routing';

/** Queue order: SLA due first (tasks without one last), then priority, then entry, then id. */
const queueOrder = [
  sql`${routedTasks.dueAt} is null`,
  asc(routedTasks.dueAt),
  asc(routedTasks.priorityRank),
  asc(routedTasks.enteredAt),
  asc(routedTasks.taskId),
];

/** Routing profiles, the presence log, group settings and routed tasks on PostgreSQL. */
export function pgRouting(db: PgDbOf, inTransaction: () => boolean): Pick<Store, 'routing'> {
  /** The greatest username whose profile each open transaction (its drizzle handle) has locked. */
  const held = new WeakMap<PgDb, string>();
  const noteHeld = (username: string) => {
    const tx = db();
    const highest = held.get(tx);
    if (highest === undefined || username > highest) held.set(tx, username);
  };
  /** Whether waiting for `username` keeps this transaction's locks in username order (or re-takes one it holds). */
  const inOrder = (username: string) => {
    const highest = held.get(db());
    return highest === undefined || username >= highest;
  };
  const selectProfile = (username: string) =>
    db().select().from(agentProfiles).where(eq(agentProfiles.username, username));
  const routing: RoutingStore = {
    async profile(username) {
      return first(await selectProfile(username));
    },
    async profiles(usernames) {
      if (usernames?.length === 0) return [];
      const q = db().select().from(agentProfiles);
      const rows = usernames ? q.where(inArray(agentProfiles.username, [...usernames])) : q;
      return rows.orderBy(asc(agentProfiles.username));
    },
    async lockProfile(username) {
      const row = first(await selectProfile(username).for('update'));
      if (row) noteHeld(username);
      return row;
    },
    async lockProfileToOffer(username) {
      if (inOrder(username)) return routing.lockProfile(username);
      const row = first(await selectProfile(username).for('update', { skipLocked: true }));
      // Ordered before an agent this transaction holds: another transaction may wait for
      // that one while holding this one, so a locked row is passed over instead of waited for.
      return row ?? 'held';
    },
    async lockProfileInOrder(username) {
      if (inOrder(username)) return routing.lockProfile(username);
      const row = first(await selectProfile(username).for('update', { noWait: true }));
      if (!row) {
        // No profile yet: inserting it could wait for another transaction inserting the same
        // agent, out of order. Retried, the change comes first in a batch of its own.
        throw Object.assign(new Error(`the profile of ${username} is not there to lock in order`), {
          code: '55P03',
        });
      }
      noteHeld(username);
      return row;
    },
    async saveProfile(row) {
      const { username, ...rest } = row;
      // An upsert holds the row (a new one too) until the transaction ends.
      if (inTransaction()) noteHeld(username);
      const rows = await db()
        .insert(agentProfiles)
        .values(row)
        .onConflictDoUpdate({ target: agentProfiles.username, set: rest })
        .returning();
      return rows[0]!;
    },
    async appendPresence(event) {
      await db().insert(presenceLog).values(event);
    },
    async presenceLog(query = {}) {
      const where: SQL[] = [];
      if (query.username !== undefined) where.push(eq(presenceLog.username, query.username));
      if (query.from !== undefined) where.push(gte(presenceLog.at, query.from));
      if (query.to !== undefined) where.push(lt(presenceLog.at, query.to));
      return db()
        .select({
          username: presenceLog.username,
          at: presenceLog.at,
          status: presenceLog.status,
          by: presenceLog.by,
        })
        .from(presenceLog)
        .where(and(...where))
        .orderBy(asc(presenceLog.at), asc(presenceLog.id))
        .limit(presenceLogLimit(query));
    },
    async groupRouting(group) {
      return first(await db().select().from(groupRouting).where(eq(groupRouting.group, group)));
    },
    async groupRoutings() {
      return db().select().from(groupRouting).orderBy(asc(groupRouting.group));
    },
    async saveGroupRouting(row) {
      const { group, ...rest } = row;
      const rows = await db()
        .insert(groupRouting)
        .values(row)
        .onConflictDoUpdate({ target: groupRouting.group, set: rest })
        .returning();
      return rows[0]!;
    },
    async insertTask(row) {
      const { taskId, ...rest } = row;
      return first(
        await db()
          .insert(routedTasks)
          .values(row)
          .onConflictDoUpdate({ target: routedTasks.taskId, set: rest })
          .returning(),
      )!;
    },
    async task(taskId) {
      return first(await db().select().from(routedTasks).where(eq(routedTasks.taskId, taskId)));
    },
    async offered(taskIds) {
      if (taskIds.length === 0) return [];
      return db()
        .select()
        .from(routedTasks)
        .where(and(eq(routedTasks.state, 'offered'), inArray(routedTasks.taskId, [...taskIds])));
    },
    async moveTask(taskId, from, patch) {
      return first(
        await db()
          .update(routedTasks)
          .set(patch)
          .where(and(eq(routedTasks.taskId, taskId), eq(routedTasks.state, from)))
          .returning(),
      );
    },
    async waiting(group, limit) {
      const q = db()
        .select()
        .from(routedTasks)
        .where(and(eq(routedTasks.group, group), eq(routedTasks.state, 'waiting')))
        .orderBy(...queueOrder)
        .limit(Math.max(1, Math.min(limit, 1000)));
      return inTransaction() ? q.for('update', { skipLocked: true }) : q;
    },
    async waitingCount(group) {
      const row = first(
        await db()
          .select({ n: count() })
          .from(routedTasks)
          .where(and(eq(routedTasks.group, group), eq(routedTasks.state, 'waiting'))),
      );
      return Number(row?.n ?? 0);
    },
    async loads(usernames) {
      const out = new Map<string, AgentCapacity>();
      if (usernames.length === 0) return out;
      const rows = await db()
        .select({ agent: routedTasks.agent, work: routedTasks.work, n: count() })
        .from(routedTasks)
        .where(
          and(
            inArray(routedTasks.agent, [...usernames]),
            inArray(routedTasks.state, ['offered', 'accepted']),
          ),
        )
        .groupBy(routedTasks.agent, routedTasks.work);
      for (const r of rows) {
        if (r.agent === null) continue;
        const load = out.get(r.agent) ?? { task: 0, chat: 0, email: 0 };
        load[r.work] = Number(r.n);
        out.set(r.agent, load);
      }
      return out;
    },
  };
  return { routing };
}
