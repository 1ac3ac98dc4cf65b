import { asc, eq } from 'drizzle-orm';
import { definedOnly } from '../rows';
import type { Store } from '../store';
import { first, type PgDbOf, pgConflict } from './pg-db';
import { connections } from './schema';

/** connections on PostgreSQL: rows hold only the sealed secret, never a credential in clear. */
export function pgConnections(db: PgDbOf): Pick<Store, 'connections'> {
  return {
    connections: {
      async create(row) {
        const rows = await pgConflict(
          `connection ${row.name} exists`,
          db().insert(connections).values(row).returning(),
        );
        return rows[0]!;
      },
      async get(name) {
        return first(await db().select().from(connections).where(eq(connections.name, name)));
      },
      async list() {
        return db().select().from(connections).orderBy(asc(connections.name));
      },
      async update(name, patch) {
        return first(
          await db()
            .update(connections)
            .set(definedOnly(patch))
            .where(eq(connections.name, name))
            .returning(),
        );
      },
      async delete(name) {
        const rows = await db()
          .delete(connections)
          .where(eq(connections.name, name))
          .returning({ name: connections.name });
        return rows.length > 0;
      },
    },
  };
}
