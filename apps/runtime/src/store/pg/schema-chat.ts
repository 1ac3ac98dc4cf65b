import { bigint, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';
import type { ChatParty } from '../chat-store';

/** Live chat typing and read state on PostgreSQL: the same table as sqlite/schema-chat.ts. */
export const chatStates = pgTable(
  'chat_states',
  {
    caseId: text('case_id').notNull(),
    username: text('username').notNull(),
    party: text('party').$type<ChatParty>().notNull(),
    typingUntil: bigint('typing_until', { mode: 'number' }).notNull(),
    readAt: bigint('read_at', { mode: 'number' }).notNull(),
    leftAt: bigint('left_at', { mode: 'number' }).notNull().default(0),
    updatedAt: bigint('updated_at', { mode: 'number' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.caseId, t.username] })],
);
