import { bigint, boolean, index, integer, json, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';
import type { MigrationCaseStatus, MigrationRowStatus } from '../store';

/*
 * Migrations of running cases (DESIGN §13) on PostgreSQL; sqlite/schema-migrations.ts holds the
 * same tables for SQLite. Generate with `npx drizzle-kit generate --config drizzle.pg.config.ts`.
 */

/** One migration (or dry run) of a flow's cases from one version to another. */
export const migrations = pgTable(
  'migrations',
  {
    id: text('id').primaryKey(),
    flow: text('flow').notNull(),
    fromVersion: integer('from_version').notNull(),
    toVersion: integer('to_version').notNull(),
    mapping: json('mapping').$type<Record<string, string>>().notNull(),
    dryRun: boolean('dry_run').notNull(),
    status: text('status').$type<MigrationRowStatus>().notNull(),
    createdBy: text('created_by'),
    createdAt: bigint('created_at', { mode: 'number' }).notNull(),
    finishedAt: bigint('finished_at', { mode: 'number' }),
  },
  (t) => [index('migrations_flow_idx').on(t.flow, t.createdAt), index('migrations_status_idx').on(t.status)],
);

/** Each selected case of a migration: planned until it moves or is refused (with the reason). */
export const migrationCases = pgTable(
  'migration_cases',
  {
    migrationId: text('migration_id')
      .notNull()
      .references(() => migrations.id),
    caseId: text('case_id').notNull(),
    status: text('status').$type<MigrationCaseStatus>().notNull(),
    reason: text('reason'),
    updatedAt: bigint('updated_at', { mode: 'number' }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.migrationId, t.caseId] }),
    index('migration_cases_status_idx').on(t.migrationId, t.status, t.caseId),
  ],
);
