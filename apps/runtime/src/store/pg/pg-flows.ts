import { and, asc, desc, eq, sql } from 'drizzle-orm';
import { catalogFromColumns, catalogToColumns, draftUpdate, newFlowRow } from '../rows';
import type { FlowLaunch, PilotRow, Store } from '../store';
import { first, type PgDbOf, pgConflict } from './pg-db';
import { type PgClientOf, PgRawTable, runNamed } from './pg-raw';
import { catalogItems, flows, flowVersions, pilots } from './schema';

const rawPilots = new PgRawTable<PilotRow>(pilots);
const rawCatalog = new PgRawTable<Parameters<typeof catalogFromColumns>[0]>(catalogItems);

/** The flow's kind and active version with its newest active pilot: one round trip per open. */
const LAUNCH = `select f."key", f."kind", f."active_version" as "activeVersion",
  (select ${rawPilots.jsonObject('p')} from "pilots" p
    where p."flow" = f."key" and p."status" = 'active' order by p."created_at" desc limit 1) as "pilot"
  from "flows" f where f."key" = $1`;

/** flows, flow versions, catalog items and pilots on PostgreSQL. */
export function pgFlows(
  db: PgDbOf,
  client: PgClientOf,
): Pick<Store, 'flows' | 'flowVersions' | 'catalog' | 'pilots'> {
  return {
    flows: {
      async upsertDraft(d) {
        const rows = await db()
          .insert(flows)
          .values(newFlowRow(d))
          .onConflictDoUpdate({ target: flows.key, set: draftUpdate(d) })
          .returning();
        return rows[0]!;
      },
      async get(key) {
        return first(await db().select().from(flows).where(eq(flows.key, key)));
      },
      async launch(key) {
        const result = await runNamed<FlowLaunch>(client(), LAUNCH, [key]);
        return result.rows[0] ?? null;
      },
      async lock(key) {
        return first(await db().select().from(flows).where(eq(flows.key, key)).for('update'));
      },
      async list() {
        return db().select().from(flows).orderBy(asc(flows.key));
      },
      async setActiveVersion(key, version, now) {
        return first(
          await db()
            .update(flows)
            .set({ activeVersion: version, updatedAt: now })
            .where(eq(flows.key, key))
            .returning(),
        );
      },
    },

    flowVersions: {
      async insert(v) {
        const rows = await pgConflict(
          `version ${v.version} of flow ${v.flow} exists`,
          db().insert(flowVersions).values(v).returning(),
        );
        return rows[0]!;
      },
      async get(flow, version) {
        return first(
          await db()
            .select()
            .from(flowVersions)
            .where(and(eq(flowVersions.flow, flow), eq(flowVersions.version, version))),
        );
      },
      async list(flow) {
        return db()
          .select()
          .from(flowVersions)
          .where(eq(flowVersions.flow, flow))
          .orderBy(desc(flowVersions.version));
      },
      async latest(flow) {
        const [row] = await db()
          .select({ v: sql<number>`coalesce(max(${flowVersions.version}), 0)::int` })
          .from(flowVersions)
          .where(eq(flowVersions.flow, flow));
        return row?.v ?? 0;
      },
    },

    catalog: {
      async upsert(item) {
        const cols = catalogToColumns(item);
        const { key: _key, ...set } = cols;
        const rows = await db()
          .insert(catalogItems)
          .values(cols)
          .onConflictDoUpdate({ target: catalogItems.key, set })
          .returning();
        return catalogFromColumns(rows[0]!);
      },
      async get(key) {
        const row = await rawCatalog.get(client(), '"key" = $1', [key]);
        return row ? catalogFromColumns(row) : null;
      },
      async list() {
        const rows = await db()
          .select()
          .from(catalogItems)
          .orderBy(asc(catalogItems.category), asc(catalogItems.name));
        return rows.map(catalogFromColumns);
      },
    },

    pilots: {
      async create(pilot) {
        const rows = await pgConflict(
          `pilot ${pilot.id} exists`,
          db().insert(pilots).values(pilot).returning(),
        );
        return rows[0]!;
      },
      async get(id) {
        return first(await db().select().from(pilots).where(eq(pilots.id, id)));
      },
      async list(flow) {
        return db()
          .select()
          .from(pilots)
          .where(flow === undefined ? undefined : eq(pilots.flow, flow))
          .orderBy(desc(pilots.createdAt), desc(pilots.id));
      },
      async activeFor(flow) {
        return first(
          await db()
            .select()
            .from(pilots)
            .where(and(eq(pilots.flow, flow), eq(pilots.status, 'active')))
            .orderBy(desc(pilots.createdAt))
            .limit(1),
        );
      },
      async setStatus(id, status, endedAt) {
        return first(await db().update(pilots).set({ status, endedAt }).where(eq(pilots.id, id)).returning());
      },
    },
  };
}
