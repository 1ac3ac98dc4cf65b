import { and, asc, eq, gte, inArray, lt, type SQL } from 'drizzle-orm';
import { presenceLogLimit } from '../routing-queries';
import type { AgentProfileRow, RoutingStore } from '../routing-store';
import type { Store } from '../store';
import { agentProfiles, groupRouting, presenceLog } from './schema-routing';
import type { SqliteDb } from './sqlite-db';

/** Routing profiles, the presence log and group settings on SQLite. */
export function sqliteRouting(db: SqliteDb): Pick<Store, 'routing'> {
  const routing: RoutingStore = {
    async profile(username) {
      return db.select().from(agentProfiles).where(eq(agentProfiles.username, username)).get() ?? null;
    },
    async profiles(usernames) {
      if (usernames?.length === 0) return [];
      const q = db.select().from(agentProfiles);
      const rows = usernames ? q.where(inArray(agentProfiles.username, [...usernames])) : q;
      return rows.orderBy(asc(agentProfiles.username)).all();
    },
    // SQLite transactions are BEGIN IMMEDIATE: nobody else writes until this one ends.
    lockProfile(username) {
      return routing.profile(username);
    },
    async saveProfile(row) {
      const { username, ...rest } = row;
      return db
        .insert(agentProfiles)
        .values(row)
        .onConflictDoUpdate({ target: agentProfiles.username, set: rest })
        .returning()
        .get() as AgentProfileRow;
    },
    async appendPresence(event) {
      db.insert(presenceLog).values(event).run();
    },
    async presenceLog(query = {}) {
      const where: SQL[] = [];
      if (query.username !== undefined) where.push(eq(presenceLog.username, query.username));
      if (query.from !== undefined) where.push(gte(presenceLog.at, query.from));
      if (query.to !== undefined) where.push(lt(presenceLog.at, query.to));
      return db
        .select({
          username: presenceLog.username,
          at: presenceLog.at,
          status: presenceLog.status,
          by: presenceLog.by,
        })
        .from(presenceLog)
        .where(and(...where))
        .orderBy(asc(presenceLog.at), asc(presenceLog.id))
        .limit(presenceLogLimit(query))
        .all();
    },
    async groupRouting(group) {
      return db.select().from(groupRouting).where(eq(groupRouting.group, group)).get() ?? null;
    },
    async groupRoutings() {
      return db.select().from(groupRouting).orderBy(asc(groupRouting.group)).all();
    },
    async saveGroupRouting(row) {
      const { group, ...rest } = row;
      return db
        .insert(groupRouting)
        .values(row)
        .onConflictDoUpdate({ target: groupRouting.group, set: rest })
        .returning()
        .get();
    },
  };
  return { routing };
}
