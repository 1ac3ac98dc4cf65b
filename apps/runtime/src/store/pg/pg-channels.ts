import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { ChannelStore } from '../channel-store';
import type { Store } from '../store';
import { first, type PgDbOf, pgConflict } from './pg-db';
import { cases, customers, messages } from './schema';
import { attachments } from './schema-channels';

const meta = {
  id: attachments.id,
  messageId: attachments.messageId,
  caseId: attachments.caseId,
  name: attachments.name,
  contentType: attachments.contentType,
  size: attachments.size,
  createdAt: attachments.createdAt,
};

/** Attachments and channel look-ups on PostgreSQL (channel-store.ts). */
export function pgChannels(db: PgDbOf): Pick<Store, 'channels'> {
  const channels: ChannelStore = {
    async insertAttachment(file) {
      const rows = await pgConflict(
        `attachment ${file.id} exists`,
        db().insert(attachments).values(file).returning(meta),
      );
      return rows[0]!;
    },
    async attachment(id) {
      return first(await db().select().from(attachments).where(eq(attachments.id, id)));
    },
    async attachmentsOf(messageIds) {
      if (messageIds.length === 0) return [];
      return db()
        .select(meta)
        .from(attachments)
        .where(inArray(attachments.messageId, [...messageIds]))
        .orderBy(asc(attachments.messageId), asc(attachments.createdAt), asc(attachments.id));
    },
    async message(id) {
      return first(await db().select().from(messages).where(eq(messages.id, id)));
    },
    async messageByExternalId(channel, externalId) {
      return first(
        await db()
          .select()
          .from(messages)
          .where(and(eq(messages.channel, channel), eq(messages.externalId, externalId))),
      );
    },
    async lastInbound(caseId) {
      return first(
        await db()
          .select()
          .from(messages)
          .where(
            and(
              eq(messages.caseId, caseId),
              eq(messages.from, 'customer'),
              eq(messages.visibility, 'public'),
            ),
          )
          .orderBy(desc(messages.at), desc(messages.id))
          .limit(1),
      );
    },
    async customerByAddress(kind, address) {
      const where =
        kind === 'email'
          ? sql`lower(${customers.email}) = ${address.toLowerCase()}`
          : eq(customers.phone, address);
      return first(
        await db()
          .select()
          .from(customers)
          .where(where)
          .orderBy(asc(customers.createdAt), asc(customers.id))
          .limit(1),
      );
    },
    async caseIdByNumber(number) {
      return (
        first(await db().select({ id: cases.id }).from(cases).where(eq(cases.number, number)))?.id ?? null
      );
    },
  };
  return { channels };
}
