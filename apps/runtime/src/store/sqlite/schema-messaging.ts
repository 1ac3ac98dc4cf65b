import type { MessagingChannel } from '@caseflow/schema';
import { integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/** WhatsApp and SMS accounts on SQLite (pg/schema-messaging.ts is the same table). */
export const messagingAccounts = sqliteTable('messaging_accounts', {
  channel: text('channel').$type<MessagingChannel>().primaryKey(),
  connection: text('connection').notNull(),
  sender: text('sender').notNull(),
  webhookUrl: text('webhook_url'),
  secret: text('secret').notNull(),
  verifyToken: text('verify_token'),
  updatedAt: integer('updated_at').notNull(),
  updatedBy: text('updated_by'),
});
