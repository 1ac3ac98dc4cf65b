import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  assignAll,
  type Candidate,
  eligible,
  type QueuedTask,
  queueOrder,
  rankAgents,
  type WorkKind,
} from './assignment-policy';

const NOW = Date.parse('2026-01-05T10:00:00Z');
const WORK: WorkKind[] = ['task', 'chat', 'email'];

const agentArb = (i: number) =>
  fc.record({
    username: fc.constant<string>(`agent-${String(i).padStart(2, '0')}`),
    online: fc.boolean(),
    outOfOffice: fc.boolean(),
    onShift: fc.boolean(),
    skills: fc.dictionary(fc.constantFrom('pt', 'en', 'fraud'), fc.integer({ min: 1, max: 5 })),
    capacity: fc.record({
      task: fc.integer({ min: 0, max: 4 }),
      chat: fc.integer({ min: 0, max: 3 }),
      email: fc.integer({ min: 0, max: 4 }),
    }),
    load: fc.constant({ task: 0, chat: 0, email: 0 }),
    lastOfferedAt: fc.option(fc.integer({ min: NOW - 3_600_000, max: NOW }), { nil: null }),
  });
const agentsArb = fc
  .integer({ min: 1, max: 12 })
  .chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => agentArb(i))));
const taskArb = (i: number) =>
  fc.record({
    id: fc.constant<string>(`t${i}`),
    work: fc.constantFrom(...WORK),
    requires: fc.array(
      fc.record({ name: fc.constantFrom('pt', 'en', 'fraud'), level: fc.integer({ min: 1, max: 5 }) }),
      { maxLength: 2 },
    ),
    dueAt: fc.option(fc.integer({ min: NOW, max: NOW + 86_400_000 }), { nil: null }),
    priority: fc.constantFrom('low', 'normal', 'high', 'critical' as const),
    enteredAt: fc.integer({ min: NOW - 86_400_000, max: NOW }),
    declinedBy: fc.constant([] as string[]),
  });
const tasksArb = fc
  .integer({ min: 0, max: 40 })
  .chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => taskArb(i))));
const modeArb = fc.constantFrom('round-robin' as const, 'least-loaded' as const, 'skills' as const);

const agent = (username: string, over: Partial<Candidate> = {}): Candidate => ({
  username,
  online: true,
  outOfOffice: false,
  onShift: true,
  skills: {},
  capacity: { task: 5, chat: 2, email: 5 },
  load: { task: 0, chat: 0, email: 0 },
  lastOfferedAt: null,
  ...over,
});
const task = (id: string, over: Partial<QueuedTask> = {}): QueuedTask => ({
  id,
  work: 'task',
  requires: [],
  dueAt: null,
  priority: 'normal',
  enteredAt: NOW,
  declinedBy: [],
  ...over,
});

describe('assignment policy (properties)', () => {
  it('never exceeds an agent capacity, per kind of work', () => {
    fc.assert(
      fc.property(modeArb, agentsArb, tasksArb, (mode, agents, tasks) => {
        const given = new Map<string, Record<WorkKind, number>>();
        const workOf = new Map(tasks.map((t) => [t.id, t.work]));
        for (const a of assignAll(mode, tasks, agents, NOW)) {
          const load = given.get(a.agent) ?? { task: 0, chat: 0, email: 0 };
          load[workOf.get(a.taskId)!] += 1;
          given.set(a.agent, load);
        }
        for (const a of agents) {
          const load = given.get(a.username) ?? { task: 0, chat: 0, email: 0 };
          for (const w of WORK) expect(load[w]).toBeLessThanOrEqual(a.capacity[w]);
        }
      }),
    );
  });

  it('never assigns to anyone offline, away, out of office, off shift or without the skills', () => {
    fc.assert(
      fc.property(modeArb, agentsArb, tasksArb, (mode, agents, tasks) => {
        const byName = new Map(agents.map((a) => [a.username, a]));
        const taskOf = new Map(tasks.map((t) => [t.id, t]));
        for (const a of assignAll(mode, tasks, agents, NOW)) {
          const who = byName.get(a.agent)!;
          expect(who.online && !who.outOfOffice && who.onShift).toBe(true);
          for (const need of taskOf.get(a.taskId)!.requires) {
            expect(who.skills[need.name] ?? 0).toBeGreaterThanOrEqual(need.level);
          }
        }
      }),
    );
  });

  it('assigns each task at most once and leaves a task waiting only when nobody may take it', () => {
    fc.assert(
      fc.property(modeArb, agentsArb, tasksArb, (mode, agents, tasks) => {
        const done = assignAll(mode, tasks, agents, NOW);
        expect(new Set(done.map((a) => a.taskId)).size).toBe(done.length);
        // Replaying the decisions: a task left out had no eligible agent at its turn.
        const live = agents.map((a) => ({ ...a, load: { ...a.load } }));
        const given = new Map(done.map((a) => [a.taskId, a.agent]));
        for (const t of [...tasks].sort(queueOrder)) {
          const to = given.get(t.id);
          if (to === undefined) expect(eligible(t, live)).toEqual([]);
          else live.find((a) => a.username === to)!.load[t.work] += 1;
        }
      }),
    );
  });

  it('round-robin is fair over time: among equals, no agent gets two more than another', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 15 }), fc.integer({ min: 0, max: 200 }), (n, count) => {
        const agents = Array.from({ length: n }, (_, i) =>
          agent(`a${i}`, { capacity: { task: 1000, chat: 0, email: 0 } }),
        );
        const tasks = Array.from({ length: count }, (_, i) => task(`t${i}`, { enteredAt: NOW + i }));
        const counts = new Map<string, number>();
        for (const a of assignAll('round-robin', tasks, agents, NOW))
          counts.set(a.agent, (counts.get(a.agent) ?? 0) + 1);
        const values = agents.map((a) => counts.get(a.username) ?? 0);
        expect(Math.max(...values) - Math.min(...values)).toBeLessThanOrEqual(1);
      }),
    );
  });
});

describe('assignment policy (examples)', () => {
  it('orders the queue by SLA urgency, then priority, then age', () => {
    const tasks = [
      task('old-low', { priority: 'low', enteredAt: NOW - 10 }),
      task('due-late', { dueAt: NOW + 60_000 }),
      task('critical', { priority: 'critical' }),
      task('due-soon', { dueAt: NOW + 1000, priority: 'low' }),
      task('old-normal', { enteredAt: NOW - 5 }),
    ];
    expect([...tasks].sort(queueOrder).map((t) => t.id)).toEqual([
      'due-soon',
      'due-late',
      'critical',
      'old-normal',
      'old-low',
    ]);
  });

  it('least-loaded picks the lowest share of capacity; skills picks the best levels', () => {
    const agents = [
      agent('busy', { load: { task: 3, chat: 0, email: 0 }, skills: { pt: 5 } }),
      agent('free', { load: { task: 1, chat: 0, email: 0 }, skills: { pt: 2 } }),
    ];
    expect(rankAgents('least-loaded', task('t'), agents).map((a) => a.username)).toEqual(['free', 'busy']);
    const pt = task('t', { requires: [{ name: 'pt', level: 2 }] });
    expect(rankAgents('skills', pt, agents).map((a) => a.username)).toEqual(['busy', 'free']);
    expect(
      rankAgents('skills', task('t', { requires: [{ name: 'pt', level: 3 }] }), agents).map(
        (a) => a.username,
      ),
    ).toEqual(['busy']);
    expect(rankAgents('manual', task('t'), agents)).toEqual([]);
  });

  it('skips agents who declined the task', () => {
    const agents = [agent('ana'), agent('bia')];
    expect(
      rankAgents('round-robin', task('t', { declinedBy: ['ana'] }), agents).map((a) => a.username),
    ).toEqual(['bia']);
  });
});
