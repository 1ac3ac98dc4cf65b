import { blob, index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/*
 * Channel tables on SQLite (DESIGN §10). Attachments live in the database, in the same
 * transaction as their message: a message is never stored without its files, or the reverse,
 * and both stores back up as one.
 */

/** Files of messages; the bytes are read only by GET /attachments/:id. */
export const attachments = sqliteTable(
  'attachments',
  {
    id: text('id').primaryKey(),
    messageId: text('message_id').notNull(),
    caseId: text('case_id').notNull(),
    name: text('name').notNull(),
    contentType: text('content_type').notNull(),
    size: integer('size').notNull(),
    data: blob('data', { mode: 'buffer' }).$type<Buffer>().notNull(),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [index('attachments_message_idx').on(t.messageId)],
);
