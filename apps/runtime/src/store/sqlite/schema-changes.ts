import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/*
 * The change log behind the live streams (GET /cases/:id/events, GET /events): one row per
 * committed case write that added timeline entries. SQLite serialises writers, so the
 * autoincrement seq is commit order. Rows are kept for a bounded time (store.changes.purge).
 */
export const caseChanges = sqliteTable(
  'case_changes',
  {
    seq: integer('seq').primaryKey({ autoIncrement: true }),
    caseId: text('case_id').notNull(),
    customerId: text('customer_id'),
    topLevel: integer('top_level', { mode: 'boolean' }).notNull(),
    kinds: text('kinds', { mode: 'json' }).$type<string[]>().notNull(),
    publicKinds: text('public_kinds', { mode: 'json' }).$type<string[]>().notNull(),
    groups: text('groups', { mode: 'json' }).$type<string[]>().notNull(),
    users: text('users', { mode: 'json' }).$type<string[]>().notNull(),
    at: integer('at').notNull(),
  },
  (t) => [index('case_changes_at_idx').on(t.at)],
);
