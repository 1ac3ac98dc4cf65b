import type { SupervisorAgent, Task } from '@caseflow/schema';
import { describe, expect, it } from 'vitest';
import { localMidnight, reassignCandidates } from './supervisor-view';

const agent = (username: string, groups: string[]): SupervisorAgent => ({
  username,
  displayName: null,
  groups,
  tiers: [],
  presence: 'online',
  presenceAt: null,
  load: 0,
  capacity: 5,
  work: [],
});
const task = (over: Partial<Task> = {}): Task => ({
  id: 't1',
  caseId: 'k1',
  nodeId: 'handle',
  kind: 'task',
  title: 'Handle',
  status: 'claimed',
  tier: 'L1',
  group: 'desk',
  assignee: 'ann',
  outcomes: ['done'],
  dueAt: null,
  createdAt: '2026-01-05T09:00:00.000Z',
  ...over,
});

describe('the supervisor view', () => {
  it('counts today from local midnight of the runtime time', () => {
    const now = Date.parse('2026-01-05T15:30:00Z');
    const midnight = new Date(localMidnight(now));
    expect(midnight.getHours()).toBe(0);
    expect(midnight.getMinutes()).toBe(0);
    expect(now - midnight.getTime()).toBeGreaterThanOrEqual(0);
    expect(now - midnight.getTime()).toBeLessThan(86_400_000);
  });

  it("offers the task's group members but its holder, and nobody for ballots or group-less tasks", () => {
    const agents = [agent('ann', ['desk']), agent('bob', ['desk', 'ops']), agent('cat', ['ops'])];
    expect(reassignCandidates(agents, task()).map((a) => a.username)).toEqual(['bob']);
    expect(reassignCandidates(agents, task({ assignee: null })).map((a) => a.username)).toEqual([
      'ann',
      'bob',
    ]);
    expect(reassignCandidates(agents, task({ kind: 'approval' }))).toEqual([]);
    expect(reassignCandidates(agents, task({ group: null }))).toEqual([]);
  });
});
