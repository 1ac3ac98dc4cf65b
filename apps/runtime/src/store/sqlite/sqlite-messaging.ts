import { asc, eq } from 'drizzle-orm';
import type { Store } from '../store';
import { messagingAccounts } from './schema-messaging';
import type { SqliteDb } from './sqlite-db';

/** WhatsApp and SMS accounts on SQLite. */
export function sqliteMessaging(db: SqliteDb): Pick<Store, 'messaging'> {
  return {
    messaging: {
      async getAccount(channel) {
        return (
          db.select().from(messagingAccounts).where(eq(messagingAccounts.channel, channel)).get() ?? null
        );
      },
      async listAccounts() {
        return db.select().from(messagingAccounts).orderBy(asc(messagingAccounts.channel)).all();
      },
      async putAccount(row) {
        const { channel, ...rest } = row;
        return db
          .insert(messagingAccounts)
          .values(row)
          .onConflictDoUpdate({ target: messagingAccounts.channel, set: rest })
          .returning()
          .get();
      },
    },
  };
}
