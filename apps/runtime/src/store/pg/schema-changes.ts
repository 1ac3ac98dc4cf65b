import { sql } from 'drizzle-orm';
import { bigint, bigserial, boolean, customType, index, json, pgTable, text } from 'drizzle-orm/pg-core';

/** PostgreSQL's 64-bit transaction id, read as text (it exceeds 2^53 in principle). */
const xid8 = customType<{ data: string; driverData: string }>({ dataType: () => 'xid8' });

/*
 * The change log behind the live streams (GET /cases/:id/events, GET /events): one row per
 * committed case write that added timeline entries. Sequence numbers are handed out before
 * commit, so on PostgreSQL a smaller seq may become visible after a larger one; each row
 * therefore carries its writing transaction's id, and readers take only rows of transactions
 * older than every transaction still running in the database, in (xid, seq) order: a stable, gap-free order
 * seen alike by every runtime process on the database.
 */
export const caseChanges = pgTable(
  'case_changes',
  {
    seq: bigserial('seq', { mode: 'number' }).primaryKey(),
    xid: xid8('xid').notNull().default(sql`pg_current_xact_id()`),
    caseId: text('case_id').notNull(),
    customerId: text('customer_id'),
    topLevel: boolean('top_level').notNull(),
    kinds: json('kinds').$type<string[]>().notNull(),
    publicKinds: json('public_kinds').$type<string[]>().notNull(),
    groups: json('groups').$type<string[]>().notNull(),
    users: json('users').$type<string[]>().notNull(),
    at: bigint('at', { mode: 'number' }).notNull(),
  },
  (t) => [index('case_changes_xid_seq_idx').on(t.xid, t.seq), index('case_changes_at_idx').on(t.at)],
);
