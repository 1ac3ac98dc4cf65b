import { join } from 'node:path';
import Database from 'better-sqlite3';
import { openSqliteStore } from '../../apps/runtime/src/store/sqlite/sqlite-store';
import { median } from '../run';
import { tempDir } from './in-process';

/** Table size, claim batch and rounds of the timer-claim run. */
export interface TimerClaimOptions {
  pending: number;
  batch: number;
  warmup: number;
  rounds: number;
}

/** Median claim times of the store and of the raw statement. */
export interface TimerClaimResult {
  pending: number;
  /** Median milliseconds per claim of `batch` rows. */
  storeMs: number;
  rawMs: number;
  /** Seconds spent filling the table (setup, not measured). */
  fillSeconds: number;
}

/**
 * The statement a hand-written SQLite scheduler would run on this table (PERFORMANCE.md): walk
 * the (fire_at, id) primary key of the WITHOUT ROWID table and move the due rows out of the due
 * range, answering them.
 */
const RAW_CLAIM = `update timers set fire_at = ?, claim = ?
  where (fire_at, id) in (select fire_at, id from timers where fire_at <= ? order by fire_at, id limit ?)
  returning id, case_id, timer_id, purpose, due_at, fire_at, claim`;

/**
 * (c) `store.timers.claimDue(now, 1000, lease)` against RAW_CLAIM on a second plain connection
 * to the same file, with `pending` timers in the table. Only (warmup + rounds) × 2 × batch of
 * them are due; the rest lie 1 hour to 30 days ahead. Each claim moves its rows to now + lease,
 * out of the due range, so every round claims fresh rows; store and raw take turns, and
 * which of them goes first alternates by round.
 */
export async function measureTimerClaim(options: TimerClaimOptions): Promise<TimerClaimResult> {
  const tmp = tempDir('caseflow-bench-timers-');
  try {
    const file = join(tmp.dir, 'timers.db');
    const store = await openSqliteStore({ file });
    const raw = new Database(file);
    raw.pragma('journal_mode = WAL');
    raw.pragma('synchronous = NORMAL');
    raw.pragma('busy_timeout = 5000');
    raw.pragma('foreign_keys = ON');

    const now = Date.parse('2026-01-05T08:00:00Z');
    const due = (options.warmup + options.rounds) * 2 * options.batch;
    const fillStarted = performance.now();
    const insert = raw.prepare(
      'insert into timers (fire_at, id, case_id, timer_id, purpose, due_at, claim) values (?, ?, ?, ?, ?, ?, null)',
    );
    // A fixed-seed generator: the same table on every run. Rows go in in (fire_at) order with
    // ids in the same order, so that filling a million rows appends to all three B-trees.
    let seed = 42;
    const random = () => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed / 0x7fffffff;
    };
    const fireAts = Float64Array.from({ length: options.pending }, (_, i) =>
      i < due
        ? now - 1 - Math.floor(random() * 3_600_000)
        : now + 3_600_000 + Math.floor(random() * 30 * 86_400_000),
    ).sort();
    const fill = raw.transaction((from: number, to: number) => {
      for (let i = from; i < to; i++) {
        const caseId = `c${(i >> 2).toString(36).padStart(8, '0')}`;
        const timerId = `tm${i & 3}`;
        const fireAt = fireAts[i]!;
        insert.run(
          fireAt,
          `${caseId}:${timerId}`,
          caseId,
          timerId,
          i & 1 ? 'sla.warning' : 'wait.timeout',
          fireAt,
        );
      }
    });
    for (let from = 0; from < options.pending; from += 100_000) {
      fill(from, Math.min(options.pending, from + 100_000));
    }
    raw.pragma('wal_checkpoint(TRUNCATE)');
    const fillSeconds = (performance.now() - fillStarted) / 1000;

    const claimRaw = raw.prepare(RAW_CLAIM);
    const leaseMs = 60_000;
    const storeMs: number[] = [];
    const rawMs: number[] = [];
    const viaStore = async () => {
      const started = performance.now();
      const rows = await store.timers.claimDue(now, options.batch, leaseMs);
      return { ms: performance.now() - started, n: rows.length };
    };
    const viaRaw = (r: number) => {
      const started = performance.now();
      const rows = claimRaw.all(now + leaseMs, `raw-${r}`, now, options.batch);
      return { ms: performance.now() - started, n: rows.length };
    };
    for (let r = 0; r < options.warmup + options.rounds; r++) {
      // Alternate who goes first: the second claim of a round finds the pages the first warmed.
      let s: { ms: number; n: number };
      let w: { ms: number; n: number };
      if (r % 2 === 0) {
        s = await viaStore();
        w = viaRaw(r);
      } else {
        w = viaRaw(r);
        s = await viaStore();
      }
      if (s.n !== options.batch || w.n !== options.batch) {
        throw new Error(`claimed ${s.n} (store) and ${w.n} (raw) of ${options.batch}`);
      }
      if (r >= options.warmup) {
        storeMs.push(s.ms);
        rawMs.push(w.ms);
      }
    }
    raw.close();
    await store.close();
    return { pending: options.pending, storeMs: median(storeMs), rawMs: median(rawMs), fillSeconds };
  } finally {
    tmp.cleanup();
  }
}
