import type { BusinessCalendar, WorkforceMetrics } from '@caseflow/schema';
import { hasRole } from '../auth/roles';
import type { Store } from '../store/store';
import type { Period } from './agent-metrics';
import { WORKFORCE_TYPES, workforceMetrics } from './workforce-metrics';

/**
 * The workforce figures of `period` from the store: the presence log (from a month before it,
 * at most 10,000 changes) up to its end, the agents' calendars, the groups' members and
 * routing's timeline entries inside it (of `flow`'s cases when given). `busy` is each agent's
 * time holding work in the period (the metrics report's busyMs), for the groups' occupancy.
 */
export async function workforceReport(
  store: Store,
  calendars: Readonly<Record<string, BusinessCalendar>>,
  period: Period,
  busy: ReadonlyMap<string, number>,
  flow?: string,
): Promise<WorkforceMetrics> {
  const [users, presence, profiles, entries] = await Promise.all([
    store.users.list(),
    // The presence at the period's start comes from the changes before it: a month back is
    // enough for agents who change it every working day.
    store.routing.presenceLog({ from: period.from - 31 * 86_400_000, to: period.to, limit: 10_000 }),
    store.routing.profiles(),
    store.timeline.scan({
      types: WORKFORCE_TYPES,
      from: period.from,
      to: period.to,
      ...(flow ? { flow } : {}),
    }),
  ]);
  const members = new Map<string, string[]>();
  for (const u of users) {
    if (!u.active || !hasRole(u, 'agent')) continue;
    for (const g of u.groups) members.set(g, [...(members.get(g) ?? []), u.username]);
  }
  return workforceMetrics(
    {
      presence,
      calendars: new Map(profiles.map((p) => [p.username, p.calendar])),
      entries,
      members,
      busy,
    },
    calendars,
    period,
  );
}
