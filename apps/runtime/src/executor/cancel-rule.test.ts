import { describe, expect, it } from 'vitest';
import type { TaskRow, UserRow } from '../store/store';
import { cancelRefusal } from './cancel-rule';
import { userRow } from './test-support/user-row';

const user = userRow;
const task = (extra: Partial<TaskRow>): TaskRow =>
  ({ id: 't', kind: 'task', status: 'open', group: 'card-ops', assignee: null, ...extra }) as TaskRow;
const kase = { id: 'c1', createdBy: 'carla', customerId: 'c-1', parentCaseId: null };
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
    expect(allowed(lena, open, { ...kase, createdBy: 'lena' })).toBe(true);
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

  it('lets a customer withdraw their own request, and no other case exists for them', () => {
    const open = [task({ group: 'card-ops' })];
    const carla = user('carla', { roles: ['customer'], customerId: 'c-1' });
    expect(allowed(carla, open)).toBe(true);
    expect(allowed(carla, [])).toBe(true);
    // Another customer's case, a step of her case run as a subflow, or an account bound to no
    // customer: the same 404 as an unknown id.
    for (const [who, row] of [
      [carla, { ...kase, customerId: 'c-2' }],
      [carla, { ...kase, parentCaseId: 'parent' }],
      [user('nobody', { roles: ['customer'], customerId: null }), { ...kase, customerId: null }],
    ] as const) {
      expect(cancelRefusal(who, row, open)?.status).toBe(404);
    }
    expect(
      cancelRefusal(user('carla', { roles: ['customer'], customerId: 'c-1', active: false }), kase, open)
        ?.status,
    ).toBe(403);
    // A case the team opened about her (a fraud review) is theirs to close.
    expect(cancelRefusal(carla, { ...kase, createdBy: 'fatima' }, open)?.status).toBe(403);
    // Nor while internal work of her request (a subflow) is under way.
    expect(cancelRefusal(carla, kase, open, 1)?.status).toBe(409);
  });

  it('refuses owners without the agent role and deactivated agents', () => {
    const open = [task({ group: 'card-ops' })];
    expect(allowed(user('olivia', { roles: ['owner'] }), open)).toBe(false);
    expect(allowed(user('gone', { groups: ['card-ops'], active: false }), open)).toBe(false);
  });
});
