import { and, asc, desc, eq } from 'drizzle-orm';
import type { ActivationRequestRow } from '../activation-store';
import type { Store } from '../store';
import { activationRequests as t } from './schema-activation';
import { type SqliteDb, sqliteConflict } from './sqlite-db';

/** Requests to activate flow versions on SQLite. */
export function sqliteActivations(db: SqliteDb): Pick<Store, 'activations'> {
  const get = (id: string): ActivationRequestRow | null =>
    (db.select().from(t).where(eq(t.id, id)).get() as ActivationRequestRow | undefined) ?? null;
  return {
    activations: {
      async create(row) {
        sqliteConflict(`version ${row.version} of ${row.flow} has a pending activation request`, () =>
          db.insert(t).values(row).run(),
        );
        return get(row.id)!;
      },
      async get(id) {
        return get(id);
      },
      async list(flow, limit) {
        return db
          .select()
          .from(t)
          .where(eq(t.flow, flow))
          .orderBy(desc(t.requestedAt), desc(t.id))
          .limit(limit)
          .all() as ActivationRequestRow[];
      },
      async pending(limit) {
        return db
          .select()
          .from(t)
          .where(eq(t.status, 'pending'))
          .orderBy(asc(t.requestedAt), asc(t.id))
          .limit(limit)
          .all() as ActivationRequestRow[];
      },
      async decide(where, decision) {
        const which =
          'id' in where ? eq(t.id, where.id) : and(eq(t.flow, where.flow), eq(t.version, where.version));
        return db
          .update(t)
          .set(decision)
          .where(and(which, eq(t.status, 'pending')))
          .returning()
          .all() as ActivationRequestRow[];
      },
    },
  };
}
