import { bigint, customType, index, integer, pgTable, text } from 'drizzle-orm/pg-core';

/*
 * Channel tables on PostgreSQL (DESIGN §10). Attachments live in the database, in the same
 * transaction as their message: a message is never stored without its files, or the reverse,
 * and both stores back up as one.
 */

const bytea = customType<{ data: Buffer; driverData: Buffer }>({ dataType: () => 'bytea' });

/** Files of messages; the bytes are read only by GET /attachments/:id. */
export const attachments = pgTable(
  'attachments',
  {
    id: text('id').primaryKey(),
    messageId: text('message_id').notNull(),
    caseId: text('case_id').notNull(),
    name: text('name').notNull(),
    contentType: text('content_type').notNull(),
    size: integer('size').notNull(),
    data: bytea('data').notNull(),
    createdAt: bigint('created_at', { mode: 'number' }).notNull(),
  },
  (t) => [index('attachments_message_idx').on(t.messageId)],
);
