import type { AgentCapacity } from '@caseflow/schema';
import { and, asc, eq, gte, lt, type SQL } from 'drizzle-orm';
import { presenceLogLimit } from '../routing-queries';
import type {
  AgentProfileRow,
  GroupRoutingRow,
  RoutedTaskRow,
  RoutedWork,
  RoutingStore,
} from '../routing-store';
import type { Store } from '../store';
import { RawTable } from './raw-table';
import { agentProfiles, groupRouting, presenceLog, routedTasks } from './schema-routing';
import type { SqliteDb } from './sqlite-db';

/** Queue order: SLA due first (tasks without one last), then priority, then entry, then id. */
const QUEUE_ORDER = 'order by due_at is null, due_at, priority_rank, entered_at, task_id';

/**
 * Routing profiles, the presence log, group settings and routed tasks on SQLite. Every task
 * created, claimed or closed reads its group's settings and moves its routed row: cached raw
 * statements (RawTable), since building each as a drizzle query cost more than running it.
 * Name lists go in as one JSON array (json_each), so that one statement serves any length.
 */
export function sqliteRouting(db: SqliteDb): Pick<Store, 'routing'> {
  const client = db.$client;
  const rawProfiles = new RawTable<AgentProfileRow>(client, agentProfiles);
  const rawGroups = new RawTable<GroupRoutingRow>(client, groupRouting);
  const rawTasks = new RawTable<RoutedTaskRow>(client, routedTasks);
  const waitingCount = client
    .prepare<[string], number>(`select count(*) from routed_tasks where group_name = ? and state = 'waiting'`)
    .pluck();
  const loads = client.prepare<[string], { agent: string; work: RoutedWork; n: number }>(
    `select agent, work, count(*) as n from routed_tasks
     where agent in (select value from json_each(?)) and state in ('offered', 'accepted')
     group by agent, work`,
  );

  const routing: RoutingStore = {
    async profile(username) {
      return rawProfiles.get('username = ?', username);
    },
    async profiles(usernames) {
      if (usernames?.length === 0) return [];
      return usernames
        ? rawProfiles.all(
            'username in (select value from json_each(?)) order by username',
            JSON.stringify([...usernames]),
          )
        : rawProfiles.all('1 = 1 order by username');
    },
    // SQLite transactions are BEGIN IMMEDIATE: nobody else writes until this one ends.
    lockProfile(username) {
      return routing.profile(username);
    },
    lockProfileToOffer(username) {
      return routing.profile(username);
    },
    lockProfileInOrder(username) {
      return routing.profile(username);
    },
    async saveProfile(row) {
      return rawProfiles.upsert(row, ['username']);
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
      return rawGroups.get('group_name = ?', group);
    },
    async groupRoutings() {
      return rawGroups.all('1 = 1 order by group_name');
    },
    async saveGroupRouting(row) {
      return rawGroups.upsert(row, ['group_name']);
    },
    async insertTask(row) {
      return rawTasks.upsert(row, ['task_id']);
    },
    async task(taskId) {
      return rawTasks.get('task_id = ?', taskId);
    },
    async offered(taskIds) {
      if (taskIds.length === 0) return [];
      return rawTasks.all(
        "state = 'offered' and task_id in (select value from json_each(?))",
        JSON.stringify(taskIds),
      );
    },
    async moveTask(taskId, from, patch) {
      return rawTasks.update(patch, 'task_id = ? and state = ?', taskId, from);
    },
    async waiting(group, limit) {
      return rawTasks.all(
        `group_name = ? and state = 'waiting' ${QUEUE_ORDER} limit ?`,
        group,
        Math.max(1, Math.min(limit, 1000)),
      );
    },
    async waitingCount(group) {
      return waitingCount.get(group) ?? 0;
    },
    async loads(usernames) {
      const out = new Map<string, AgentCapacity>();
      if (usernames.length === 0) return out;
      for (const r of loads.all(JSON.stringify([...usernames]))) {
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
