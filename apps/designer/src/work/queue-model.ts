import type { Task } from '@caseflow/schema';

/** One queue: the tasks of one group (and tier), most urgent first. */
export interface Queue {
  key: string;
  group: string;
  tier: string | null;
  tasks: Task[];
  overdue: number;
}

/** Orders tasks by SLA urgency: earliest due first, tasks without a due time last, then oldest. Pure. */
export function byUrgency(a: Task, b: Task): number {
  const da = a.dueAt ? Date.parse(a.dueAt) : Number.POSITIVE_INFINITY;
  const db = b.dueAt ? Date.parse(b.dueAt) : Number.POSITIVE_INFINITY;
  if (da !== db) return da < db ? -1 : 1;
  return Date.parse(a.createdAt) - Date.parse(b.createdAt);
}

/** Groups open and claimed tasks into queues by group and tier, each ordered by urgency. Pure. */
export function buildQueues(tasks: readonly Task[], now: number): Queue[] {
  const map = new Map<string, Queue>();
  for (const t of tasks) {
    if (t.status !== 'open' && t.status !== 'claimed') continue;
    const group = t.group ?? (t.assignee ? `user:${t.assignee}` : 'unassigned');
    const key = `${group}/${t.tier ?? ''}`;
    let q = map.get(key);
    if (!q) {
      q = { key, group, tier: t.tier, tasks: [], overdue: 0 };
      map.set(key, q);
    }
    q.tasks.push(t);
    if (t.dueAt && Date.parse(t.dueAt) < now) q.overdue += 1;
  }
  const queues = [...map.values()];
  for (const q of queues) q.tasks.sort(byUrgency);
  return queues.sort((a, b) => a.key.localeCompare(b.key));
}

/** How pressing a task is: breached, warning (under 20% of an hour left or past 80%), ok, none. Pure. */
export function urgency(
  task: Pick<Task, 'dueAt' | 'createdAt'>,
  now: number,
): 'breached' | 'warning' | 'ok' | 'none' {
  if (!task.dueAt) return 'none';
  const due = Date.parse(task.dueAt);
  if (due < now) return 'breached';
  const total = due - Date.parse(task.createdAt);
  return total > 0 && (now - Date.parse(task.createdAt)) / total >= 0.8 ? 'warning' : 'ok';
}
