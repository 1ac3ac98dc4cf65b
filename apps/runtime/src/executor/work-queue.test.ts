import { describe, expect, it } from 'vitest';
import type { SlaRow, TaskRow, UserRow } from '../store/store';
import { userRow } from './test-support/user-row';
import { mayTake, type QueueRow, queueSla, sortQueue } from './work-queue';

const task = (id: string, over: Partial<TaskRow> = {}): TaskRow => ({
  id,
  caseId: `case-${id}`,
  taskKey: `case-${id}.t1`,
  nodeId: 'triage',
  kind: 'task',
  title: 'Triage',
  status: 'open',
  tier: 'L1',
  group: 'desk',
  assignee: null,
  outcomes: ['done'],
  form: null,
  approvalId: null,
  dueAt: null,
  outcome: null,
  values: null,
  createdAt: 0,
  updatedAt: 0,
  closedAt: null,
  ...over,
});
const user = (over: Partial<UserRow> = {}): UserRow =>
  userRow('lena', { groups: ['desk'], tiers: ['L1'], ...over });
const sla = (caseId: string, over: Partial<SlaRow>): SlaRow => ({
  caseId,
  id: 'resolution',
  scope: 'case',
  taskId: null,
  status: 'running',
  target: 'PT8H',
  calendar: '24x7',
  startedAt: 0,
  dueAt: 1000,
  elapsedMs: 0,
  updatedAt: 0,
  ...over,
});
const row = (t: TaskRow, over: Partial<QueueRow> = {}): QueueRow => ({
  task: t,
  caseNumber: 1,
  subject: 's',
  priority: 'normal',
  customerId: null,
  customerName: null,
  sla: { state: 'none', dueAt: null, target: null },
  ...over,
});

describe('the work queue', () => {
  it("offers open tasks of the agent's groups and work that is theirs, nothing else", () => {
    const lena = user();
    expect(mayTake(lena, task('a'))).toBe(true);
    expect(mayTake(lena, task('b', { group: 'fraud' }))).toBe(false);
    expect(mayTake(lena, task('c', { status: 'claimed', assignee: 'marco' }))).toBe(false);
    expect(mayTake(lena, task('d', { status: 'claimed', assignee: 'lena', group: 'fraud' }))).toBe(true);
    expect(mayTake(lena, task('e', { kind: 'approval', assignee: 'nora' }))).toBe(false);
    expect(mayTake(lena, task('f', { kind: 'approval', assignee: 'lena' }))).toBe(true);
    expect(mayTake(lena, task('g', { status: 'completed' }))).toBe(false);
    expect(mayTake(user({ roles: ['admin'], groups: [] }), task('h', { group: 'fraud' }))).toBe(true);
  });

  it("shows the task's own clock, else its case's worst one", () => {
    const t = task('a');
    expect(queueSla(t, [sla(t.caseId, { status: 'warning', dueAt: 500 })])).toEqual({
      state: 'at-risk',
      dueAt: 500,
      target: 'PT8H',
    });
    const own = sla(t.caseId, {
      id: 'task',
      scope: 'task',
      taskId: t.taskKey,
      status: 'running',
      dueAt: 90,
      target: 'PT30M',
    });
    expect(queueSla(t, [sla(t.caseId, { status: 'breached' }), own]).state).toBe('on-track');
    expect(queueSla(t, [sla('other', { status: 'breached' })]).state).toBe('none');
    expect(queueSla(t, [sla(t.caseId, { status: 'met' })]).state).toBe('none');
  });

  it('sorts by SLA risk: breached, at risk, then the nearest due time', () => {
    const rows = [
      row(task('calm'), { sla: { state: 'on-track', dueAt: 50, target: null } }),
      row(task('late'), { sla: { state: 'breached', dueAt: 900, target: null } }),
      row(task('none')),
      row(task('risk2'), { sla: { state: 'at-risk', dueAt: 300, target: null } }),
      row(task('risk1'), { sla: { state: 'at-risk', dueAt: 200, target: null } }),
    ];
    expect(sortQueue(rows, 'risk').map((r) => r.task.id)).toEqual(['late', 'risk1', 'risk2', 'calm', 'none']);
    const byPriority = [
      row(task('n')),
      row(task('c'), { priority: 'critical' }),
      row(task('l'), { priority: 'low' }),
    ];
    expect(sortQueue(byPriority, 'priority').map((r) => r.task.id)).toEqual(['c', 'n', 'l']);
    const byAge = [row(task('new', { createdAt: 5 })), row(task('old', { createdAt: 1 }))];
    expect(sortQueue(byAge, 'age').map((r) => r.task.id)).toEqual(['old', 'new']);
  });
});
