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
  /** Each group's members (group → usernames). */
  members: ReadonlyMap<string, readonly string[]>;
  /** Each agent's time holding at least one task inside the period (the agents' busyMs). */
  busy: ReadonlyMap<string, number>;
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
 * - declines: declines and lapsed offers; overflows per group they left;
 * - per group, its members' online time, adherence (their online working time ÷ their scheduled
 *   time) and occupancy (their time holding work ÷ their time online), summed over members.
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
  for (const name of facts.members.keys()) group(name);
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

  /**
   * An agent's time online, their calendar's working time and the part of it they were online;
   * once per agent (each of their groups adds them up again).
   */
  const presences = new Map<string, { onlineMs: number; scheduledMs: number | null; onShiftMs: number }>();
  const presenceOf = (name: string) => {
    let p = presences.get(name);
    if (!p) {
      p = measurePresence(name);
      presences.set(name, p);
    }
    return p;
  };
  const measurePresence = (name: string) => {
    const spans = agents.get(name)?.spans ?? [];
    const onlineMs = spans.reduce((s, [x, y]) => s + Math.max(0, y - x), 0);
    const key = facts.calendars.get(name) ?? null;
    if (key === null) return { onlineMs, scheduledMs: null, onShiftMs: 0 };
    const calendar = calendars[key];
    const onShiftMs = spans.reduce((s, [x, y]) => s + elapsedMs(calendar, x, y), 0);
    return { onlineMs, scheduledMs: elapsedMs(calendar, period.from, period.to), onShiftMs };
  };
  const share = (part: number, whole: number | null) => (whole ? round4(Math.min(1, part / whole)) : null);

  const out: AgentWorkforce[] = [...agents]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([name, a]) => {
      const { onlineMs, scheduledMs, onShiftMs } = presenceOf(name);
      return {
        agent: name,
        onlineMs,
        scheduledMs,
        adherence: share(onShiftMs, scheduledMs),
        assignments: a.waits.length,
        assignmentWaitMs: mean(a.waits),
        declines: a.declines,
      };
    });
  // A group's figures add up its members' (an agent in two groups counts in both).
  const membersOf = (name: string) => {
    const members = facts.members.get(name) ?? [];
    const sum = { onlineMs: 0, busyMs: 0, scheduledMs: 0, onShiftMs: 0 };
    for (const m of members) {
      const p = presenceOf(m);
      sum.onlineMs += p.onlineMs;
      // Work held while offline is not occupancy: at most their online time.
      sum.busyMs += Math.min(facts.busy.get(m) ?? 0, p.onlineMs);
      sum.scheduledMs += p.scheduledMs ?? 0;
      sum.onShiftMs += p.onShiftMs;
    }
    return {
      members: members.length,
      onlineMs: sum.onlineMs,
      adherence: share(sum.onShiftMs, sum.scheduledMs),
      occupancy: share(sum.busyMs, sum.onlineMs),
    };
  };
  const byGroup: GroupWorkforce[] = [...groups]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([name, g]) => ({
      group: name,
      ...membersOf(name),
      assignments: g.waits.length,
      assignmentWaitMs: mean(g.waits),
      declines: g.declines,
      overflows: g.overflows,
    }));
  return { agents: out, groups: byGroup };
}

/** The timeline types workforceMetrics reads. */
export const WORKFORCE_TYPES = ['task.assigned', 'task.declined', 'task.offer-expired', 'task.overflowed'];
