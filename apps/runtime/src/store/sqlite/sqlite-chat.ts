import { and, asc, eq } from 'drizzle-orm';
import type { Store } from '../store';
import { chatStates } from './schema-chat';
import type { SqliteDb } from './sqlite-db';

/** Live chat state on SQLite. */
export function sqliteChat(db: SqliteDb): Pick<Store, 'chat'> {
  return {
    chat: {
      async get(caseId, username) {
        return (
          db
            .select()
            .from(chatStates)
            .where(and(eq(chatStates.caseId, caseId), eq(chatStates.username, username)))
            .get() ?? null
        );
      },
      async put(row) {
        const { caseId, username, ...rest } = row;
        db.insert(chatStates)
          .values(row)
          .onConflictDoUpdate({ target: [chatStates.caseId, chatStates.username], set: rest })
          .run();
      },
      async states(caseId) {
        return db
          .select()
          .from(chatStates)
          .where(eq(chatStates.caseId, caseId))
          .orderBy(asc(chatStates.username))
          .all();
      },
    },
  };
}
