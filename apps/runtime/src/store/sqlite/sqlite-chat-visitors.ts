import { asc, eq, inArray } from 'drizzle-orm';
import type { Store } from '../store';
import { chatVisitors } from './schema-chat-visitors';
import { type SqliteDb, sqliteConflict } from './sqlite-db';

/** Anonymous visitors' chats on SQLite. */
export function sqliteChatVisitors(db: SqliteDb): Pick<Store, 'chatVisitors'> {
  return {
    chatVisitors: {
      async insert(row) {
        sqliteConflict(`visitor ${row.id} exists`, () => db.insert(chatVisitors).values(row).run());
      },
      async byTokenHash(tokenHash) {
        return db.select().from(chatVisitors).where(eq(chatVisitors.tokenHash, tokenHash)).get() ?? null;
      },
      async get(id) {
        return db.select().from(chatVisitors).where(eq(chatVisitors.id, id)).get() ?? null;
      },
      async byCase(caseId) {
        return (
          db
            .select()
            .from(chatVisitors)
            .where(eq(chatVisitors.caseId, caseId))
            .orderBy(asc(chatVisitors.createdAt), asc(chatVisitors.id))
            .get() ?? null
        );
      },
      async visitorCases(caseIds) {
        if (caseIds.length === 0) return [];
        const rows = db
          .selectDistinct({ caseId: chatVisitors.caseId })
          .from(chatVisitors)
          .where(inArray(chatVisitors.caseId, [...caseIds]))
          .all();
        return rows.map((r) => r.caseId);
      },
    },
  };
}
