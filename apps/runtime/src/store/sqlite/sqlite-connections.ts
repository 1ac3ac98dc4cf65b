import { asc, eq } from 'drizzle-orm';
import { definedOnly } from '../rows';
import type { Store } from '../store';
import { connections } from './schema';
import { type SqliteDb, sqliteConflict } from './sqlite-db';

/** connections on SQLite: rows hold only the sealed secret, never a credential in clear. */
export function sqliteConnections(db: SqliteDb): Pick<Store, 'connections'> {
  return {
    connections: {
      async create(row) {
        return sqliteConflict(`connection ${row.name} exists`, () =>
          db.insert(connections).values(row).returning().get(),
        );
      },
      async get(name) {
        return db.select().from(connections).where(eq(connections.name, name)).get() ?? null;
      },
      async list() {
        return db.select().from(connections).orderBy(asc(connections.name)).all();
      },
      async update(name, patch) {
        return (
          db
            .update(connections)
            .set(definedOnly(patch))
            .where(eq(connections.name, name))
            .returning()
            .get() ?? null
        );
      },
      async delete(name) {
        return db.delete(connections).where(eq(connections.name, name)).run().changes > 0;
      },
    },
  };
}
