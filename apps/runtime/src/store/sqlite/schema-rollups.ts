import { integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/*
 * SQLite tables of the analytics rollups (store/rollup-rows.ts); pg/schema-rollups.ts holds
 * the same for PostgreSQL. Values are JSON text the analytics module reads and writes.
 */

/** Aggregate rows by space, flow, bucket (a day, or a flow version) and key values. */
export const rollups = sqliteTable(
  'rollups',
  {
    space: text('space').notNull(),
    flow: text('flow').notNull(),
    bucket: integer('bucket').notNull(),
    dims: text('dims').notNull(),
    tally: text('tally').notNull(),
    detail: text('detail'),
  },
  (t) => [primaryKey({ columns: [t.space, t.flow, t.bucket, t.dims] })],
);

/** What each case added to the rollups when it was last folded (taken back when it changes). */
export const rollupCases = sqliteTable('rollup_cases', {
  caseId: text('case_id').primaryKey(),
  entries: text('entries').notNull(),
});

/** Cases changed since their last fold, with a counter bumped by each change. */
export const rollupDirty = sqliteTable('rollup_dirty', {
  caseId: text('case_id').primaryKey(),
  mark: integer('mark').notNull(),
});

/** What the rollups were built with (their format, the business calendars). */
export const rollupMeta = sqliteTable('rollup_meta', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
});
