import type { FlowDefinitionInput } from '@caseflow/schema';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { saveGroupRouting } from '../routing/group-routing-commands';
import { setPresence } from '../routing/presence-commands';
import { setGroupPaused } from './group-assignment';
import { moveClock } from './runtime';
import { supervisorOverview } from './supervisor-overview';
import { pgReachable } from './test-support/pg-temp-store';
import { type RuntimeFixture, runtimeFixture, T0 } from './test-support/runtime-fixture';

/** start → triage (task, L1 desk; 30 min SLA warning at half, breach notifies supervisors) → done. */
const deskFlow: FlowDefinitionInput = {
  key: 'desk',
  name: 'Desk',
  tiers: [{ id: 'L1', name: 'Desk', group: 'desk' }],
  nodes: [
    { id: 'start', type: 'start' },
    {
      id: 'triage',
      type: 'task',
      title: 'Triage',
      assign: { tier: 'L1' },
      outcomes: ['resolved'],
      sla: { target: 'PT30M', warnAt: [0.5], onBreach: 'notify', notify: ['group:supervisors'] },
    },
    { id: 'done', type: 'end' },
  ],
  edges: [
    { from: 'start', to: 'triage' },
    { from: 'triage', to: 'done', on: 'resolved' },
  ],
};

const reachable = await pgReachable();
const sides = (['sqlite', 'postgres'] as const).filter((d) => d === 'sqlite' || reachable);

describe.each(sides)('the supervisor overview (%s)', (dialect) => {
  let f: RuntimeFixture;
  const overview = (actor: string) => supervisorOverview(f.store, actor, { now: f.clock.now(), since: T0 });
  const open = () => f.runtime.openCase({ flow: 'desk', customerId: 'cu-1', channel: 'phone', actor: 'ann' });

  beforeEach(async () => {
    f = await runtimeFixture({}, dialect);
    await f.store.users.create({
      username: 'sam',
      passwordHash: 'x',
      roles: ['agent'],
      groups: ['supervisors'],
      createdAt: T0,
    });
    await f.store.users.create({ username: 'root', passwordHash: 'x', roles: ['admin'], createdAt: T0 });
    await f.publish(deskFlow);
  });
  afterEach(async () => f.dispose());

  it('is for admins and members of the supervisors group only (403 for agents and unknown users)', async () => {
    await expect(overview('ann')).rejects.toMatchObject({ status: 403 });
    await expect(overview('ghost')).rejects.toMatchObject({ status: 403 });
    await f.store.users.update('sam', { active: false });
    await expect(overview('sam')).rejects.toMatchObject({ status: 403 });
    await expect(overview('root')).resolves.toMatchObject({ totals: { open: 0 } });
  });

  it("refuses a customer put in the supervisors group: no overview, nobody else's presence", async () => {
    await f.store.users.create({
      username: 'cora',
      passwordHash: 'x',
      roles: ['customer'],
      groups: ['supervisors'],
      customerId: 'cu-1',
      createdAt: T0,
    });
    await expect(overview('cora')).rejects.toMatchObject({ status: 403 });
    await expect(setPresence(f.store, 'cora', 'ann', 'away', f.clock.now())).rejects.toMatchObject({
      status: 403,
    });
  });

  it('shows queues, risks, load, throughput and the breach notifications as the day goes', async () => {
    const first = await open();
    f.clock.advance('PT1M');
    const second = await open();
    await f.runtime.claimTask(first.tasks[0]!.id, 'ann');

    let o = await overview('sam');
    expect(o.queues).toEqual([
      {
        group: 'desk',
        tier: 'L1',
        open: 1,
        claimed: 1,
        oldestWaitingAt: new Date(T0 + 60_000).toISOString(),
      },
    ]);
    expect(o.totals).toEqual({ open: 1, claimed: 1, atRisk: 0, breached: 0 });
    expect(o.agents.find((a) => a.username === 'ann')).toMatchObject({
      load: 1,
      groups: ['desk'],
      work: [{ taskId: first.tasks[0]!.id, caseId: first.id, title: 'Triage' }],
    });
    expect(o.agents.map((a) => a.username)).toEqual(['ann', 'bob', 'cat', 'sam']);
    expect(o.throughput).toMatchObject({ casesOpened: 2, casesClosed: 0, tasksCompleted: 0 });

    // 15½ minutes in: the first task is past its warning (15 min), the second (14½) not yet.
    await moveClock(f.runtime, { advance: 'PT14M30S' });
    o = await overview('sam');
    expect(o.totals).toMatchObject({ atRisk: 1, breached: 0 });
    expect(o.risks.map((r) => [r.task.id, r.state])).toEqual([[first.tasks[0]!.id, 'at-risk']]);

    // 30½ minutes: the first breached (supervisors notified), the second at risk; breached first.
    await moveClock(f.runtime, { advance: 'PT15M' });
    o = await overview('sam');
    expect(o.risks.map((r) => [r.task.id, r.state])).toEqual([
      [first.tasks[0]!.id, 'breached'],
      [second.tasks[0]!.id, 'at-risk'],
    ]);
    expect(o.risks[0]).toMatchObject({ caseNumber: expect.stringMatching(/^REQ-/), subject: first.subject });
    expect(o.breaches).toEqual([
      expect.objectContaining({ caseId: first.id, nodeId: 'triage', to: 'group:supervisors' }),
    ]);
    // The admin sees every breach notification; an admin is not notified here, so those are sam's.
    expect((await overview('root')).breaches.map((b) => b.caseId)).toEqual([first.id]);

    await f.runtime.completeTask(first.tasks[0]!.id, { outcome: 'resolved' }, 'ann');
    o = await overview('sam');
    expect(o.throughput).toEqual({
      casesOpened: 2,
      casesClosed: 1,
      tasksCompleted: 1,
      byGroup: [{ group: 'desk', completed: 1 }],
    });
    expect(o.totals).toEqual({ open: 1, claimed: 0, atRisk: 1, breached: 0 });
    expect(o.agents.find((a) => a.username === 'ann')).toMatchObject({ load: 0, work: [] });
    // Today starts later: nothing was done since.
    const later = await supervisorOverview(f.store, 'sam', { now: f.clock.now(), since: f.clock.now() + 1 });
    expect(later.throughput.tasksCompleted).toBe(0);
  });

  it('lets a supervisor reassign a task within its group, recorded on the timeline', async () => {
    await f.store.users.create({
      username: 'dan',
      passwordHash: 'x',
      roles: ['agent'],
      groups: ['desk'],
      createdAt: T0,
    });
    const c = await open();
    const task = c.tasks[0]!;
    await f.runtime.claimTask(task.id, 'ann');
    await expect(f.runtime.delegateTask(task.id, 'dan', 'bob')).rejects.toMatchObject({ status: 403 });
    await expect(f.runtime.delegateTask(task.id, 'bob', 'sam')).rejects.toMatchObject({ status: 422 });
    expect(await f.runtime.delegateTask(task.id, 'dan', 'sam')).toMatchObject({ assignee: 'dan' });
    const entry = (await f.runtime.timeline(c.id)).find((e) => e.type === 'task.delegated');
    expect(entry).toMatchObject({ actor: 'sam', data: { from: 'ann', to: 'dan' } });
    expect((await overview('sam')).agents.find((a) => a.username === 'dan')?.load).toBe(1);
  });

  it("shows agents' presence and capacity as routing keeps them", async () => {
    await setPresence(f.store, 'ann', 'ann', 'online', f.clock.now());
    await setPresence(f.store, 'sam', 'bob', 'away', f.clock.now());
    const agents = (await overview('sam')).agents;
    expect(agents.find((a) => a.username === 'ann')).toMatchObject({
      presence: 'online',
      presenceAt: new Date(T0).toISOString(),
      capacity: 5,
    });
    expect(agents.find((a) => a.username === 'bob')?.presence).toBe('away');
    expect(agents.find((a) => a.username === 'cat')).toMatchObject({ presence: 'offline', presenceAt: null });
  });

  it("lets supervisors pause and resume a group's assignment, keeping its other settings", async () => {
    await f.store.transaction((tx) =>
      saveGroupRouting(tx, 'root', 'desk', { mode: 'round-robin', offerTimeout: 'PT1M' }, T0),
    );
    const pause = (actor: string, group: string, paused: boolean) =>
      setGroupPaused(f.store, actor, group, paused, f.clock.now());
    await expect(pause('ann', 'desk', true)).rejects.toMatchObject({ status: 403 });
    await expect(pause('sam', 'nope', true)).rejects.toMatchObject({ status: 404 });
    expect(await pause('sam', 'desk', true)).toEqual({
      mode: 'round-robin',
      offerTimeout: 'PT1M',
      paused: true,
    });
    expect(await f.store.routing.groupRouting('desk')).toMatchObject({ paused: true, updatedBy: 'sam' });
    const groups = (await overview('sam')).groups;
    expect(groups.find((g) => g.name === 'desk')).toMatchObject({ mode: 'round-robin', paused: true });
    expect(groups.find((g) => g.name === 'ops')).toMatchObject({ mode: 'manual', paused: false });
    expect(await pause('root', 'desk', false)).toEqual({ mode: 'round-robin', offerTimeout: 'PT1M' });
    expect(await pause('sam', 'ops', true)).toEqual({ mode: 'manual', paused: true });
  });
});
