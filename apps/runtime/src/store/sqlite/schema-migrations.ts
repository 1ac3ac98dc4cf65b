import { index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import type { MigrationCaseStatus, MigrationRowStatus } from '../store';

/*
 * Migrations of running cases (DESIGN §13) on SQLite; pg/schema-migrations.ts holds the same
 * tables for PostgreSQL. Generate with `npx drizzle-kit generate --config drizzle.sqlite.config.ts`.
 */

/** One migration (or dry run) of a flow's cases from one version to another. */
export const migrations = sqliteTable(
  'migrations',
  {
    id: text('id').primaryKey(),
    flow: text('flow').notNull(),
    fromVersion: integer('from_version').notNull(),
    toVersion: integer('to_version').notNull(),
    mapping: text('mapping', { mode: 'json' }).$type<Record<string, string>>().notNull(),
    dryRun: integer('dry_run', { mode: 'boolean' }).notNull(),
    status: text('status').$type<MigrationRowStatus>().notNull(),
    createdBy: text('created_by'),
    createdAt: integer('created_at').notNull(),
    finishedAt: integer('finished_at'),
  },
  (t) => [index('migrations_flow_idx').on(t.flow, t.createdAt), index('migrations_status_idx').on(t.status)],
);

/** Each selected case of a migration: planned until it moves or is refused (with the reason). */
export const migrationCases = sqliteTable(
  'migration_cases',
  {
    migrationId: text('migration_id')
      .notNull()
      .references(() => migrations.id),
    caseId: text('case_id').notNull(),
    status: text('status').$type<MigrationCaseStatus>().notNull(),
    reason: text('reason'),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.migrationId, t.caseId] }),
    index('migration_cases_status_idx').on(t.migrationId, t.status, t.caseId),
  ],
);
