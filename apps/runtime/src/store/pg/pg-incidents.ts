import { and, asc, desc, eq, isNull, sql } from 'drizzle-orm';
import { incidentListWhere } from '../incident-queries';
import { decodeCursor, pageLimit, toPage } from '../paging';
import type { IncidentRow, Store } from '../store';
import { first, type PgDbOf } from './pg-db';
import { incidents } from './schema';

/**
 * Incidents on PostgreSQL. `record` takes a transaction-scoped advisory lock on the source key
 * first, so that two processes failing the same source at once bump one row instead of both
 * inserting (the executor always records inside a transaction).
 */
export function pgIncidents(db: PgDbOf): Pick<Store, 'incidents'> {
  const get = async (id: string) =>
    first((await db().select().from(incidents).where(eq(incidents.id, id))) as IncidentRow[]);

  return {
    incidents: {
      async record(incident) {
        const key = incident.source.key;
        await db().execute(sql`select pg_advisory_xact_lock(hashtextextended(${`incident:${key}`}, 0))`);
        const [same] = await db()
          .select({ id: incidents.id })
          .from(incidents)
          .where(
            and(
              eq(incidents.status, 'open'),
              incident.caseId === null ? isNull(incidents.caseId) : eq(incidents.caseId, incident.caseId),
              sql`${incidents.source}->>'key' = ${key}`,
            ),
          )
          .orderBy(asc(incidents.createdAt))
          .limit(1);
        const fields = {
          kind: incident.kind,
          nodeId: incident.nodeId,
          message: incident.message,
          source: incident.source,
          updatedAt: incident.at,
        };
        if (same) {
          const [row] = await db()
            .update(incidents)
            .set({ ...fields, attempts: sql`${incidents.attempts} + 1` })
            .where(eq(incidents.id, same.id))
            .returning();
          return row as IncidentRow;
        }
        const [row] = await db()
          .insert(incidents)
          .values({
            ...fields,
            id: incident.id,
            caseId: incident.caseId,
            status: 'open',
            attempts: 1,
            createdAt: incident.at,
          })
          .returning();
        return row as IncidentRow;
      },
      get,
      async list(query = {}) {
        const limit = pageLimit(query);
        const rows = (await db()
          .select()
          .from(incidents)
          .where(incidentListWhere(incidents, query, decodeCursor(query.cursor)))
          .orderBy(desc(incidents.createdAt), desc(incidents.id))
          .limit(limit + 1)) as IncidentRow[];
        return toPage(rows, limit, (r) => [r.createdAt, r.id]);
      },
      async openByCase(caseId) {
        return (await db()
          .select()
          .from(incidents)
          .where(and(eq(incidents.caseId, caseId), eq(incidents.status, 'open')))
          .orderBy(asc(incidents.createdAt), asc(incidents.id))) as IncidentRow[];
      },
      async resolve(id, by, note, at) {
        const [row] = await db()
          .update(incidents)
          .set({ status: 'resolved', resolvedAt: at, resolvedBy: by, note, updatedAt: at })
          .where(and(eq(incidents.id, id), eq(incidents.status, 'open')))
          .returning();
        return (row as IncidentRow | undefined) ?? null;
      },
    },
  };
}
