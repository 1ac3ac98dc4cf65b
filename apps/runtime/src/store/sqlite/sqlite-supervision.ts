import { asc, count, desc, eq, getTableColumns, sql } from 'drizzle-orm';
import { withoutColumn } from '../rows';
import type { OutboxRow, Store, TaskRow } from '../store';
import {
  atRiskWhere,
  breachWhere,
  capped,
  foldThroughput,
  liveTask,
  queueCountColumns,
  queueOrder,
  throughputWhere,
} from '../supervision-queries';
import { outbox, slas, tasks, timeline } from './schema';
import type { SqliteDb } from './sqlite-db';

/** The supervisor overview's aggregates on SQLite (shapes in supervision-queries.ts). */
export function sqliteSupervision(db: SqliteDb): Pick<Store, 'supervision'> {
  return {
    supervision: {
      async queues() {
        return db
          .select(queueCountColumns(tasks))
          .from(tasks)
          .where(liveTask(tasks))
          .groupBy(tasks.group, tasks.tier)
          .orderBy(...queueOrder(tasks))
          .all();
      },
      async atRisk(limit) {
        return db
          .select()
          .from(tasks)
          .where(atRiskWhere(tasks, slas))
          .orderBy(asc(tasks.createdAt), asc(tasks.id))
          .limit(capped(limit))
          .all() as TaskRow[];
      },
      async load() {
        return db
          .select({ assignee: sql<string>`${tasks.assignee}`, claimed: count() })
          .from(tasks)
          .where(eq(tasks.status, 'claimed'))
          .groupBy(tasks.assignee)
          .orderBy(asc(tasks.assignee))
          .all()
          .filter((r) => r.assignee !== null);
      },
      async throughput(since) {
        const group = sql<
          string | null
        >`case when ${timeline.type} = 'task.completed' then json_extract(${timeline.data}, '$.group') end`;
        const rows = db
          .select({ type: timeline.type, group, n: count() })
          .from(timeline)
          .where(throughputWhere(timeline, since))
          .groupBy(timeline.type, group)
          .all();
        return foldThroughput(rows);
      },
      async breachNotices(recipient, limit) {
        const who =
          recipient === null
            ? undefined
            : sql`exists (select 1 from json_each(${outbox.payload}, '$.recipients') r where json_extract(r.value, '$.username') = ${recipient})`;
        return db
          .select(withoutColumn(getTableColumns(outbox), 'claim'))
          .from(outbox)
          .where(breachWhere(outbox, sql`json_extract(${outbox.payload}, '$.template')`, who))
          .orderBy(desc(outbox.createdAt), desc(outbox.id))
          .limit(capped(limit))
          .all() as OutboxRow[];
      },
    },
  };
}
