import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { ChannelStore } from '../channel-store';
import type { MessageRow, Store } from '../store';
import { RawTable } from './raw-table';
import { cases, customers, messages } from './schema';
import { attachments } from './schema-channels';
import { type SqliteDb, sqliteConflict } from './sqlite-db';

const meta = {
  id: attachments.id,
  messageId: attachments.messageId,
  caseId: attachments.caseId,
  name: attachments.name,
  contentType: attachments.contentType,
  size: attachments.size,
  createdAt: attachments.createdAt,
};

/** Attachments and channel look-ups on SQLite (channel-store.ts). */
export function sqliteChannels(db: SqliteDb): Pick<Store, 'channels'> {
  // Read on every agent answer and every customer message: a cached statement, no query build.
  const rawMessages = new RawTable<MessageRow>(db.$client, messages);
  const channels: ChannelStore = {
    async insertAttachment(file) {
      return sqliteConflict(`attachment ${file.id} exists`, () =>
        db.insert(attachments).values(file).returning(meta).get(),
      );
    },
    async attachment(id) {
      return db.select().from(attachments).where(eq(attachments.id, id)).get() ?? null;
    },
    async attachmentsOf(messageIds) {
      if (messageIds.length === 0) return [];
      return db
        .select(meta)
        .from(attachments)
        .where(inArray(attachments.messageId, [...messageIds]))
        .orderBy(asc(attachments.messageId), asc(attachments.createdAt), asc(attachments.id))
        .all();
    },
    async message(id) {
      return db.select().from(messages).where(eq(messages.id, id)).get() ?? null;
    },
    async messageByExternalId(channel, externalId) {
      return (
        db
          .select()
          .from(messages)
          .where(and(eq(messages.channel, channel), eq(messages.externalId, externalId)))
          .get() ?? null
      );
    },
    async lastInbound(caseId) {
      return rawMessages.get(
        "case_id = ? and from_party = 'customer' and visibility = 'public' order by at desc, id desc limit 1",
        caseId,
      );
    },
    async customerByAddress(kind, address) {
      const where =
        kind === 'email'
          ? sql`lower(${customers.email}) = ${address.toLowerCase()}`
          : eq(customers.phone, address);
      return (
        db
          .select()
          .from(customers)
          .where(where)
          .orderBy(asc(customers.createdAt), asc(customers.id))
          .limit(1)
          .get() ?? null
      );
    },
    async caseIdByNumber(number) {
      return db.select({ id: cases.id }).from(cases).where(eq(cases.number, number)).get()?.id ?? null;
    },
  };
  return { channels };
}
