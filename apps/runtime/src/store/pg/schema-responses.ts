import type { Locale } from '@caseflow/schema';
import { bigint, index, json, pgTable, text } from 'drizzle-orm/pg-core';

/** Canned responses on PostgreSQL: the same table as sqlite/schema-responses.ts. */
export const cannedResponses = pgTable(
  'canned_responses',
  {
    id: text('id').primaryKey(),
    title: text('title').notNull(),
    body: text('body').notNull(),
    groups: json('groups').$type<string[]>().notNull(),
    locale: text('locale').$type<Locale>().notNull(),
    createdAt: bigint('created_at', { mode: 'number' }).notNull(),
    createdBy: text('created_by'),
    updatedAt: bigint('updated_at', { mode: 'number' }).notNull(),
    updatedBy: text('updated_by'),
  },
  (t) => [index('canned_responses_title_idx').on(t.title, t.id)],
);
