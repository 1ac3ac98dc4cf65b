import type { Case } from '@caseflow/schema';
import { describe, expect, it } from 'vitest';
import { mayCancel } from './cancel-permission';
import type { Viewer } from './task-permissions';

type Task = Case['tasks'][number];
const task = (extra: Partial<Task>): Task =>
  ({ id: 't', kind: 'task', status: 'open', group: 'card-ops', assignee: null, ...extra }) as Task;
const viewer = (username: string, extra: Partial<Viewer> = {}): Viewer => ({
  username,
  roles: ['agent'],
  groups: [],
  ...extra,
});
const kase = (tasks: Task[], createdBy: string | null = 'carla') => ({
  status: 'open' as const,
  createdBy,
  tasks,
});
const marco = viewer('marco', { groups: ['card-ops'] });
const lena = viewer('lena', { groups: ['service-desk'] });

// The same cases as the runtime's rule (apps/runtime/src/executor/cancel-rule.test.ts).
describe('mayCancel', () => {
  it('offers it to the group working an open task, and nobody else below supervisor', () => {
    const open = [task({ group: 'card-ops' })];
    expect(mayCancel(marco, kase(open))).toBe(true);
    expect(mayCancel(lena, kase(open))).toBe(false);
    expect(mayCancel(lena, kase([task({ status: 'claimed', assignee: 'lena' })]))).toBe(true);
  });

  it('offers it to supervisors, admins and the agent who opened the case', () => {
    const open = [task({ group: 'card-ops' })];
    expect(mayCancel(viewer('sam', { groups: ['supervisors'] }), kase(open))).toBe(true);
    expect(mayCancel(viewer('root', { roles: ['admin'] }), kase(open))).toBe(true);
    expect(mayCancel(lena, kase(open, 'lena'))).toBe(true);
  });

  it('with no open task, offers it to the groups that worked the case; never approval ballots', () => {
    const done = [task({ status: 'completed', group: 'service-desk', assignee: 'ivan' })];
    expect(mayCancel(lena, kase(done))).toBe(true);
    expect(mayCancel(marco, kase(done))).toBe(false);
    expect(mayCancel(marco, kase([task({ kind: 'approval', assignee: 'marco' })]))).toBe(false);
  });

  it('never to customers, nor on a closed case', () => {
    expect(mayCancel(viewer('carla', { roles: ['customer'], groups: ['card-ops'] }), kase([task({})]))).toBe(
      false,
    );
    expect(mayCancel(marco, { ...kase([task({})]), status: 'resolved' })).toBe(false);
    expect(mayCancel(null, kase([]))).toBe(false);
  });
});
