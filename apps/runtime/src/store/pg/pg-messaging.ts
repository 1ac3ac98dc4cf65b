import { asc, eq } from 'drizzle-orm';
import type { Store } from '../store';
import { first, type PgDbOf } from './pg-db';
import { messagingAccounts } from './schema-messaging';

/** WhatsApp and SMS accounts on PostgreSQL. */
export function pgMessaging(db: PgDbOf): Pick<Store, 'messaging'> {
  return {
    messaging: {
      async getAccount(channel) {
        return first(
          await db().select().from(messagingAccounts).where(eq(messagingAccounts.channel, channel)),
        );
      },
      async listAccounts() {
        return db().select().from(messagingAccounts).orderBy(asc(messagingAccounts.channel));
      },
      async putAccount(row) {
        const { channel, ...rest } = row;
        const rows = await db()
          .insert(messagingAccounts)
          .values(row)
          .onConflictDoUpdate({ target: messagingAccounts.channel, set: rest })
          .returning();
        return rows[0]!;
      },
    },
  };
}
