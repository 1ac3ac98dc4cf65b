import type Database from 'better-sqlite3';
import { describe, expect, it, vi } from 'vitest';
import { sqliteDelivery } from './sqlite-delivery';
import { planProbe } from './test-support/plan-probe';

describe('the SQLite outbox claim', () => {
  it('finds due messages through the partial index, not by scanning every message ever sent', async () => {
    // The claim statement is prepared once, when the store is made.
    const { client, db, prepared, planOf } = planProbe();
    const delivery = sqliteDelivery(db);
    await delivery.outbox.claimDue(1_000, 10, 60_000);
    const claim = prepared.mock.calls
      .map(([sql]) => sql)
      .find((sql) => /^update "?outbox"? set next_attempt_at/.test(sql));
    expect(claim).toBeDefined();
    const plan = planOf(claim!);
    // The index holds only pending and failed rows: a status filter SQLite cannot match to the
    // index's own (bound parameters instead of the literals) makes every claim read the table.
    expect(
      plan.some((d) => d.includes('USING INDEX outbox_due_idx')),
      plan.join('\n'),
    ).toBe(true);
    expect(
      plan.some((d) => /^SCAN outbox\b/.test(d)),
      plan.join('\n'),
    ).toBe(false);
    client.close();
  });

  it('asks whether anything is due through the indexes before it claims (a read, not a write)', async () => {
    const { client, db, prepared, planOf, sqlOf } = planProbe();
    const delivery = sqliteDelivery(db);
    expect(planOf(sqlOf(/^select 1 from timers/)!).join('\n')).toMatch(/USING PRIMARY KEY \(fire_at<\?\)/);
    expect(planOf(sqlOf(/^select 1 from outbox/)!).join('\n')).toMatch(/USING INDEX outbox_due_idx/);

    // Nothing due: the claim statements (writes) do not run.
    const statementOf = (re: RegExp) => {
      const i = prepared.mock.calls.findIndex(([sql]) => re.test(sql));
      return prepared.mock.results[i]!.value as Database.Statement;
    };
    const timerClaim = vi.spyOn(statementOf(/^update timers set fire_at/), 'all');
    const outboxClaim = vi.spyOn(statementOf(/^update outbox set next_attempt_at/), 'all');
    expect(await delivery.timers.claimDue(1_000, 10, 60_000)).toEqual([]);
    expect(await delivery.outbox.claimDue(1_000, 10, 60_000)).toEqual([]);
    expect(timerClaim).not.toHaveBeenCalled();
    expect(outboxClaim).not.toHaveBeenCalled();

    // Due at `now`, not before: claimed with a lease.
    await delivery.timers.schedule({ caseId: 'c-1', timerId: 'tm1', fireAt: 2_000, purpose: 'timer' });
    expect(await delivery.timers.claimDue(1_999, 10, 60_000)).toEqual([]);
    const claimed = await delivery.timers.claimDue(2_000, 10, 60_000);
    expect(claimed).toMatchObject([{ caseId: 'c-1', timerId: 'tm1', dueAt: 2_000, fireAt: 62_000 }]);
    // Leased: not due again until the lease ends.
    expect(await delivery.timers.claimDue(61_999, 10, 60_000)).toEqual([]);
    expect(await delivery.timers.claimDue(62_000, 10, 60_000)).toHaveLength(1);
    expect(timerClaim).toHaveBeenCalledTimes(2);
    client.close();
  });
});
