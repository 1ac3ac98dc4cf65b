import { describe, expect, it } from 'vitest';
import { userRow } from '../executor/test-support/user-row';
import type { ChangeRow, UserRow } from '../store/store';
import { caseStreamFilter, customerKinds, supervisorStreamFilter, userStreamFilter } from './stream-filter';

const change = (over: Partial<ChangeRow> = {}): ChangeRow => ({
  cursor: '0.1',
  caseId: 'k1',
  customerId: 'c-1',
  topLevel: true,
  kinds: ['case', 'message', 'sla', 'task'],
  publicKinds: ['message'],
  groups: ['desk'],
  users: ['ann'],
  at: 0,
  ...over,
});
const user = (over: Partial<UserRow>): UserRow => userRow('u', over);

describe('stream filters', () => {
  it('tell a customer of their own top-level cases, never of tasks', () => {
    expect(customerKinds(change(), 'c-1')).toEqual(['case', 'message', 'sla']);
    expect(customerKinds(change({ kinds: ['task'], publicKinds: [] }), 'c-1')).toBeNull();
    expect(customerKinds(change(), 'c-2')).toBeNull();
    expect(customerKinds(change({ topLevel: false }), 'c-1')).toBeNull();
    expect(customerKinds(change({ customerId: null }), null)).toBeNull();
  });

  it("follow an agent's groups and the work naming them; owners and admins hear everything", () => {
    const ann = userStreamFilter(user({ username: 'ann' }));
    const desk = userStreamFilter(user({ username: 'bob', groups: ['desk'] }));
    const other = userStreamFilter(user({ username: 'cid', groups: ['fraud'] }));
    const owner = userStreamFilter(user({ username: 'olivia', roles: ['owner'] }));
    expect(ann(change())).not.toBeNull();
    expect(desk(change())).not.toBeNull();
    expect(other(change())).toBeNull();
    expect(owner(change({ groups: [], users: [] }))).toEqual(['case', 'message', 'sla', 'task']);
  });

  it('keep a case stream to its case', () => {
    const carla = caseStreamFilter(user({ roles: ['customer'], customerId: 'c-1' }), 'k1');
    expect(carla(change())).toEqual(['case', 'message', 'sla']);
    expect(carla(change({ caseId: 'k2' }))).toBeNull();
    expect(caseStreamFilter(user({}), 'k1')(change())).toContain('task');
  });

  it('tell supervisors of every change but messages, and nobody else anything', () => {
    const sam = supervisorStreamFilter(user({ groups: ['supervisors'] }));
    expect(sam(change({ groups: ['fraud'], users: [] }))).toEqual(['case', 'sla', 'task']);
    expect(sam(change({ kinds: ['message'] }))).toBeNull();
    expect(supervisorStreamFilter(user({ roles: ['admin'] }))(change())).toEqual(['case', 'sla', 'task']);
    expect(supervisorStreamFilter(user({ groups: ['desk'] }))(change())).toBeNull();
    expect(
      supervisorStreamFilter(user({ roles: ['customer'], groups: ['supervisors'] }))(change()),
    ).toBeNull();
  });

  it('carry presence and routing changes (no case) to supervisors only', () => {
    const presence = change({
      caseId: '',
      customerId: null,
      topLevel: false,
      kinds: ['presence'],
      publicKinds: [],
      groups: ['desk'],
      users: ['ann'],
    });
    const routing = change({
      caseId: '',
      customerId: null,
      topLevel: false,
      kinds: ['routing'],
      publicKinds: [],
      groups: ['desk'],
      users: [],
    });
    const sam = supervisorStreamFilter(user({ groups: ['supervisors'] }));
    expect(sam(presence)).toEqual(['presence']);
    expect(sam(routing)).toEqual(['routing']);
    for (const someone of [
      user({ username: 'ann', groups: ['desk'] }),
      user({ username: 'olivia', roles: ['owner'] }),
      user({ roles: ['admin'] }),
      user({ roles: ['customer'], customerId: 'c-1' }),
    ]) {
      expect(userStreamFilter(someone)(presence)).toBeNull();
      expect(userStreamFilter(someone)(routing)).toBeNull();
    }
    expect(caseStreamFilter(user({}), '')(presence)).toBeNull();
  });
});
