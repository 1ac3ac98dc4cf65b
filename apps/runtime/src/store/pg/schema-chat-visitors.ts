import { bigint, index, pgTable, text, uniqueIndex } from 'drizzle-orm/pg-core';

/** Anonymous visitors' chat capabilities on PostgreSQL: the same table as sqlite/schema-chat-visitors.ts. */
export const chatVisitors = pgTable(
  'chat_visitors',
  {
    id: text('id').primaryKey(),
    tokenHash: text('token_hash').notNull(),
    caseId: text('case_id').notNull(),
    customerId: text('customer_id').notNull(),
    name: text('name').notNull(),
    email: text('email').notNull(),
    createdAt: bigint('created_at', { mode: 'number' }).notNull(),
    expiresAt: bigint('expires_at', { mode: 'number' }).notNull(),
  },
  (t) => [uniqueIndex('chat_visitors_token').on(t.tokenHash), index('chat_visitors_case').on(t.caseId)],
);
