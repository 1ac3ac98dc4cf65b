import { randomUUID } from 'node:crypto';
import { and, asc, desc, eq, getTableColumns, inArray, sql } from 'drizzle-orm';
import { decodeCursor, pageLimit, toPage } from '../paging';
import { outboxListWhere } from '../queries';
import { byCreation, byDue, outboxToRow, timerRowId, withoutColumn } from '../rows';
import type { ClaimedOutbox, ClaimedTimer, IdempotencyRow, OutboxRow, Store, TimerRow } from '../store';
import { netTimerChanges } from '../timer-changes';
import { RawTable } from './raw-table';
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

/**
 * The outbox, durable timers and idempotency keys on SQLite. Timer and outbox writes happen on
 * every event: cached raw statements; lists are composed with drizzle.
 */
export function sqliteDelivery(db: SqliteDb): Pick<Store, 'outbox' | 'timers' | 'idempotency'> {
  const client = db.$client;
  const rawOutbox = new RawTable<OutboxRow>(client, outbox, ['claim']);
  const rawKeys = new RawTable<IdempotencyRow>(client, idempotency);
  // The timer claim walks the (fire_at, id) primary key of the WITHOUT ROWID table and moves
  // the claimed rows out of the due range in the same statement (row values: no drizzle form).
  const claimTimers = client.prepare<[number, string, number, number], ClaimedTimer>(
    `update timers set fire_at = ?, claim = ?
     where (fire_at, id) in (select fire_at, id from timers where fire_at <= ? order by fire_at, id limit ?)
     returning id, case_id as caseId, timer_id as timerId, purpose, due_at as dueAt, fire_at as fireAt, claim`,
  );
  // A claim writes (and takes a UUID) even when nothing is due, which is most polls (every
  // second in the runtime, every simulated tick in the demo seed): a read through the same
  // index answers that first. A row that becomes due just after it is taken by the next poll,
  // as it would be had it become due just after the claim.
  const timerDue = client
    .prepare<[number], number>('select 1 from timers where fire_at <= ? limit 1')
    .pluck();
  const upsertTimer = client.prepare(
    `insert into timers (fire_at, id, case_id, timer_id, purpose, due_at, claim) values (?, ?, ?, ?, ?, ?, null)
     on conflict (id) do update set fire_at = excluded.fire_at, due_at = excluded.due_at, purpose = excluded.purpose, claim = null`,
  );
  const deleteTimer = client.prepare('delete from timers where id = ?');
  const deleteCaseTimers = client.prepare('delete from timers where case_id = ?');
  const completeTimer = client.prepare('delete from timers where id = ? and claim = ?');
  // The outbox claim is cached too: the dispatcher (and the demo seed, thousands of times) asks
  // on every tick, mostly finding nothing, and composing it with drizzle cost more than running
  // it. The status literals match the partial index outbox_due_idx.
  const claimOutbox = client.prepare<[number, string, number, number], unknown>(
    `update outbox set next_attempt_at = ?, claim = ?, attempts = attempts + 1
     where id in (select id from outbox where status in ('pending', 'failed') and next_attempt_at <= ?
                  order by next_attempt_at, id limit ?)
     returning ${rawOutbox.selectList}`,
  );
  const outboxDue = client
    .prepare<[number], number>(
      `select 1 from outbox where status in ('pending', 'failed') and next_attempt_at <= ? limit 1`,
    )
    .pluck();
  // When the next poll can find something (the demo seed asks before polling at all).
  const timerNextDue = client.prepare<[], number | null>('select min(fire_at) from timers').pluck();
  const outboxNextDue = client
    .prepare<[], number | null>(
      `select min(next_attempt_at) from outbox where status in ('pending', 'failed')`,
    )
    .pluck();
  const settleOutbox = (status: string) =>
    client.prepare(
      `update outbox set status = '${status}', claim = null, delivered_at = coalesce(?, delivered_at),
         last_error = coalesce(?, last_error), next_attempt_at = coalesce(?, next_attempt_at)
       where id = ? and claim = ? and status in ('pending', 'failed')`,
    );
  const delivered = settleOutbox('delivered');
  const failed = settleOutbox('failed');
  const dead = settleOutbox('dead');

  const scheduleTimer = (timer: Omit<TimerRow, 'id'>): TimerRow => {
    const id = timerRowId(timer.caseId, timer.timerId);
    upsertTimer.run(timer.fireAt, id, timer.caseId, timer.timerId, timer.purpose, timer.fireAt);
    return { id, caseId: timer.caseId, timerId: timer.timerId, fireAt: timer.fireAt, purpose: timer.purpose };
  };
  const cancelTimer = (caseId: string, timerId: string): boolean =>
    deleteTimer.run(timerRowId(caseId, timerId)).changes > 0;

  return {
    outbox: {
      async insert(row) {
        const inserted = sqliteConflict(`outbox row ${row.id} exists`, () =>
          rawOutbox.insertOrIgnore(outboxToRow(row), '(idempotency_key)'),
        );
        return inserted ?? rawOutbox.get('idempotency_key = ?', row.idempotencyKey)!;
      },
      async get(id) {
        return rawOutbox.get('id = ?', id);
      },
      async list(query = {}) {
        const limit = pageLimit(query);
        const cursor = decodeCursor(query.cursor);
        const rows: OutboxRow[] = db
          .select(outboxColumns)
          .from(outbox)
          .where(outboxListWhere(outbox, query, cursor))
          .orderBy(desc(outbox.createdAt), desc(outbox.id))
          .limit(limit + 1)
          .all();
        return toPage(rows, limit, (r) => [r.createdAt, r.id]);
      },
      async claimDue(now, limit, leaseMs) {
        if (outboxDue.get(now) === undefined) return [];
        const claim = randomUUID();
        return claimOutbox
          .all(now + leaseMs, claim, now, limit)
          .map((raw): ClaimedOutbox => ({ ...rawOutbox.decode(raw), claim }))
          .sort(byCreation);
      },
      async markDelivered(id, claim, now) {
        return delivered.run(now, null, null, id, claim).changes > 0;
      },
      async markFailed(id, claim, error, nextAttemptAt) {
        return failed.run(null, error, nextAttemptAt, id, claim).changes > 0;
      },
      async markDead(id, claim, error) {
        return dead.run(null, error, null, id, claim).changes > 0;
      },
      async reclaim(id, now, leaseMs) {
        const claim = randomUUID();
        const row = db
          .update(outbox)
          .set({
            status: 'failed',
            nextAttemptAt: now + leaseMs,
            claim,
            attempts: sql`${outbox.attempts} + 1`,
          })
          .where(and(eq(outbox.id, id), inArray(outbox.status, ['dead', 'failed'])))
          .returning()
          .get();
        return row ? ({ ...row, claim } as ClaimedOutbox) : null;
      },
      async nextDueAt() {
        return outboxNextDue.get() ?? null;
      },
    },

    timers: {
      async schedule(timer) {
        return scheduleTimer(timer);
      },
      async cancel(caseId, timerId) {
        return cancelTimer(caseId, timerId);
      },
      async cancelAllForCase(caseId) {
        return deleteCaseTimers.run(caseId).changes;
      },
      async apply(changes) {
        // Cached statements run synchronously; only each timer's last change is written.
        const { cancelled, scheduled } = netTimerChanges(changes);
        for (const id of cancelled) deleteTimer.run(id);
        for (const t of scheduled) scheduleTimer(t);
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
        if (timerDue.get(now) === undefined) return [];
        return claimTimers.all(now + leaseMs, randomUUID(), now, limit).sort(byDue);
      },
      async complete(id, claim) {
        return completeTimer.run(id, claim).changes > 0;
      },
      async nextDueAt() {
        return timerNextDue.get() ?? null;
      },
    },

    idempotency: {
      async get(userId, key) {
        return rawKeys.get('user_id = ? and key = ?', userId, key);
      },
      async put(row) {
        return rawKeys.insertOrIgnore(row) !== null;
      },
      async purge(before) {
        return rawKeys.delete('created_at < ?', before);
      },
    },
  };
}
