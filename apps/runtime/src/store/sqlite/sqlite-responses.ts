import { asc, count, eq } from 'drizzle-orm';
import { definedOnly } from '../rows';
import type { Store } from '../store';
import { cannedResponses } from './schema-responses';
import { type SqliteDb, sqliteConflict } from './sqlite-db';

/** Canned responses on SQLite. */
export function sqliteResponses(db: SqliteDb): Pick<Store, 'responses'> {
  return {
    responses: {
      async create(row) {
        return sqliteConflict(`response ${row.id} exists`, () =>
          db.insert(cannedResponses).values(row).returning().get(),
        );
      },
      async get(id) {
        return db.select().from(cannedResponses).where(eq(cannedResponses.id, id)).get() ?? null;
      },
      async list() {
        return db
          .select()
          .from(cannedResponses)
          .orderBy(asc(cannedResponses.title), asc(cannedResponses.id))
          .all();
      },
      async count() {
        return db.select({ n: count() }).from(cannedResponses).get()?.n ?? 0;
      },
      async update(id, patch) {
        return (
          db
            .update(cannedResponses)
            .set(definedOnly(patch))
            .where(eq(cannedResponses.id, id))
            .returning()
            .get() ?? null
        );
      },
      async delete(id) {
        return db.delete(cannedResponses).where(eq(cannedResponses.id, id)).run().changes > 0;
      },
    },
  };
}
