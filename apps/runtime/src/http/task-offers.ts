import { durationMs } from '@caseflow/engine';
import type { Task } from '@caseflow/schema';
import type { Store } from '../store/store';
import { isoAt } from './openapi';

/**
 * `tasks` with `offer` set on those whose routing offer waits for their assignee to accept it,
 * so the agent sees it is theirs to accept or decline, and until when. Read routes only: two
 * reads at most, none when no task is claimed.
 */
export async function withOffers<T extends Task>(store: Store, tasks: readonly T[]): Promise<T[]> {
  const claimed = tasks.filter((t) => t.status === 'claimed' && t.kind === 'task').map((t) => t.id);
  const rows = await store.routing.offered(claimed);
  if (rows.length === 0) return [...tasks];
  const timeouts = new Map((await store.routing.groupRoutings()).map((g) => [g.group, g.offerTimeout]));
  const byTask = new Map(rows.map((r) => [r.taskId, r]));
  return tasks.map((t) => {
    const row = byTask.get(t.id);
    if (!row || row.agent !== t.assignee || row.offeredAt === null) return t;
    const timeout = timeouts.get(row.group);
    const expiresAt = timeout ? isoAt(row.offeredAt + durationMs(timeout)) : null;
    return { ...t, offer: { offeredAt: isoAt(row.offeredAt), expiresAt } };
  });
}
