import { and, asc, eq, sql } from 'drizzle-orm';
import type { MigrationCaseStatus, MigrationRow, Store } from '../store';
import { migrationCases, migrations } from './schema-migrations';
import type { SqliteDb } from './sqlite-db';

/** Rows per insert statement: SQLite binds at most 32,766 parameters (5 per row). */
const CHUNK = 1000;

/** Migrations of running cases on SQLite (the store's mutex serialises every writer). */
export function sqliteMigrations(db: SqliteDb): Pick<Store, 'migrations'> {
  const get = (id: string): MigrationRow | null =>
    (db.select().from(migrations).where(eq(migrations.id, id)).get() as MigrationRow | undefined) ?? null;
  return {
    migrations: {
      async create(row, cases, at) {
        db.insert(migrations).values(row).run();
        for (let i = 0; i < cases.length; i += CHUNK) {
          const chunk = cases.slice(i, i + CHUNK).map((c) => ({ ...c, migrationId: row.id, updatedAt: at }));
          db.insert(migrationCases).values(chunk).run();
        }
        return get(row.id)!;
      },
      async get(id) {
        return get(id);
      },
      async running() {
        return db
          .select()
          .from(migrations)
          .where(eq(migrations.status, 'running'))
          .orderBy(asc(migrations.createdAt))
          .all() as MigrationRow[];
      },
      async counts(id) {
        const rows = db
          .select({ status: migrationCases.status, n: sql<number>`count(*)` })
          .from(migrationCases)
          .where(eq(migrationCases.migrationId, id))
          .groupBy(migrationCases.status)
          .all();
        const out: Record<MigrationCaseStatus, number> = { planned: 0, migrated: 0, refused: 0 };
        for (const r of rows) out[r.status] = Number(r.n);
        return out;
      },
      async refused(id) {
        return db
          .select({ caseId: migrationCases.caseId, reason: migrationCases.reason })
          .from(migrationCases)
          .where(and(eq(migrationCases.migrationId, id), eq(migrationCases.status, 'refused')))
          .orderBy(asc(migrationCases.caseId))
          .all()
          .map((r) => ({ caseId: r.caseId, reason: r.reason ?? '' }));
      },
      async planned(id, limit) {
        return db
          .select({ caseId: migrationCases.caseId })
          .from(migrationCases)
          .where(and(eq(migrationCases.migrationId, id), eq(migrationCases.status, 'planned')))
          .orderBy(asc(migrationCases.caseId))
          .limit(limit)
          .all()
          .map((r) => r.caseId);
      },
      async settle(id, caseId, status, reason, at) {
        const done = db
          .update(migrationCases)
          .set({ status, reason, updatedAt: at })
          .where(
            and(
              eq(migrationCases.migrationId, id),
              eq(migrationCases.caseId, caseId),
              eq(migrationCases.status, 'planned'),
            ),
          )
          .run();
        return done.changes > 0;
      },
      async finish(id, at) {
        db.update(migrations)
          .set({ status: 'done', finishedAt: at })
          .where(and(eq(migrations.id, id), eq(migrations.status, 'running')))
          .run();
        return get(id);
      },
    },
  };
}
