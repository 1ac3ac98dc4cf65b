import { describe, expect, it } from 'vitest';
import type { TaskRow, UserRow } from '../store/store';
import { delegationRefusal, holdsOtherBallot, type RuledTask, votedAlready, workRefusal } from './task-rules';
import { userRow } from './test-support/user-row';

const user = userRow;
const human: RuledTask = { id: 't1', kind: 'task', group: 'card-ops', assignee: null, approvalId: null };
const ballot = (assignee: string, id = 'b1'): RuledTask => ({
  id,
  kind: 'approval',
  group: 'card-ops',
  assignee,
  approvalId: 'a1',
});
const row = (t: RuledTask, status: TaskRow['status']) => ({ ...t, status }) as TaskRow;
const marco = user('marco', { groups: ['card-ops'] });
const nora = user('nora', { groups: ['card-ops'] });

describe('workRefusal', () => {
  it('lets agents of the group, the assignee and admins work a human task', () => {
    expect(workRefusal(marco, human)).toBeNull();
    expect(workRefusal(user('lena'), { ...human, assignee: 'lena' })).toBeNull();
    expect(workRefusal(user('root', { roles: ['admin'] }), human)).toBeNull();
  });

  it('forbids other groups, customers and deactivated agents with 403', () => {
    expect(workRefusal(user('lena', { groups: ['service-desk'] }), human)?.status).toBe(403);
    expect(workRefusal(user('carla', { roles: ['customer'], groups: ['card-ops'] }), human)?.status).toBe(
      403,
    );
    expect(workRefusal({ ...marco, active: false }, human)?.status).toBe(403);
  });

  it("answers 409 naming the holder when a group member touches another approver's ballot", () => {
    expect(workRefusal(nora, ballot('nora'))).toBeNull();
    const refusal = workRefusal(marco, ballot('nora'));
    expect(refusal).toMatchObject({ status: 409, details: { assignee: 'nora' } });
    expect(workRefusal(user('lena', { groups: ['service-desk'] }), ballot('nora'))?.status).toBe(403);
  });
});

describe('delegationRefusal', () => {
  const facts = (over: Partial<Parameters<typeof delegationRefusal>[0]>) => ({
    delegator: marco,
    task: human,
    target: nora,
    to: 'nora',
    targetHoldsBallot: false,
    ...over,
  });

  it('lets an agent of the group hand a human task to another active member', () => {
    expect(delegationRefusal(facts({}))).toBeNull();
  });

  it("refuses to let an agent hand on another agent's human task, to themselves or anyone (409)", () => {
    const held = { ...human, assignee: 'nora' };
    expect(delegationRefusal(facts({ task: held, target: marco, to: 'marco' }))).toMatchObject({
      status: 409,
      details: { assignee: 'nora' },
    });
    expect(delegationRefusal(facts({ task: held }))?.status).toBe(409);
    expect(delegationRefusal(facts({ delegator: nora, task: held, target: marco, to: 'marco' }))).toBeNull();
    expect(
      delegationRefusal(facts({ delegator: user('sam', { groups: ['supervisors'] }), task: held })),
    ).toBeNull();
  });

  it("refuses to let A take B's ballot: only its approver or an admin delegates a ballot (403)", () => {
    const r = delegationRefusal(facts({ task: ballot('nora'), target: marco, to: 'marco' }));
    expect(r).toMatchObject({ status: 403, code: 'forbidden' });
  });

  it('refuses a delegate who already holds a ballot of the approval (409)', () => {
    const r = delegationRefusal(
      facts({ delegator: nora, task: ballot('nora'), target: marco, to: 'marco', targetHoldsBallot: true }),
    );
    expect(r).toMatchObject({ status: 409, details: { reason: 'holds-ballot' } });
  });

  it('refuses customers, outsiders and deactivated users with 422 naming the reason', () => {
    const reasonOf = (target: UserRow) => {
      const details = delegationRefusal(facts({ target, to: target.username }))?.details;
      return (details as Array<{ reason: string }> | undefined)?.[0]?.reason;
    };
    expect(reasonOf(user('carla', { roles: ['customer'], groups: ['card-ops'] }))).toBe('not-staff');
    expect(reasonOf(user('lena', { groups: ['service-desk'] }))).toBe('not-member');
    expect(reasonOf({ ...nora, active: false })).toBe('inactive');
    expect(delegationRefusal(facts({ target: nora, task: { ...human, group: null } }))?.status).toBe(403);
  });

  it("lets a supervisor reassign any group's human task, to a member of that group only", () => {
    const sam = user('sam', { groups: ['supervisors'] });
    expect(delegationRefusal(facts({ delegator: sam }))).toBeNull();
    const outsider = delegationRefusal(facts({ delegator: sam, target: user('lena'), to: 'lena' }))?.details;
    expect((outsider as Array<{ reason: string }>)[0]?.reason).toBe('not-member');
    expect(
      delegationRefusal(facts({ delegator: sam, task: ballot('nora'), target: marco, to: 'marco' }))?.status,
    ).toBe(403);
    expect(delegationRefusal(facts({ delegator: { ...sam, active: false } }))?.status).toBe(403);
    expect(delegationRefusal(facts({ delegator: { ...sam, roles: ['customer'] } }))?.status).toBe(403);
  });

  it('answers 400 for an unknown delegate and 403 for a delegator outside the group', () => {
    expect(delegationRefusal(facts({ target: null, to: 'ghost' }))?.status).toBe(400);
    expect(delegationRefusal(facts({ delegator: user('lena', { groups: ['service-desk'] }) }))?.status).toBe(
      403,
    );
  });
});

describe('ballots', () => {
  const tasks = [row(ballot('marco', 'b1'), 'completed'), row(ballot('nora', 'b2'), 'open')];
  it('knows who holds or cast a ballot of the same approval', () => {
    expect(holdsOtherBallot('nora', ballot('marco', 'b1'), tasks)).toBe(true);
    expect(holdsOtherBallot('marco', ballot('nora', 'b2'), tasks)).toBe(true);
    expect(holdsOtherBallot('fatima', ballot('nora', 'b2'), tasks)).toBe(false);
    expect(holdsOtherBallot('marco', { ...ballot('nora', 'b2'), approvalId: 'other' }, tasks)).toBe(false);
  });
  it('counts only cast votes as voted', () => {
    expect(votedAlready('marco', ballot('marco', 'b3'), tasks)).toBe(true);
    expect(votedAlready('nora', ballot('nora', 'b3'), tasks)).toBe(false);
  });
});
