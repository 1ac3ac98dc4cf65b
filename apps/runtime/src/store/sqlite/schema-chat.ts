import { integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import type { ChatParty } from '../chat-store';

/** Live chat typing and read state on SQLite (pg/schema-chat.ts is the same table). */
export const chatStates = sqliteTable(
  'chat_states',
  {
    caseId: text('case_id').notNull(),
    username: text('username').notNull(),
    party: text('party').$type<ChatParty>().notNull(),
    typingUntil: integer('typing_until').notNull(),
    readAt: integer('read_at').notNull(),
    leftAt: integer('left_at').notNull().default(0),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.caseId, t.username] })],
);
