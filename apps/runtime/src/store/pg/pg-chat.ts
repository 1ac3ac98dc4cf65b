import { and, asc, eq } from 'drizzle-orm';
import type { Store } from '../store';
import { first, type PgDbOf } from './pg-db';
import { chatStates } from './schema-chat';

/** Live chat state on PostgreSQL. */
export function pgChat(db: PgDbOf): Pick<Store, 'chat'> {
  return {
    chat: {
      async get(caseId, username) {
        return first(
          await db()
            .select()
            .from(chatStates)
            .where(and(eq(chatStates.caseId, caseId), eq(chatStates.username, username))),
        );
      },
      async put(row) {
        const { caseId, username, ...rest } = row;
        await db()
          .insert(chatStates)
          .values(row)
          .onConflictDoUpdate({ target: [chatStates.caseId, chatStates.username], set: rest });
      },
      async states(caseId) {
        return db()
          .select()
          .from(chatStates)
          .where(eq(chatStates.caseId, caseId))
          .orderBy(asc(chatStates.username));
      },
    },
  };
}
