import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

/** Anonymous visitors' chat capabilities on SQLite (pg/schema-chat-visitors.ts is the same table). */
export const chatVisitors = sqliteTable(
  'chat_visitors',
  {
    id: text('id').primaryKey(),
    tokenHash: text('token_hash').notNull(),
    caseId: text('case_id').notNull(),
    customerId: text('customer_id').notNull(),
    name: text('name').notNull(),
    email: text('email').notNull(),
    createdAt: integer('created_at').notNull(),
    expiresAt: integer('expires_at').notNull(),
  },
  (t) => [uniqueIndex('chat_visitors_token').on(t.tokenHash), index('chat_visitors_case').on(t.caseId)],
);
