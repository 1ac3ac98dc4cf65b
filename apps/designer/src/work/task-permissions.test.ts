import type { Task } from '@caseflow/schema';
import { describe, expect, it } from 'vitest';
import { taskPermissions } from './task-permissions';

const task = (over: Partial<Task> = {}): Task => ({
  id: 't1',
  caseId: 'k1',
  nodeId: 'triage',
  kind: 'task',
  title: 'Triage',
  status: 'open',
  tier: 'L1',
  group: 'desk',
  assignee: null,
  outcomes: ['done'],
  dueAt: null,
  createdAt: '2026-01-01T00:00:00Z',
  ...over,
});
const lena = { username: 'lena', roles: ['agent'], groups: ['desk'] };

describe('taskPermissions', () => {
  it("offers claim and work on the group's open tasks only", () => {
    expect(taskPermissions(lena, task())).toEqual({ claim: true, work: true });
    expect(taskPermissions(lena, task({ group: 'fraud' }))).toEqual({ claim: false, work: false });
  });

  it("offers nothing on someone else's claim or ballot, and the ballot to its approver only", () => {
    expect(taskPermissions(lena, task({ status: 'claimed', assignee: 'marco' }))).toEqual({
      claim: false,
      work: false,
    });
    expect(taskPermissions(lena, task({ kind: 'approval', assignee: 'nora' }))).toEqual({
      claim: false,
      work: false,
    });
    expect(taskPermissions(lena, task({ kind: 'approval', assignee: 'lena' }))).toEqual({
      claim: false,
      work: true,
    });
    expect(taskPermissions(lena, task({ status: 'claimed', assignee: 'lena' }))).toEqual({
      claim: false,
      work: true,
    });
  });

  it('offers nothing to customers or on closed tasks', () => {
    expect(taskPermissions({ username: 'carla', roles: ['customer'], groups: [] }, task())).toEqual({
      claim: false,
      work: false,
    });
    expect(taskPermissions(lena, task({ status: 'completed' }))).toEqual({ claim: false, work: false });
  });
});
