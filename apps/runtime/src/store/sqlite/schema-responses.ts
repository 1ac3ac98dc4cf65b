import type { Locale } from '@caseflow/schema';
import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/** Canned responses on SQLite (DESIGN §10); pg/schema-responses.ts is the same table. */
export const cannedResponses = sqliteTable(
  'canned_responses',
  {
    id: text('id').primaryKey(),
    title: text('title').notNull(),
    body: text('body').notNull(),
    groups: text('groups', { mode: 'json' }).$type<string[]>().notNull(),
    locale: text('locale').$type<Locale>().notNull(),
    createdAt: integer('created_at').notNull(),
    createdBy: text('created_by'),
    updatedAt: integer('updated_at').notNull(),
    updatedBy: text('updated_by'),
  },
  (t) => [index('canned_responses_title_idx').on(t.title, t.id)],
);
