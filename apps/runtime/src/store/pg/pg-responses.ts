import { asc, count, eq } from 'drizzle-orm';
import { definedOnly } from '../rows';
import type { Store } from '../store';
import { first, type PgDbOf, pgConflict } from './pg-db';
import { cannedResponses } from './schema-responses';

/** Canned responses on PostgreSQL. */
export function pgResponses(db: PgDbOf): Pick<Store, 'responses'> {
  return {
    responses: {
      async create(row) {
        const rows = await pgConflict(
          `response ${row.id} exists`,
          db().insert(cannedResponses).values(row).returning(),
        );
        return rows[0]!;
      },
      async get(id) {
        return first(await db().select().from(cannedResponses).where(eq(cannedResponses.id, id)));
      },
      async list() {
        return db()
          .select()
          .from(cannedResponses)
          .orderBy(asc(cannedResponses.title), asc(cannedResponses.id));
      },
      async count() {
        const rows = await db().select({ n: count() }).from(cannedResponses);
        return Number(rows[0]?.n ?? 0);
      },
      async update(id, patch) {
        return first(
          await db()
            .update(cannedResponses)
            .set(definedOnly(patch))
            .where(eq(cannedResponses.id, id))
            .returning(),
        );
      },
      async delete(id) {
        const rows = await db()
          .delete(cannedResponses)
          .where(eq(cannedResponses.id, id))
          .returning({ id: cannedResponses.id });
        return rows.length > 0;
      },
    },
  };
}
