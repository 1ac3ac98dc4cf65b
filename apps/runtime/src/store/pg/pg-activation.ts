import { and, asc, desc, eq } from 'drizzle-orm';
import type { ActivationRequestRow } from '../activation-store';
import type { Store } from '../store';
import { first, type PgDbOf, pgConflict } from './pg-db';
import { activationRequests as t } from './schema-activation';

/**
 * Requests to activate flow versions on PostgreSQL. `decide` updates only pending rows: a second
 * admin deciding the same request waits for the first one's row lock, then finds it settled.
 */
export function pgActivations(db: PgDbOf): Pick<Store, 'activations'> {
  const get = async (id: string) =>
    first((await db().select().from(t).where(eq(t.id, id))) as ActivationRequestRow[]);
  return {
    activations: {
      async create(row) {
        await pgConflict(
          `version ${row.version} of ${row.flow} has a pending activation request`,
          db().insert(t).values(row),
        );
        return (await get(row.id))!;
      },
      get,
      async list(flow, limit) {
        return (await db()
          .select()
          .from(t)
          .where(eq(t.flow, flow))
          .orderBy(desc(t.requestedAt), desc(t.id))
          .limit(limit)) as ActivationRequestRow[];
      },
      async pending(limit) {
        return (await db()
          .select()
          .from(t)
          .where(eq(t.status, 'pending'))
          .orderBy(asc(t.requestedAt), asc(t.id))
          .limit(limit)) as ActivationRequestRow[];
      },
      async decide(where, decision) {
        const which =
          'id' in where ? eq(t.id, where.id) : and(eq(t.flow, where.flow), eq(t.version, where.version));
        return (await db()
          .update(t)
          .set(decision)
          .where(and(which, eq(t.status, 'pending')))
          .returning()) as ActivationRequestRow[];
      },
    },
  };
}
