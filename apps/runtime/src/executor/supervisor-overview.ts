import {
  type BreachNotice,
  formatCaseNumber,
  type SupervisorAgent,
  type SupervisorOverview,
} from '@caseflow/schema';
import { hasRole, isCustomerOnly } from '../auth/roles';
import { capacityOf, isSupervisor } from '../routing/agent-profile';
import { toGroupRouting } from '../routing/group-routing-commands';
import type { AgentProfileRow } from '../store/routing-store';
import type { OutboxRow, Store, TaskRow, UserRow } from '../store/store';
import { actingUser } from './acting-user';
import { toTask } from './case-resource';
import { forbidden } from './errors';
import type { Actor } from './types';
import { queueSla } from './work-queue';

/** Tasks of the risk list, breach notices and work items per agent the overview carries. */
const RISKS_SHOWN = 100;
const BREACHES_SHOWN = 50;
const WORK_PER_AGENT = 10;
/** Claimed tasks read to show agents' current work (counts come from an aggregate, exact). */
const CLAIMED_READ = 500;

const iso = (ms: number) => new Date(ms).toISOString();
const isoOrNull = (ms: number | null) => (ms === null ? null : iso(ms));

/**
 * The supervisor who may read the overview, read in the query itself: an active admin or member
 * of the supervisors group (403 otherwise), so no route can serve it to anyone else.
 */
export async function requireSupervisor(store: Store, actor: Actor): Promise<UserRow> {
  const user = await actingUser(store, actor);
  if (!isSupervisor(user)) {
    throw forbidden('only supervisors (admins and members of the supervisors group) see the overview');
  }
  return user;
}

/**
 * The day as a supervisor sees it (DESIGN §12): queue sizes and the oldest waiting task per
 * group and tier, tasks at risk (past their first warning) and breached, throughput since
 * `since`, agents with their presence, load, capacity and current work, every group's routing
 * mode and pause, and the SLA breach notifications addressed to the viewer (every one for an
 * admin). Reads only; each part is one aggregate statement.
 */
export async function supervisorOverview(
  store: Store,
  actor: Actor,
  window: { now: number; since: number },
): Promise<SupervisorOverview> {
  const viewer = await requireSupervisor(store, actor);
  const [queues, risky, load, claimed, users, groups, throughput, notices, profiles, routings] =
    await Promise.all([
      store.supervision.queues(),
      store.supervision.atRisk(500),
      store.supervision.load(),
      store.tasks.list({ status: 'claimed', limit: CLAIMED_READ }),
      store.users.list(),
      store.groups.list(),
      store.supervision.throughput(window.since),
      store.supervision.breachNotices(hasRole(viewer, 'admin') ? null : viewer.username, BREACHES_SHOWN),
      store.routing.profiles(),
      store.routing.groupRoutings(),
    ]);
  const routingOf = new Map(routings.map((r) => [r.group, r]));

  const risks = await classifyRisks(store, risky);
  const shown = risks.slice(0, RISKS_SHOWN);
  const cases = await casesOf(store, [
    ...shown.map((r) => r.task.caseId),
    ...notices.map((n) => n.caseId).filter((id): id is string => id !== null),
  ]);
  const number = (caseId: string | null) => {
    const n = caseId === null ? null : (cases.get(caseId)?.number ?? null);
    return n === null ? null : formatCaseNumber(n);
  };

  return {
    at: iso(window.now),
    since: iso(window.since),
    queues: queues.map((q) => ({
      group: q.group,
      tier: q.tier,
      open: q.open,
      claimed: q.claimed,
      oldestWaitingAt: isoOrNull(q.oldestOpenAt),
    })),
    totals: {
      open: queues.reduce((n, q) => n + q.open, 0),
      claimed: queues.reduce((n, q) => n + q.claimed, 0),
      atRisk: risks.filter((r) => r.state === 'at-risk').length,
      breached: risks.filter((r) => r.state === 'breached').length,
    },
    risks: shown.map((r) => ({
      task: toTask(r.task),
      caseNumber: number(r.task.caseId),
      subject: cases.get(r.task.caseId)?.subject ?? '',
      state: r.state,
      slaDueAt: isoOrNull(r.dueAt),
    })),
    throughput: {
      casesOpened: throughput.casesOpened,
      casesClosed: throughput.casesClosed,
      tasksCompleted: throughput.completedByGroup.reduce((n, g) => n + g.completed, 0),
      byGroup: throughput.completedByGroup,
    },
    agents: agentsOf(users, load, claimed.items, profiles),
    groups: groups.map((g) => {
      const routing = toGroupRouting(routingOf.get(g.name));
      return {
        name: g.name,
        description: g.description,
        mode: routing.mode,
        paused: routing.paused === true,
      };
    }),
    breaches: notices.map((n) => toBreachNotice(n, number(n.caseId))),
  };
}

interface Risk {
  task: TaskRow;
  state: 'at-risk' | 'breached';
  dueAt: number | null;
}

/**
 * The clock each task shows in the queue (its own, else its case's worst: work-queue.ts), kept
 * when at risk or breached; breached first, then by due time.
 */
async function classifyRisks(store: Store, tasks: TaskRow[]): Promise<Risk[]> {
  const slas = await store.slas.listByCases([...new Set(tasks.map((t) => t.caseId))]);
  const risks: Risk[] = [];
  for (const task of tasks) {
    const clock = queueSla(task, slas);
    if (clock.state === 'at-risk' || clock.state === 'breached') {
      risks.push({ task, state: clock.state, dueAt: clock.dueAt });
    }
  }
  const rank = (r: Risk) => (r.state === 'breached' ? 0 : 1);
  return risks.sort(
    (a, b) =>
      rank(a) - rank(b) ||
      (a.dueAt ?? Number.POSITIVE_INFINITY) - (b.dueAt ?? Number.POSITIVE_INFINITY) ||
      a.task.createdAt - b.task.createdAt,
  );
}

/** The named cases' summaries (number, subject) in one statement, without their snapshots. */
async function casesOf(store: Store, ids: string[]) {
  const rows = await store.cases.scan({ caseIds: [...new Set(ids)], subflows: 'include' });
  return new Map(rows.map((c) => [c.id, c]));
}

/**
 * Staff who take work: active agents, and anyone else holding claimed work (an admin who
 * claimed a task), by name, each with their load and oldest work first.
 */
function agentsOf(
  users: UserRow[],
  load: Array<{ assignee: string; claimed: number }>,
  claimed: TaskRow[],
  profiles: AgentProfileRow[],
): SupervisorAgent[] {
  const loadOf = new Map(load.map((l) => [l.assignee, l.claimed]));
  const profileOf = new Map(profiles.map((p) => [p.username, p]));
  const workOf = new Map<string, TaskRow[]>();
  for (const t of claimed) {
    if (t.assignee === null) continue;
    const list = workOf.get(t.assignee) ?? [];
    if (list.length < WORK_PER_AGENT) list.push(t);
    workOf.set(t.assignee, list);
  }
  return users
    .filter((u) => u.active && !isCustomerOnly(u) && (u.roles.includes('agent') || loadOf.has(u.username)))
    .sort((a, b) => a.username.localeCompare(b.username))
    .map((u) => ({
      username: u.username,
      displayName: u.displayName,
      groups: u.groups,
      tiers: u.tiers,
      presence: profileOf.get(u.username)?.presence ?? 'offline',
      presenceAt: isoOrNull(profileOf.get(u.username)?.presenceAt ?? null),
      load: loadOf.get(u.username) ?? 0,
      capacity: capacityOf(profileOf.get(u.username) ?? null).task,
      work: (workOf.get(u.username) ?? []).map((t) => ({
        taskId: t.id,
        caseId: t.caseId,
        title: t.title,
        since: iso(t.updatedAt),
      })),
    }));
}

function toBreachNotice(row: OutboxRow, caseNumber: string | null): BreachNotice {
  const p = row.payload as { to?: unknown; nodeId?: unknown; data?: { slaId?: unknown } };
  return {
    id: row.id,
    caseId: row.caseId,
    caseNumber,
    slaId: typeof p.data?.slaId === 'string' ? p.data.slaId : null,
    nodeId: typeof p.nodeId === 'string' ? p.nodeId : null,
    to: typeof p.to === 'string' ? p.to : '',
    status: row.status,
    at: iso(row.createdAt),
  };
}
