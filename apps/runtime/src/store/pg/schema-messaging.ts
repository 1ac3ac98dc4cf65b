import type { MessagingChannel } from '@caseflow/schema';
import { bigint, pgTable, text } from 'drizzle-orm/pg-core';

/** WhatsApp and SMS accounts on PostgreSQL: the same table as sqlite/schema-messaging.ts. */
export const messagingAccounts = pgTable('messaging_accounts', {
  channel: text('channel').$type<MessagingChannel>().primaryKey(),
  connection: text('connection').notNull(),
  sender: text('sender').notNull(),
  webhookUrl: text('webhook_url'),
  secret: text('secret').notNull(),
  verifyToken: text('verify_token'),
  updatedAt: bigint('updated_at', { mode: 'number' }).notNull(),
  updatedBy: text('updated_by'),
});
