import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import type { MergedIdentity } from '../customer-merge-store';

/** Contact merges on SQLite (pg/schema-customer-merges.ts is the same table): one per merged contact. */
export const customerMerges = sqliteTable(
  'customer_merges',
  {
    /** A contact is merged once: afterwards it is a tombstone. */
    sourceId: text('source_id').primaryKey(),
    targetId: text('target_id').notNull(),
    actor: text('actor').notNull(),
    at: integer('at').notNull(),
    identities: text('identities', { mode: 'json' }).$type<MergedIdentity[]>().notNull(),
    cases: integer('cases').notNull(),
  },
  (t) => [index('customer_merges_target').on(t.targetId, t.at)],
);
