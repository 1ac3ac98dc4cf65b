import type { Task } from '@caseflow/schema';
import { describe, expect, it } from 'vitest';
import { buildQueues, urgency } from './queue-model';

function task(id: string, over: Partial<Task> = {}): Task {
  return {
    id,
    caseId: 'c1',
    nodeId: 'triage',
    kind: 'task',
    title: id,
    status: 'open',
    tier: 'L1',
    group: 'service-desk',
    assignee: null,
    outcomes: ['done'],
    dueAt: null,
    createdAt: '2026-01-05T09:00:00Z',
    ...over,
  };
}

describe('buildQueues', () => {
  const now = Date.parse('2026-01-05T10:00:00Z');
  it('groups by group and tier and puts the earliest due first, undated last', () => {
    const queues = buildQueues(
      [
        task('a'),
        task('b', { dueAt: '2026-01-05T12:00:00Z' }),
        task('c', { dueAt: '2026-01-05T09:30:00Z' }),
        task('d', { group: 'card-ops', tier: 'L2' }),
      ],
      now,
    );
    expect(queues.map((q) => q.key)).toEqual(['card-ops/L2', 'service-desk/L1']);
    expect(queues[1]?.tasks.map((t) => t.id)).toEqual(['c', 'b', 'a']);
    expect(queues[1]?.overdue).toBe(1);
  });
  it('leaves out completed, cancelled and escalated tasks', () => {
    const queues = buildQueues([task('a', { status: 'completed' }), task('b', { status: 'escalated' })], now);
    expect(queues).toEqual([]);
  });
});

describe('urgency', () => {
  const created = '2026-01-05T09:00:00Z';
  it('is breached past the due time and a warning past 80% of the span', () => {
    const due = '2026-01-05T10:00:00Z';
    expect(urgency({ createdAt: created, dueAt: due }, Date.parse('2026-01-05T10:01:00Z'))).toBe('breached');
    expect(urgency({ createdAt: created, dueAt: due }, Date.parse('2026-01-05T09:50:00Z'))).toBe('warning');
    expect(urgency({ createdAt: created, dueAt: due }, Date.parse('2026-01-05T09:10:00Z'))).toBe('ok');
    expect(urgency({ createdAt: created, dueAt: null }, 0)).toBe('none');
  });
});
