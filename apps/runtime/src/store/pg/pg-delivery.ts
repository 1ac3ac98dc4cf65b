import { randomUUID } from 'node:crypto';
import { and, asc, desc, eq, getTableColumns, inArray, lt, lte, sql } from 'drizzle-orm';
import { decodeCursor, pageLimit, toPage } from '../paging';
import { outboxListWhere } from '../queries';
import { byCreation, byDue, outboxToRow, timerRowId, withoutColumn } from '../rows';
import type { ClaimedOutbox, ClaimedTimer, Store, TimerRow } from '../store';
import { netTimerChanges } from '../timer-changes';
import { first, type PgDbOf, pgConflict } from './pg-db';
import { type PgClientOf, runNamed } from './pg-raw';
import { idempotency, outbox, timers } from './schema';

const outboxColumns = withoutColumn(getTableColumns(outbox), 'claim');
const timerColumns = {
  id: timers.id,
  caseId: timers.caseId,
  timerId: timers.timerId,
  fireAt: timers.fireAt,
  purpose: timers.purpose,
};
const SCHEDULE_TIMER = [
  'insert into "timers" ("id", "case_id", "timer_id", "fire_at", "due_at", "purpose", "claim")',
  'values ($1, $2, $3, $4, $4, $5, null)',
  'on conflict ("id") do update set "fire_at" = excluded."fire_at", "due_at" = excluded."due_at",',
  '"purpose" = excluded."purpose", "claim" = null',
  'returning "id", "case_id" as "caseId", "timer_id" as "timerId", "fire_at"::float8 as "fireAt", "purpose"',
].join(' ');
/**
 * The two statements of timers.apply on PostgreSQL (see netTimerChanges: the ids to delete and
 * the rows to upsert, disjoint), over the parameters `cancelled` (text[]) and `scheduled` (a
 * JSON array of TimerRow), both writing only when `when` holds.
 */
export function applyTimersSql(
  cancelled: string,
  scheduled: string,
  when = 'true',
): { remove: string; upsert: string } {
  return {
    remove: `delete from "timers" where "id" = any(${cancelled}::text[]) and ${when}`,
    upsert: [
      'insert into "timers" ("id", "case_id", "timer_id", "fire_at", "due_at", "purpose", "claim")',
      'select e.id, e."caseId", e."timerId", e."fireAt", e."fireAt", e.purpose, null',
      `from json_to_recordset(${scheduled}::json) as e(id text, "caseId" text, "timerId" text, "fireAt" bigint, purpose text)`,
      `where ${when}`,
      'on conflict ("id") do update set "fire_at" = excluded."fire_at", "due_at" = excluded."due_at",',
      '"purpose" = excluded."purpose", "claim" = null',
    ].join(' '),
  };
}
const applied = applyTimersSql('$1', '$2');
const APPLY_TIMERS = `with del as (${applied.remove}) ${applied.upsert}`;
const retryable = inArray(outbox.status, ['pending', 'failed']);

/**
 * The outbox, durable timers and idempotency keys on PostgreSQL. Claims lock due rows with
 * FOR UPDATE SKIP LOCKED and push their due time forward as a lease in the same statement, so
 * concurrent claimers never wait on each other and never rescan claimed rows.
 */
export function pgDelivery(db: PgDbOf, client: PgClientOf): Pick<Store, 'outbox' | 'timers' | 'idempotency'> {
  const settle = async (id: string, claim: string, set: Partial<typeof outbox.$inferInsert>) => {
    const result = await db()
      .update(outbox)
      .set({ ...set, claim: null })
      .where(and(eq(outbox.id, id), eq(outbox.claim, claim), retryable));
    return (result.rowCount ?? 0) > 0;
  };

  return {
    outbox: {
      async insert(row) {
        const values = { ...outboxToRow(row), claim: null };
        const [inserted] = await pgConflict(
          `outbox row ${row.id} exists`,
          db()
            .insert(outbox)
            .values(values)
            .onConflictDoNothing({ target: outbox.idempotencyKey })
            .returning(outboxColumns),
        );
        if (inserted) return inserted;
        const [existing] = await db()
          .select(outboxColumns)
          .from(outbox)
          .where(eq(outbox.idempotencyKey, row.idempotencyKey));
        return existing!;
      },
      async get(id) {
        return first(await db().select(outboxColumns).from(outbox).where(eq(outbox.id, id)));
      },
      async list(query = {}) {
        const limit = pageLimit(query);
        const cursor = decodeCursor(query.cursor);
        const rows = await db()
          .select(outboxColumns)
          .from(outbox)
          .where(outboxListWhere(outbox, query, cursor))
          .orderBy(desc(outbox.createdAt), desc(outbox.id))
          .limit(limit + 1);
        return toPage(rows, limit, (r) => [r.createdAt, r.id]);
      },
      async claimDue(now, limit, leaseMs) {
        const claim = randomUUID();
        const due = db()
          .select({ id: outbox.id })
          .from(outbox)
          .where(and(retryable, lte(outbox.nextAttemptAt, now)))
          .orderBy(asc(outbox.nextAttemptAt), asc(outbox.id))
          .limit(limit)
          .for('update', { skipLocked: true });
        const rows = await db()
          .update(outbox)
          .set({ nextAttemptAt: now + leaseMs, claim, attempts: sql`${outbox.attempts} + 1` })
          .where(inArray(outbox.id, due))
          .returning();
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
      async reclaim(id, now, leaseMs) {
        const claim = randomUUID();
        const [row] = await db()
          .update(outbox)
          .set({
            status: 'failed',
            nextAttemptAt: now + leaseMs,
            claim,
            attempts: sql`${outbox.attempts} + 1`,
          })
          .where(and(eq(outbox.id, id), inArray(outbox.status, ['dead', 'failed'])))
          .returning();
        return row ? ({ ...row, claim } as ClaimedOutbox) : null;
      },
      async nextDueAt() {
        const [row] = await db()
          .select({ at: sql<number | null>`min(${outbox.nextAttemptAt})`.mapWith(Number) })
          .from(outbox)
          .where(retryable);
        return row?.at ?? null;
      },
    },

    timers: {
      async schedule(timer) {
        // Runs on most events: a named prepared statement.
        const id = timerRowId(timer.caseId, timer.timerId);
        const result = await runNamed<TimerRow>(client(), SCHEDULE_TIMER, [
          id,
          timer.caseId,
          timer.timerId,
          timer.fireAt,
          timer.purpose,
        ]);
        return result.rows[0]!;
      },
      async cancel(caseId, timerId) {
        const result = await runNamed(client(), 'delete from "timers" where "id" = $1', [
          timerRowId(caseId, timerId),
        ]);
        return (result.rowCount ?? 0) > 0;
      },
      async apply(changes) {
        if (changes.length === 0) return;
        // The last change per timer wins, so the deletes and the upserts touch disjoint ids
        // and can run as one statement.
        const { cancelled, scheduled } = netTimerChanges(changes);
        await runNamed(client(), APPLY_TIMERS, [cancelled, JSON.stringify(scheduled)]);
      },
      async cancelAllForCase(caseId) {
        const result = await db().delete(timers).where(eq(timers.caseId, caseId));
        return result.rowCount ?? 0;
      },
      async listByCase(caseId) {
        const rows = await db()
          .select({ ...timerColumns, dueAt: timers.dueAt })
          .from(timers)
          .where(eq(timers.caseId, caseId))
          .orderBy(asc(timers.dueAt), asc(timers.id));
        return rows.map(({ dueAt, ...t }): TimerRow => ({ ...t, fireAt: dueAt }));
      },
      async claimDue(now, limit, leaseMs) {
        const claim = randomUUID();
        const due = db()
          .select({ id: timers.id })
          .from(timers)
          .where(lte(timers.fireAt, now))
          .orderBy(asc(timers.fireAt), asc(timers.id))
          .limit(limit)
          .for('update', { skipLocked: true });
        const rows = await db()
          .update(timers)
          .set({ fireAt: now + leaseMs, claim })
          .where(inArray(timers.id, due))
          .returning({ ...timerColumns, dueAt: timers.dueAt });
        return rows.map((r): ClaimedTimer => ({ ...r, claim })).sort(byDue);
      },
      async complete(id, claim) {
        const result = await db()
          .delete(timers)
          .where(and(eq(timers.id, id), eq(timers.claim, claim)));
        return (result.rowCount ?? 0) > 0;
      },
      async nextDueAt() {
        const [row] = await db()
          .select({ at: sql<number | null>`min(${timers.fireAt})`.mapWith(Number) })
          .from(timers);
        return row?.at ?? null;
      },
    },

    idempotency: {
      async get(userId, key) {
        return first(
          await db()
            .select()
            .from(idempotency)
            .where(and(eq(idempotency.userId, userId), eq(idempotency.key, key))),
        );
      },
      async put(row) {
        const result = await db().insert(idempotency).values(row).onConflictDoNothing();
        return (result.rowCount ?? 0) > 0;
      },
      async purge(before) {
        const result = await db().delete(idempotency).where(lt(idempotency.createdAt, before));
        return result.rowCount ?? 0;
      },
    },
  };
}
