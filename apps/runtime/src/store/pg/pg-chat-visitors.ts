import { asc, eq, inArray } from 'drizzle-orm';
import type { Store } from '../store';
import { first, type PgDbOf, pgConflict } from './pg-db';
import { chatVisitors } from './schema-chat-visitors';

/** Anonymous visitors' chats on PostgreSQL. */
export function pgChatVisitors(db: PgDbOf): Pick<Store, 'chatVisitors'> {
  return {
    chatVisitors: {
      async insert(row) {
        await pgConflict(`visitor ${row.id} exists`, db().insert(chatVisitors).values(row));
      },
      async byTokenHash(tokenHash) {
        return first(await db().select().from(chatVisitors).where(eq(chatVisitors.tokenHash, tokenHash)));
      },
      async get(id) {
        return first(await db().select().from(chatVisitors).where(eq(chatVisitors.id, id)));
      },
      async byCase(caseId) {
        return first(
          await db()
            .select()
            .from(chatVisitors)
            .where(eq(chatVisitors.caseId, caseId))
            .orderBy(asc(chatVisitors.createdAt), asc(chatVisitors.id))
            .limit(1),
        );
      },
      async visitorCases(caseIds) {
        if (caseIds.length === 0) return [];
        const rows = await db()
          .selectDistinct({ caseId: chatVisitors.caseId })
          .from(chatVisitors)
          .where(inArray(chatVisitors.caseId, [...caseIds]));
        return rows.map((r) => r.caseId);
      },
    },
  };
}
