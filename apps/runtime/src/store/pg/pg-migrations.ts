import { and, asc, eq, sql } from 'drizzle-orm';
import type { MigrationCaseStatus, MigrationRow, Store } from '../store';
import { first, type PgDbOf } from './pg-db';
import { migrationCases, migrations } from './schema-migrations';

/** Rows per insert statement: PostgreSQL binds at most 65,535 parameters (5 per row). */
const CHUNK = 2000;

/**
 * Migrations of running cases on PostgreSQL. `settle` updates only a planned row: a second
 * process settling the same case waits for the first one's row lock, then finds it settled.
 */
export function pgMigrations(db: PgDbOf): Pick<Store, 'migrations'> {
  const get = async (id: string) =>
    first((await db().select().from(migrations).where(eq(migrations.id, id))) as MigrationRow[]);
  return {
    migrations: {
      async create(row, cases, at) {
        await db().insert(migrations).values(row);
        for (let i = 0; i < cases.length; i += CHUNK) {
          const chunk = cases.slice(i, i + CHUNK).map((c) => ({ ...c, migrationId: row.id, updatedAt: at }));
          await db().insert(migrationCases).values(chunk);
        }
        return (await get(row.id))!;
      },
      get,
      async running() {
        return (await db()
          .select()
          .from(migrations)
          .where(eq(migrations.status, 'running'))
          .orderBy(asc(migrations.createdAt))) as MigrationRow[];
      },
      async counts(id) {
        const rows = await db()
          .select({ status: migrationCases.status, n: sql<number>`count(*)::int` })
          .from(migrationCases)
          .where(eq(migrationCases.migrationId, id))
          .groupBy(migrationCases.status);
        const out: Record<MigrationCaseStatus, number> = { planned: 0, migrated: 0, refused: 0 };
        for (const r of rows) out[r.status] = Number(r.n);
        return out;
      },
      async refused(id) {
        const rows = await db()
          .select({ caseId: migrationCases.caseId, reason: migrationCases.reason })
          .from(migrationCases)
          .where(and(eq(migrationCases.migrationId, id), eq(migrationCases.status, 'refused')))
          .orderBy(asc(migrationCases.caseId));
        return rows.map((r) => ({ caseId: r.caseId, reason: r.reason ?? '' }));
      },
      async planned(id, limit) {
        const rows = await db()
          .select({ caseId: migrationCases.caseId })
          .from(migrationCases)
          .where(and(eq(migrationCases.migrationId, id), eq(migrationCases.status, 'planned')))
          .orderBy(asc(migrationCases.caseId))
          .limit(limit);
        return rows.map((r) => r.caseId);
      },
      async settle(id, caseId, status, reason, at) {
        const done = await db()
          .update(migrationCases)
          .set({ status, reason, updatedAt: at })
          .where(
            and(
              eq(migrationCases.migrationId, id),
              eq(migrationCases.caseId, caseId),
              eq(migrationCases.status, 'planned'),
            ),
          );
        return (done.rowCount ?? 0) > 0;
      },
      async finish(id, at) {
        await db()
          .update(migrations)
          .set({ status: 'done', finishedAt: at })
          .where(and(eq(migrations.id, id), eq(migrations.status, 'running')));
        return get(id);
      },
    },
  };
}
