import { describe, expect, it } from 'vitest';
import type { TaskRow, UserRow } from '../store/store';
import { cancelRefusal } from './cancel-rule';
import { userRow } from './test-support/user-row';

const user = userRow;
const task = (extra: Partial<TaskRow>): TaskRow =>
  ({ id: 't', kind: 'task', status: 'open', group: 'card-ops', assignee: null, ...extra }) as TaskRow;
const kase = { id: 'c1', createdBy: 'carla' };
const marco = user('marco', { groups: ['card-ops'] });
const lena = user('lena', { groups: ['service-desk'] });
const allowed = (u: UserRow, tasks: TaskRow[], row = kase) => cancelRefusal(u, row, tasks) === null;

describe('cancelRefusal', () => {
  it('lets the group working an open task cancel, and nobody else below supervisor', () => {
    const open = [task({ group: 'card-ops' })];
    expect(allowed(marco, open)).toBe(true);
    const refusal = cancelRefusal(lena, kase, open);
    expect(refusal?.status).toBe(403);
    expect(refusal?.message).toContain('group card-ops');
    // A task held by lena outside her groups (delegated to her) is hers to cancel with.
    expect(allowed(lena, [task({ status: 'claimed', assignee: 'lena' })])).toBe(true);
  });

  it('lets supervisors, admins and the agent who opened the case cancel it', () => {
    const open = [task({ group: 'card-ops' })];
    expect(allowed(user('sam', { groups: ['supervisors'] }), open)).toBe(true);
    expect(allowed(user('root', { roles: ['admin'] }), open)).toBe(true);
    expect(allowed(lena, open, { id: 'c1', createdBy: 'lena' })).toBe(true);
  });

  it('with no open task, lets the groups that worked the case cancel it', () => {
    const done = [task({ status: 'completed', group: 'service-desk', assignee: 'ivan' })];
    expect(allowed(lena, done)).toBe(true);
    expect(allowed(marco, done)).toBe(false);
    expect(allowed(marco, [])).toBe(false);
  });

  it('does not count approval ballots: approvers decide, they do not withdraw', () => {
    const ballot = [task({ kind: 'approval', assignee: 'marco', status: 'open' })];
    expect(allowed(marco, ballot)).toBe(false);
  });

  it('refuses customers, owners without the agent role and deactivated agents', () => {
    const open = [task({ group: 'card-ops' })];
    expect(allowed(user('carla', { roles: ['customer'], customerId: 'c-1' }), open, kase)).toBe(false);
    expect(allowed(user('olivia', { roles: ['owner'] }), open)).toBe(false);
    expect(allowed(user('gone', { groups: ['card-ops'], active: false }), open)).toBe(false);
  });
});
