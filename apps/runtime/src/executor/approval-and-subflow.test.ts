import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { approvalFlow, childFlow, parentFlow } from './test-support/flows';
import { type RuntimeFixture, runtimeFixture } from './test-support/runtime-fixture';

describe('approvals', () => {
  let f: RuntimeFixture;
  beforeEach(async () => {
    f = await runtimeFixture();
    await f.publish(approvalFlow);
  });
  afterEach(async () => f.dispose());

  const open = () =>
    f.runtime.openCase({ flow: 'approval', customerId: 'cu-1', channel: 'web', actor: 'ann' });

  it('resolves approvers as the group members plus listed users and creates one approval task each', async () => {
    const c = await open();
    const approvals = c.tasks.filter((t) => t.kind === 'approval');
    expect(approvals.map((t) => t.assignee).sort()).toEqual(['ann', 'bob', 'cat']);
    expect(approvals.every((t) => t.status === 'open' && t.outcomes.join() === 'approve,reject')).toBe(true);
    // Assignment happened in the opening transaction: one revision.
    expect(c.revision).toBe(1);
  });

  it('decides by policy "all": stays open until every approver approved, then resolves', async () => {
    const c = await open();
    const byUser = Object.fromEntries(c.tasks.map((t) => [t.assignee, t.id]));
    let after = await f.runtime.completeTask(byUser.bob!, { outcome: 'approve' }, 'bob');
    expect(after.status).toBe('open');
    after = await f.runtime.completeTask(byUser.ann!, { outcome: 'approve' }, 'ann');
    expect(after.status).toBe('open');
    after = await f.runtime.completeTask(byUser.cat!, { outcome: 'approve' }, 'cat');
    expect(after.status).toBe('resolved');
  });

  it('closes as rejected on one rejection and cancels the remaining approval tasks', async () => {
    const c = await open();
    const byUser = Object.fromEntries(c.tasks.map((t) => [t.assignee, t.id]));
    const after = await f.runtime.completeTask(byUser.cat!, { outcome: 'reject' }, 'cat');
    expect(after.status).toBe('rejected');
    const statuses = Object.fromEntries(after.tasks.map((t) => [t.assignee, t.status]));
    expect(statuses).toEqual({ cat: 'completed', ann: 'cancelled', bob: 'cancelled' });
  });

  it('lets only the assigned approver vote, and only approve or reject', async () => {
    const c = await open();
    const bobs = c.tasks.find((t) => t.assignee === 'bob')!;
    await expect(f.runtime.completeTask(bobs.id, { outcome: 'approve' }, 'cat')).rejects.toMatchObject({
      status: 409,
    });
    await expect(f.runtime.completeTask(bobs.id, { outcome: 'maybe' }, 'bob')).rejects.toMatchObject({
      status: 400,
      details: { allowed: ['approve', 'reject'] },
    });
  });
});

describe('subflows', () => {
  let f: RuntimeFixture;
  beforeEach(async () => {
    f = await runtimeFixture();
    await f.publish(childFlow);
    await f.publish(parentFlow);
  });
  afterEach(async () => f.dispose());

  it('opens a child case linked to its parent and moves the parent on when the child closes', async () => {
    const parent = await f.runtime.openCase({
      flow: 'lost-card',
      customerId: 'cu-1',
      channel: 'phone',
      actor: 'ann',
    });
    expect(parent.activeNodes).toEqual(['verify']);
    const children = await f.store.cases.list({ parentCaseId: parent.id });
    expect(children.items).toHaveLength(1);
    const child = children.items[0]!;
    expect(child).toMatchObject({
      flow: 'fraud-check',
      parentCaseId: parent.id,
      parentNodeId: 'verify',
      status: 'open',
    });
    expect(child.variables).toMatchObject({ reporter: 'cu-1' });

    const childCase = (await f.runtime.getCase(child.id))!;
    const done = await f.runtime.completeTask(childCase.tasks[0]!.id, { outcome: 'clean' }, 'bob');
    expect(done.status).toBe('resolved');

    // The parent moved on in the same transaction as the child's completion.
    const after = (await f.runtime.getCase(parent.id))!;
    expect(after.activeNodes).toEqual(['wrap-up']);
    expect(after.tasks.find((t) => t.nodeId === 'wrap-up')).toMatchObject({ status: 'open', group: 'desk' });
    expect((await f.runtime.timeline(parent.id)).map((e) => e.type)).toContain('subflow.started');
  });

  it('cancels the open child when the parent is cancelled', async () => {
    const parent = await f.runtime.openCase({
      flow: 'lost-card',
      customerId: 'cu-1',
      channel: 'phone',
      actor: 'ann',
    });
    const child = (await f.store.cases.list({ parentCaseId: parent.id })).items[0]!;
    await f.runtime.cancelCase(parent.id, 'customer found the card', 'ann');
    expect((await f.runtime.getCase(child.id))!.status).toBe('cancelled');
  });

  it('fails the subflow step at once when the child flow has no active version', async () => {
    await f.store.flows.setActiveVersion('fraud-check', null, Date.now());
    const parent = await f.runtime.openCase({
      flow: 'lost-card',
      customerId: 'cu-1',
      channel: 'phone',
      actor: 'ann',
    });
    expect((await f.store.cases.list({ parentCaseId: parent.id })).items).toHaveLength(0);
    expect((await f.runtime.timeline(parent.id)).map((e) => e.type)).toContain('subflow.failed');
  });
});
