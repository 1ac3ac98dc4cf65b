import { bigint, index, integer, json, pgTable, text } from 'drizzle-orm/pg-core';
import type { MergedIdentity } from '../customer-merge-store';

/** Contact merges on PostgreSQL: the same table as sqlite/schema-customer-merges.ts. */
export const customerMerges = pgTable(
  'customer_merges',
  {
    sourceId: text('source_id').primaryKey(),
    targetId: text('target_id').notNull(),
    actor: text('actor').notNull(),
    at: bigint('at', { mode: 'number' }).notNull(),
    identities: json('identities').$type<MergedIdentity[]>().notNull(),
    cases: integer('cases').notNull(),
  },
  (t) => [index('customer_merges_target').on(t.targetId, t.at)],
);
