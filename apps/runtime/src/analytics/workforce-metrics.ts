import { elapsedMs } from '@caseflow/engine';
import type { AgentWorkforce, BusinessCalendar, GroupWorkforce, WorkforceMetrics } from '@caseflow/schema';
import type { PresenceEventRow } from '../store/routing-store';
import type { TimelineRow } from '../store/store';
import type { Period } from './agent-metrics';

/** What the workforce figures are computed from. */
export interface WorkforceFacts {
  /** Presence changes up to the end of the period, oldest first (earlier ones set the start). */
  presence: readonly PresenceEventRow[];
  /** Each agent's working-hours calendar key (null: none). */
  calendars: ReadonlyMap<string, string | null>;
  /** Routing's timeline entries inside the period (task.assigned, task.declined, task.offer-expired, task.overflowed). */
  entries: readonly TimelineRow[];
}

const round4 = (x: number) => Math.round(x * 10000) / 10000;
const mean = (xs: number[]) =>
  xs.length === 0 ? null : Math.round(xs.reduce((s, v) => s + v, 0) / xs.length);

/**
 * Workforce figures over `period` (DESIGN §12; its entries from `from` to `to` inclusive, as the
 * timeline scan reads them), per agent and per group, sorted by name. Pure.
 * - onlineMs: time online inside the period, from the presence log (the last change before the
 *   period gives the presence at its start);
 * - adherence: business time of the agent's calendar spent online ÷ the calendar's business
 *   time in the period (null for agents without a calendar or a period without working time);
 * - assignments and assignmentWaitMs: tasks routing gave, and how long they had waited;
 * - declines: declines and lapsed offers; overflows per group they left.
 */
export function workforceMetrics(
  facts: WorkforceFacts,
  calendars: Readonly<Record<string, BusinessCalendar>>,
  period: Period,
): WorkforceMetrics {
  const agents = new Map<string, { spans: Array<[number, number]>; waits: number[]; declines: number }>();
  const agent = (name: string) => {
    let a = agents.get(name);
    if (!a) {
      a = { spans: [], waits: [], declines: 0 };
      agents.set(name, a);
    }
    return a;
  };
  const onlineSince = new Map<string, number>();
  for (const e of facts.presence) {
    if (e.at >= period.to) break;
    const since = onlineSince.get(e.username);
    if (e.status === 'online') {
      if (since === undefined) onlineSince.set(e.username, Math.max(e.at, period.from));
      agent(e.username);
    } else if (since !== undefined) {
      onlineSince.delete(e.username);
      if (e.at > period.from) agent(e.username).spans.push([since, e.at]);
    }
  }
  for (const [name, since] of onlineSince) agent(name).spans.push([since, period.to]);

  const groups = new Map<string, { waits: number[]; declines: number; overflows: number }>();
  const group = (name: string) => {
    let g = groups.get(name);
    if (!g) {
      g = { waits: [], declines: 0, overflows: 0 };
      groups.set(name, g);
    }
    return g;
  };
  for (const e of facts.entries) {
    if (e.at < period.from || e.at > period.to) continue;
    const d = e.data;
    const g = typeof d.group === 'string' ? d.group : null;
    if (e.type === 'task.assigned' && typeof d.to === 'string') {
      const wait = typeof d.waitedMs === 'number' ? d.waitedMs : 0;
      agent(d.to).waits.push(wait);
      if (g) group(g).waits.push(wait);
    } else if (
      (e.type === 'task.declined' || e.type === 'task.offer-expired') &&
      typeof d.from === 'string'
    ) {
      agent(d.from).declines++;
      if (g) group(g).declines++;
    } else if (e.type === 'task.overflowed' && typeof d.from === 'string') {
      group(d.from).overflows++;
    }
  }

  const out: AgentWorkforce[] = [...agents]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([name, a]) => {
      const onlineMs = a.spans.reduce((s, [x, y]) => s + Math.max(0, y - x), 0);
      const key = facts.calendars.get(name) ?? null;
      const calendar = key === null ? undefined : calendars[key];
      const scheduledMs = key === null ? null : elapsedMs(calendar, period.from, period.to);
      const onShift = key === null ? 0 : a.spans.reduce((s, [x, y]) => s + elapsedMs(calendar, x, y), 0);
      return {
        agent: name,
        onlineMs,
        scheduledMs,
        adherence: scheduledMs ? round4(Math.min(1, onShift / scheduledMs)) : null,
        assignments: a.waits.length,
        assignmentWaitMs: mean(a.waits),
        declines: a.declines,
      };
    });
  const byGroup: GroupWorkforce[] = [...groups]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([name, g]) => ({
      group: name,
      assignments: g.waits.length,
      assignmentWaitMs: mean(g.waits),
      declines: g.declines,
      overflows: g.overflows,
    }));
  return { agents: out, groups: byGroup };
}

/** The timeline types workforceMetrics reads. */
export const WORKFORCE_TYPES = ['task.assigned', 'task.declined', 'task.offer-expired', 'task.overflowed'];
