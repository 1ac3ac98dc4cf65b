import { and, asc, eq, gte, inArray, lt, type SQL } from 'drizzle-orm';
import { presenceLogLimit } from '../routing-queries';
import type { RoutingStore } from '../routing-store';
import type { Store } from '../store';
import { first, type PgDbOf } from './pg-db';
import { agentProfiles, groupRouting, presenceLog } from './schema-routing';

/** Routing profiles, the presence log and group settings on PostgreSQL. */
export function pgRouting(db: PgDbOf): Pick<Store, 'routing'> {
  const routing: RoutingStore = {
    async profile(username) {
      return first(await db().select().from(agentProfiles).where(eq(agentProfiles.username, username)));
    },
    async profiles(usernames) {
      if (usernames?.length === 0) return [];
      const q = db().select().from(agentProfiles);
      const rows = usernames ? q.where(inArray(agentProfiles.username, [...usernames])) : q;
      return rows.orderBy(asc(agentProfiles.username));
    },
    async lockProfile(username) {
      return first(
        await db().select().from(agentProfiles).where(eq(agentProfiles.username, username)).for('update'),
      );
    },
    async saveProfile(row) {
      const { username, ...rest } = row;
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
  };
  return { routing };
}
