import { randomUUID } from 'node:crypto';
import { and, asc, desc, eq, getTableColumns, inArray, lt, lte, sql } from 'drizzle-orm';
import { afterCursor, decodeCursor, pageLimit, toPage } from '../paging';
import { byCreation, byDue, withoutColumn } from '../rows';
import type { ClaimedOutbox, ClaimedTimer, OutboxRow, Store, TimerRow } from '../store';
import { idempotency, outbox, timers } from './schema';
import { type SqliteDb, sqliteConflict } from './sqlite-db';

const outboxColumns = withoutColumn(getTableColumns(outbox), 'claim');
const timerColumns = {
  id: timers.id,
  caseId: timers.caseId,
  timerId: timers.timerId,
  fireAt: timers.fireAt,
  purpose: timers.purpose,
};
const retryable = inArray(outbox.status, ['pending', 'failed']);

/** The outbox, durable timers and idempotency keys on SQLite. */
export function sqliteDelivery(db: SqliteDb): Pick<Store, 'outbox' | 'timers' | 'idempotency'> {
  // The timer claim walks the (fire_at, id) primary key of the WITHOUT ROWID table and moves
  // the claimed rows out of the due range in the same statement (row values: no drizzle form).
  const claimTimers = db.$client.prepare<[number, string, number, number], ClaimedTimer>(
    `update timers set fire_at = ?, claim = ?
     where (fire_at, id) in (select fire_at, id from timers where fire_at <= ? order by fire_at, id limit ?)
     returning id, case_id as caseId, timer_id as timerId, purpose, due_at as dueAt, fire_at as fireAt, claim`,
  );

  const settle = (id: string, claim: string, set: Partial<typeof outbox.$inferInsert>) =>
    db
      .update(outbox)
      .set({ ...set, claim: null })
      .where(and(eq(outbox.id, id), eq(outbox.claim, claim), retryable))
      .run().changes > 0;

  return {
    outbox: {
      async insert(row) {
        const values = {
          ...row,
          status: 'pending' as const,
          attempts: 0,
          nextAttemptAt: row.nextAttemptAt ?? row.createdAt,
          lastError: null,
          claim: null,
          deliveredAt: null,
        };
        const inserted = sqliteConflict(`outbox row ${row.id} exists`, () =>
          db
            .insert(outbox)
            .values(values)
            .onConflictDoNothing({ target: outbox.idempotencyKey })
            .returning(outboxColumns)
            .get(),
        );
        if (inserted) return inserted;
        return db
          .select(outboxColumns)
          .from(outbox)
          .where(eq(outbox.idempotencyKey, row.idempotencyKey))
          .get()!;
      },
      async get(id) {
        return db.select(outboxColumns).from(outbox).where(eq(outbox.id, id)).get() ?? null;
      },
      async list(query = {}) {
        const limit = pageLimit(query);
        const cursor = decodeCursor(query.cursor);
        const rows: OutboxRow[] = db
          .select(outboxColumns)
          .from(outbox)
          .where(
            and(
              query.caseId === undefined ? undefined : eq(outbox.caseId, query.caseId),
              query.status === undefined ? undefined : eq(outbox.status, query.status),
              afterCursor(outbox.createdAt, outbox.id, cursor, 'desc'),
            ),
          )
          .orderBy(desc(outbox.createdAt), desc(outbox.id))
          .limit(limit + 1)
          .all();
        return toPage(rows, limit, (r) => [r.createdAt, r.id]);
      },
      async claimDue(now, limit, leaseMs) {
        const claim = randomUUID();
        const due = db
          .select({ id: outbox.id })
          .from(outbox)
          .where(and(retryable, lte(outbox.nextAttemptAt, now)))
          .orderBy(asc(outbox.nextAttemptAt), asc(outbox.id))
          .limit(limit);
        const rows = db
          .update(outbox)
          .set({ nextAttemptAt: now + leaseMs, claim, attempts: sql`${outbox.attempts} + 1` })
          .where(inArray(outbox.id, due))
          .returning()
          .all();
        return rows.map((r) => ({ ...r, claim }) as ClaimedOutbox).sort(byCreation);
      },
      async markDelivered(id, claim, now) {
        return settle(id, claim, { status: 'delivered', deliveredAt: now });
      },
      async markFailed(id, claim, error, nextAttemptAt) {
        return settle(id, claim, { status: 'failed', lastError: error, nextAttemptAt });
      },
      async markDead(id, claim, error) {
        return settle(id, claim, { status: 'dead', lastError: error });
      },
      async nextDueAt() {
        return (
          db
            .select({ at: sql<number | null>`min(${outbox.nextAttemptAt})` })
            .from(outbox)
            .where(retryable)
            .get()?.at ?? null
        );
      },
    },

    timers: {
      async schedule(timer) {
        const id = `${timer.caseId}:${timer.timerId}`;
        const row = { ...timer, id, dueAt: timer.fireAt, claim: null };
        return db
          .insert(timers)
          .values(row)
          .onConflictDoUpdate({
            target: timers.id,
            set: { fireAt: timer.fireAt, dueAt: timer.fireAt, purpose: timer.purpose, claim: null },
          })
          .returning(timerColumns)
          .get();
      },
      async cancel(caseId, timerId) {
        return (
          db
            .delete(timers)
            .where(eq(timers.id, `${caseId}:${timerId}`))
            .run().changes > 0
        );
      },
      async cancelAllForCase(caseId) {
        return db.delete(timers).where(eq(timers.caseId, caseId)).run().changes;
      },
      async listByCase(caseId) {
        const rows = db
          .select({ ...timerColumns, dueAt: timers.dueAt })
          .from(timers)
          .where(eq(timers.caseId, caseId))
          .orderBy(asc(timers.dueAt), asc(timers.id))
          .all();
        return rows.map(({ dueAt, ...t }): TimerRow => ({ ...t, fireAt: dueAt }));
      },
      async claimDue(now, limit, leaseMs) {
        return claimTimers.all(now + leaseMs, randomUUID(), now, limit).sort(byDue);
      },
      async complete(id, claim) {
        return (
          db
            .delete(timers)
            .where(and(eq(timers.id, id), eq(timers.claim, claim)))
            .run().changes > 0
        );
      },
      async nextDueAt() {
        return (
          db
            .select({ at: sql<number | null>`min(${timers.fireAt})` })
            .from(timers)
            .get()?.at ?? null
        );
      },
    },

    idempotency: {
      async get(userId, key) {
        return (
          db
            .select()
            .from(idempotency)
            .where(and(eq(idempotency.userId, userId), eq(idempotency.key, key)))
            .get() ?? null
        );
      },
      async put(row) {
        return db.insert(idempotency).values(row).onConflictDoNothing().run().changes > 0;
      },
      async purge(before) {
        return db.delete(idempotency).where(lt(idempotency.createdAt, before)).run().changes;
      },
    },
  };
}
