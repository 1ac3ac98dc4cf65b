import { and, asc, desc, eq, sql } from 'drizzle-orm';
import { catalogFromColumns, catalogToColumns, draftUpdate, newFlowRow } from '../rows';
import type { CatalogItemRow, FlowRow, PilotRow, Store } from '../store';
import { RawTable } from './raw-table';
import { catalogItems, flows, flowVersions, pilots } from './schema';
import { type SqliteDb, sqliteConflict } from './sqlite-db';

/** flows, flow versions, catalog items and pilots on SQLite. */
export function sqliteFlows(db: SqliteDb): Pick<Store, 'flows' | 'flowVersions' | 'catalog' | 'pilots'> {
  // Cached statements for what opening a case reads (drizzle builds a query per call).
  const launchFlow = db.$client.prepare(
    'select "key", "kind", "active_version" as "activeVersion" from "flows" where "key" = ?',
  );
  const rawPilots = new RawTable<PilotRow>(db.$client, pilots);
  const rawCatalog = new RawTable<Parameters<typeof catalogFromColumns>[0]>(db.$client, catalogItems);
  const activePilot = (flow: string) =>
    rawPilots.get(`"flow" = ? and "status" = 'active' order by "created_at" desc limit 1`, flow);
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
      async launch(key) {
        const row = launchFlow.get(key) as
          | { key: string; kind: FlowRow['kind']; activeVersion: number | null }
          | undefined;
        return row ? { ...row, pilot: activePilot(key) } : null;
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
      async get(key): Promise<CatalogItemRow | null> {
        const row = rawCatalog.get('"key" = ?', key);
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
        return activePilot(flow);
      },
      async setStatus(id, status, endedAt) {
        return db.update(pilots).set({ status, endedAt }).where(eq(pilots.id, id)).returning().get() ?? null;
      },
    },
  };
}
