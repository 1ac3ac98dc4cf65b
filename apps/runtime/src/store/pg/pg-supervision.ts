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
import type { PgDbOf } from './pg-db';
import { outbox, slas, tasks, timeline } from './schema';

/** The supervisor overview's aggregates on PostgreSQL (shapes in supervision-queries.ts). */
export function pgSupervision(db: PgDbOf): Pick<Store, 'supervision'> {
  return {
    supervision: {
      async queues() {
        return db()
          .select(queueCountColumns(tasks))
          .from(tasks)
          .where(liveTask(tasks))
          .groupBy(tasks.group, tasks.tier)
          .orderBy(...queueOrder(tasks));
      },
      async atRisk(limit) {
        return (await db()
          .select()
          .from(tasks)
          .where(atRiskWhere(tasks, slas))
          .orderBy(asc(tasks.createdAt), asc(tasks.id))
          .limit(capped(limit))) as TaskRow[];
      },
      async load() {
        const rows = await db()
          .select({ assignee: sql<string>`${tasks.assignee}`, claimed: count() })
          .from(tasks)
          .where(eq(tasks.status, 'claimed'))
          .groupBy(tasks.assignee)
          .orderBy(asc(tasks.assignee));
        return rows.filter((r) => r.assignee !== null);
      },
      async throughput(since) {
        const group = sql<
          string | null
        >`case when ${timeline.type} = 'task.completed' then ${timeline.data}->>'group' end`;
        const rows = await db()
          .select({ type: timeline.type, group, n: count() })
          .from(timeline)
          .where(throughputWhere(timeline, since))
          .groupBy(timeline.type, group);
        return foldThroughput(rows);
      },
      async breachNotices(recipient, limit) {
        const who =
          recipient === null
            ? undefined
            : sql`exists (select 1 from json_array_elements(${outbox.payload}->'recipients') r where r->>'username' = ${recipient})`;
        return (await db()
          .select(withoutColumn(getTableColumns(outbox), 'claim'))
          .from(outbox)
          .where(breachWhere(outbox, sql`${outbox.payload}->>'template'`, who))
          .orderBy(desc(outbox.createdAt), desc(outbox.id))
          .limit(capped(limit))) as OutboxRow[];
      },
    },
  };
}
