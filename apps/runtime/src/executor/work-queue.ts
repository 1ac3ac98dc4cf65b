import type { Priority } from '@caseflow/schema';
import { hasRole } from '../auth/roles';
import type { CaseRow, SlaRow, Store, TaskRow, UserRow } from '../store/store';

/** The SLA state a queue shows: breached, at risk (warned: past the first warnAt), on track, none. */
export type QueueSlaState = 'breached' | 'at-risk' | 'on-track' | 'paused' | 'none';
export type QueueSort = 'risk' | 'priority' | 'age' | 'due';

/** One row of an agent's queue: the task and what a person sorts work by. */
export interface QueueRow {
  task: TaskRow;
  caseNumber: number | null;
  subject: string;
  priority: Priority;
  customerId: string | null;
  customerName: string | null;
  sla: { state: QueueSlaState; dueAt: number | null; target: string | null };
}

const SLA_STATE: Partial<Record<SlaRow['status'], QueueSlaState>> = {
  running: 'on-track',
  warning: 'at-risk',
  breached: 'breached',
  paused: 'paused',
};
const RISK: Record<QueueSlaState, number> = { breached: 0, 'at-risk': 1, 'on-track': 2, paused: 3, none: 4 };
const PRIORITY: Record<Priority, number> = { critical: 0, high: 1, normal: 2, low: 3 };

/**
 * Whether `user` may take `task` now: an open human task of one of their groups, or work that is
 * theirs (claimed by them, their approval ballot). Admins may take any open task. Pure; the
 * commands check again inside their transaction (task-rules.ts).
 */
export function mayTake(user: UserRow, task: TaskRow): boolean {
  if (task.status !== 'open' && task.status !== 'claimed') return false;
  if (task.assignee !== null) return task.assignee === user.username;
  if (task.kind === 'approval') return false;
  return hasRole(user, 'admin') || (task.group !== null && user.groups.includes(task.group));
}

/** The clock a task row shows: its own SLA, else its case's (the worst of them). Pure. */
export function queueSla(task: TaskRow, slas: SlaRow[]): QueueRow['sla'] {
  const own = slas.filter((s) => s.caseId === task.caseId && s.scope === 'task' && s.taskId === task.taskKey);
  const caseClocks = slas.filter((s) => s.caseId === task.caseId && s.scope === 'case');
  const pick = (rows: SlaRow[]) =>
    rows
      .map((s) => ({ s, state: SLA_STATE[s.status] }))
      .filter((x): x is { s: SlaRow; state: QueueSlaState } => x.state !== undefined)
      .sort((a, b) => RISK[a.state] - RISK[b.state] || (a.s.dueAt ?? Infinity) - (b.s.dueAt ?? Infinity))[0];
  const best = pick(own) ?? pick(caseClocks);
  return best
    ? { state: best.state, dueAt: best.s.dueAt, target: best.s.target }
    : { state: 'none', dueAt: null, target: null };
}

/** Orders queue rows in place and answers them. Pure apart from sorting `rows`. */
export function sortQueue(rows: QueueRow[], sort: QueueSort): QueueRow[] {
  const due = (r: QueueRow) => r.sla.dueAt ?? Number.POSITIVE_INFINITY;
  const age = (r: QueueRow) => r.task.createdAt;
  const by: Record<QueueSort, (a: QueueRow, b: QueueRow) => number> = {
    risk: (a, b) =>
      RISK[a.sla.state] - RISK[b.sla.state] ||
      due(a) - due(b) ||
      PRIORITY[a.priority] - PRIORITY[b.priority] ||
      age(a) - age(b),
    priority: (a, b) =>
      PRIORITY[a.priority] - PRIORITY[b.priority] || RISK[a.sla.state] - RISK[b.sla.state] || age(a) - age(b),
    age: (a, b) => age(a) - age(b),
    due: (a, b) => due(a) - due(b) || age(a) - age(b),
  };
  return rows.sort((a, b) => by[sort](a, b) || a.task.id.localeCompare(b.task.id));
}

/** What the queue view is asked for. */
export interface QueueQuery {
  /** `mine` (default): work the user may take; `all`: every open task of the user's groups (admins: all). */
  scope: 'mine' | 'all';
  group?: string;
  sort: QueueSort;
  limit: number;
}

/**
 * The agent's queue: open and claimed tasks of their groups (admins: of every group) and work
 * assigned to them, filtered to what they may take unless `scope` is `all`, with each task's
 * case number, priority, customer name and SLA state, sorted. Reads at most 500 tasks.
 */
export async function workQueue(store: Store, user: UserRow, query: QueueQuery): Promise<QueueRow[]> {
  const admin = hasRole(user, 'admin');
  const groups = query.group ? user.groups.filter((g) => g === query.group) : user.groups;
  const status: TaskRow['status'][] = ['open', 'claimed'];
  const reads: Promise<{ items: TaskRow[] }>[] = [];
  if (admin)
    reads.push(store.tasks.list({ status, ...(query.group ? { group: query.group } : {}), limit: 500 }));
  else if (groups.length > 0) reads.push(store.tasks.list({ status, group: groups, limit: 500 }));
  reads.push(store.tasks.list({ status, assignee: user.username, limit: 500 }));
  const byId = new Map<string, TaskRow>();
  for (const page of await Promise.all(reads)) for (const t of page.items) byId.set(t.id, t);
  let tasks = [...byId.values()];
  if (query.group) tasks = tasks.filter((t) => t.group === query.group);
  if (query.scope === 'mine') tasks = tasks.filter((t) => mayTake(user, t));
  const caseIds = [...new Set(tasks.map((t) => t.caseId))];
  const [cases, slas] = await Promise.all([
    Promise.all(caseIds.map((id) => store.cases.get(id))),
    store.slas.listByCases(caseIds),
  ]);
  const caseOf = new Map(cases.filter((c): c is CaseRow => c !== null).map((c) => [c.id, c]));
  const customerIds = [
    ...new Set([...caseOf.values()].map((c) => c.customerId).filter((id): id is string => id !== null)),
  ];
  const customers = await Promise.all(customerIds.map((id) => store.customers.get(id)));
  const nameOf = new Map(customers.filter((c) => c !== null).map((c) => [c!.id, c!.name]));
  const rows: QueueRow[] = [];
  for (const task of tasks) {
    const c = caseOf.get(task.caseId);
    if (!c) continue;
    rows.push({
      task,
      caseNumber: c.number,
      subject: c.subject,
      priority: c.priority,
      customerId: c.customerId,
      customerName: c.customerId ? (nameOf.get(c.customerId) ?? null) : null,
      sla: queueSla(task, slas),
    });
  }
  return sortQueue(rows, query.sort).slice(0, query.limit);
}
