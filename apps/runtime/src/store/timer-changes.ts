import { timerRowId } from './rows';
import type { TimerChange, TimerRow } from './store';

/**
 * What a list of buffered timer changes (timers.apply) leaves behind: only the last change of
 * each timer counts, so a wait node that re-arms its timeout on every loop is one upsert, not
 * a delete and an insert of the same row. Answers the row ids to delete and the rows to upsert,
 * disjoint, in the order their last change came.
 */
export function netTimerChanges(changes: readonly TimerChange[]): {
  cancelled: string[];
  scheduled: TimerRow[];
} {
  const last = new Map<string, TimerChange>();
  for (const c of changes) {
    const id =
      c.op === 'schedule' ? timerRowId(c.timer.caseId, c.timer.timerId) : timerRowId(c.caseId, c.timerId);
    last.delete(id);
    last.set(id, c);
  }
  const cancelled: string[] = [];
  const scheduled: TimerRow[] = [];
  for (const [id, c] of last) {
    if (c.op === 'cancel') cancelled.push(id);
    else scheduled.push({ id, ...c.timer });
  }
  return { cancelled, scheduled };
}
