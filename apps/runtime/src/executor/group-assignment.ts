import type { GroupRouting } from '@caseflow/schema';
import { saveGroupRouting, toGroupRouting } from '../routing/group-routing-commands';
import type { Store } from '../store/store';
import { notFound } from './errors';
import { requireSupervisor } from './supervisor-overview';
import type { Actor } from './types';

/**
 * Pauses or resumes a group's automatic assignment (DESIGN §12: `paused` in the group's routing
 * settings) in one transaction: only a supervisor (an active admin or member of the supervisors
 * group: 403), only a known group (404). The rest of the settings stay; who changed it is kept
 * with them (`updatedBy`). Answers the group's settings.
 */
export function setGroupPaused(
  store: Store,
  actor: Actor,
  group: string,
  paused: boolean,
  now: number,
): Promise<GroupRouting> {
  return store.transaction(async (tx) => {
    await requireSupervisor(tx, actor);
    if (!(await tx.groups.get(group))) throw notFound('group', group);
    const current = toGroupRouting(await tx.routing.groupRouting(group));
    if ((current.paused === true) === paused) return current;
    const { paused: _was, ...rest } = current;
    return toGroupRouting(await saveGroupRouting(tx, actor, group, paused ? { ...rest, paused } : rest, now));
  });
}
