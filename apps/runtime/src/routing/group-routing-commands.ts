import { durationMs } from '@caseflow/engine';
import { type GroupRouting, MANUAL_ROUTING } from '@caseflow/schema';
import { badRequest } from '../executor/errors';
import type { GroupRoutingRow } from '../store/routing-store';
import type { Store } from '../store/store';
import { announceRoutingChange } from './routing-change';

/** Shortest offer timeout: an agent needs a moment to see the task. */
const MIN_OFFER_TIMEOUT_MS = 10_000;

const fieldError = (path: string, message: string) => badRequest(`${path}: ${message}`, [{ path, message }]);

/** A group's routing settings as the API shows them (manual when never set). */
export function toGroupRouting(row: GroupRoutingRow | null | undefined): GroupRouting {
  if (!row) return MANUAL_ROUTING;
  return {
    mode: row.mode,
    ...(row.offerTimeout ? { offerTimeout: row.offerTimeout } : {}),
    ...(row.overflow ? { overflow: row.overflow } : {}),
    ...(row.paused ? { paused: true } : {}),
  };
}

/**
 * Writes `group`'s routing settings inside the caller's transaction (the admin check is the
 * caller's). The overflow group must exist and not be the group itself, and following the
 * overflows from it must not come back to `group` (work would circle); the offer timeout is at
 * least 10 seconds. 400 naming the field. Supervisors' live streams hear of the change.
 */
export async function saveGroupRouting(
  tx: Store,
  actor: string,
  group: string,
  routing: GroupRouting,
  now: number,
): Promise<GroupRoutingRow> {
  if (
    routing.offerTimeout !== undefined &&
    fixedMs(routing.offerTimeout, 'routing.offerTimeout') < MIN_OFFER_TIMEOUT_MS
  ) {
    throw fieldError('routing.offerTimeout', 'must be at least PT10S');
  }
  const overflow = routing.overflow;
  if (overflow) {
    if (overflow.to === group) throw fieldError('routing.overflow.to', 'a group cannot overflow to itself');
    if (!(await tx.groups.get(overflow.to)))
      throw fieldError('routing.overflow.to', `unknown group ${overflow.to}`);
    if (
      overflow.afterWait !== undefined &&
      fixedMs(overflow.afterWait, 'routing.overflow.afterWait') < 1000
    ) {
      throw fieldError('routing.overflow.afterWait', 'must be at least PT1S');
    }
    const seen = new Set([group]);
    for (let next: string | undefined = overflow.to; next !== undefined; ) {
      if (seen.has(next)) {
        throw fieldError('routing.overflow.to', `overflowing to ${overflow.to} would lead back to ${group}`);
      }
      seen.add(next);
      next = (await tx.routing.groupRouting(next))?.overflow?.to;
    }
  }
  const saved = await tx.routing.saveGroupRouting({
    group,
    mode: routing.mode,
    offerTimeout: routing.offerTimeout ?? null,
    overflow: overflow ?? null,
    paused: routing.paused ?? false,
    updatedAt: now,
    updatedBy: actor,
  });
  await announceRoutingChange(tx, 'routing', { groups: [group] }, now);
  return saved;
}

/** Milliseconds of a duration; 400 naming `path` when it has no fixed length (years, months). */
function fixedMs(iso: string, path: string): number {
  try {
    return durationMs(iso);
  } catch (error) {
    throw fieldError(path, (error as Error).message);
  }
}
