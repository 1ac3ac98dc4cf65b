import { describe, expect, it } from 'vitest';
import { changeKindOf, changeOf } from './change-of';

const row = { id: 'k1', customerId: 'c-1', parentCaseId: null };

describe('changeOf', () => {
  it('names the kinds, the public kinds, the task groups and the people of a write', () => {
    const change = changeOf(
      row,
      [
        {
          at: 1,
          type: 'task.created',
          actor: 'system',
          data: { taskId: 't1', group: 'desk', assignee: null },
        },
        {
          at: 1,
          type: 'task.delegated',
          actor: 'ann',
          data: { taskId: 't1', group: 'desk', from: 'ann', to: 'bob' },
        },
        { at: 1, type: 'message', actor: 'ann', public: true, data: { messageId: 'm1' } },
        { at: 1, type: 'sla.warning', data: { slaId: 'response' } },
      ],
      5,
    );
    expect(change).toEqual({
      caseId: 'k1',
      customerId: 'c-1',
      topLevel: true,
      kinds: ['message', 'sla', 'task'],
      publicKinds: ['message'],
      groups: ['desk'],
      users: ['ann', 'bob', 'system'],
      at: 5,
    });
  });

  it('marks subflow children as not top-level and answers null for a write without entries', () => {
    expect(changeOf({ ...row, parentCaseId: 'p' }, [{ at: 1, type: 'node.entered' }], 1)?.topLevel).toBe(
      false,
    );
    expect(changeOf(row, [], 1)).toBeNull();
  });

  it('maps timeline types to kinds', () => {
    expect(
      ['case.opened', 'approval.vote', 'sla.breached', 'message', 'survey.answered'].map(changeKindOf),
    ).toEqual(['case', 'task', 'sla', 'message', 'case']);
  });
});
