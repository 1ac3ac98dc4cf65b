import { and, asc, desc, eq, isNull, sql } from 'drizzle-orm';
import { incidentListWhere } from '../incident-queries';
import { decodeCursor, pageLimit, toPage } from '../paging';
import type { IncidentRow, Store } from '../store';
import { incidents } from './schema';
import type { SqliteDb } from './sqlite-db';

/**
 * Incidents on SQLite. `record` finds the open incident of the same case and source key and
 * bumps it, or inserts one; the store's mutex serialises it against every other writer.
 */
export function sqliteIncidents(db: SqliteDb): Pick<Store, 'incidents'> {
  const get = (id: string): IncidentRow | null =>
    (db.select().from(incidents).where(eq(incidents.id, id)).get() as IncidentRow | undefined) ?? null;

  return {
    incidents: {
      async record(incident) {
        const same = db
          .select({ id: incidents.id })
          .from(incidents)
          .where(
            and(
              eq(incidents.status, 'open'),
              incident.caseId === null ? isNull(incidents.caseId) : eq(incidents.caseId, incident.caseId),
              sql`json_extract(${incidents.source}, '$.key') = ${incident.source.key}`,
            ),
          )
          .orderBy(asc(incidents.createdAt))
          .limit(1)
          .get();
        const fields = {
          kind: incident.kind,
          nodeId: incident.nodeId,
          message: incident.message,
          source: incident.source,
          updatedAt: incident.at,
        };
        if (same) {
          db.update(incidents)
            .set({ ...fields, attempts: sql`${incidents.attempts} + 1` })
            .where(eq(incidents.id, same.id))
            .run();
          return get(same.id)!;
        }
        db.insert(incidents)
          .values({
            ...fields,
            id: incident.id,
            caseId: incident.caseId,
            status: 'open',
            attempts: 1,
            createdAt: incident.at,
          })
          .run();
        return get(incident.id)!;
      },
      async get(id) {
        return get(id);
      },
      async list(query = {}) {
        const limit = pageLimit(query);
        const rows = db
          .select()
          .from(incidents)
          .where(incidentListWhere(incidents, query, decodeCursor(query.cursor)))
          .orderBy(desc(incidents.createdAt), desc(incidents.id))
          .limit(limit + 1)
          .all() as IncidentRow[];
        return toPage(rows, limit, (r) => [r.createdAt, r.id]);
      },
      async openByCase(caseId) {
        return db
          .select()
          .from(incidents)
          .where(and(eq(incidents.caseId, caseId), eq(incidents.status, 'open')))
          .orderBy(asc(incidents.createdAt), asc(incidents.id))
          .all() as IncidentRow[];
      },
      async resolve(id, by, note, at) {
        const done = db
          .update(incidents)
          .set({ status: 'resolved', resolvedAt: at, resolvedBy: by, note, updatedAt: at })
          .where(and(eq(incidents.id, id), eq(incidents.status, 'open')))
          .run();
        return done.changes > 0 ? get(id) : null;
      },
    },
  };
}
