import { and, asc, desc, eq, sql } from 'drizzle-orm';
import { catalogFromColumns, catalogToColumns, draftUpdate, newFlowRow } from '../rows';
import type { Store } from '../store';
import { catalogItems, flows, flowVersions, pilots } from './schema';
import { type SqliteDb, sqliteConflict } from './sqlite-db';

/** flows, flow versions, catalog items and pilots on SQLite. */
export function sqliteFlows(db: SqliteDb): Pick<Store, 'flows' | 'flowVersions' | 'catalog' | 'pilots'> {
  return {
    flows: {
      async upsertDraft(d) {
        return db
          .insert(flows)
          .values(newFlowRow(d))
          .onConflictDoUpdate({ target: flows.key, set: draftUpdate(d) })
          .returning()
          .get();
      },
      async get(key) {
        return db.select().from(flows).where(eq(flows.key, key)).get() ?? null;
      },
      async lock(key) {
        // BEGIN IMMEDIATE already holds the database's write lock for the whole transaction.
        return db.select().from(flows).where(eq(flows.key, key)).get() ?? null;
      },
      async list() {
        return db.select().from(flows).orderBy(asc(flows.key)).all();
      },
      async setActiveVersion(key, version, now) {
        return (
          db
            .update(flows)
            .set({ activeVersion: version, updatedAt: now })
            .where(eq(flows.key, key))
            .returning()
            .get() ?? null
        );
      },
    },

    flowVersions: {
      async insert(v) {
        return sqliteConflict(`version ${v.version} of flow ${v.flow} exists`, () =>
          db.insert(flowVersions).values(v).returning().get(),
        );
      },
      async get(flow, version) {
        return (
          db
            .select()
            .from(flowVersions)
            .where(and(eq(flowVersions.flow, flow), eq(flowVersions.version, version)))
            .get() ?? null
        );
      },
      async list(flow) {
        return db
          .select()
          .from(flowVersions)
          .where(eq(flowVersions.flow, flow))
          .orderBy(desc(flowVersions.version))
          .all();
      },
      async latest(flow) {
        const row = db
          .select({ v: sql<number>`coalesce(max(${flowVersions.version}), 0)` })
          .from(flowVersions)
          .where(eq(flowVersions.flow, flow))
          .get();
        return row?.v ?? 0;
      },
    },

    catalog: {
      async upsert(item) {
        const cols = catalogToColumns(item);
        const { key: _key, ...set } = cols;
        const row = db
          .insert(catalogItems)
          .values(cols)
          .onConflictDoUpdate({ target: catalogItems.key, set })
          .returning()
          .get();
        return catalogFromColumns(row);
      },
      async get(key) {
        const row = db.select().from(catalogItems).where(eq(catalogItems.key, key)).get();
        return row ? catalogFromColumns(row) : null;
      },
      async list() {
        const rows = db
          .select()
          .from(catalogItems)
          .orderBy(asc(catalogItems.category), asc(catalogItems.name))
          .all();
        return rows.map(catalogFromColumns);
      },
    },

    pilots: {
      async create(pilot) {
        return sqliteConflict(`pilot ${pilot.id} exists`, () =>
          db.insert(pilots).values(pilot).returning().get(),
        );
      },
      async get(id) {
        return db.select().from(pilots).where(eq(pilots.id, id)).get() ?? null;
      },
      async list(flow) {
        return db
          .select()
          .from(pilots)
          .where(flow === undefined ? undefined : eq(pilots.flow, flow))
          .orderBy(desc(pilots.createdAt), desc(pilots.id))
          .all();
      },
      async activeFor(flow) {
        return (
          db
            .select()
            .from(pilots)
            .where(and(eq(pilots.flow, flow), eq(pilots.status, 'active')))
            .orderBy(desc(pilots.createdAt))
            .limit(1)
            .get() ?? null
        );
      },
      async setStatus(id, status, endedAt) {
        return db.update(pilots).set({ status, endedAt }).where(eq(pilots.id, id)).returning().get() ?? null;
      },
    },
  };
}
