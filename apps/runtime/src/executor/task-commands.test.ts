import type { FlowDefinitionInput } from '@caseflow/schema';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type RuntimeFixture, runtimeFixture, T0 } from './test-support/runtime-fixture';

/** start → approve (group ops, quorum of 2) → approved: done | rejected: refused. */
const quorumFlow: FlowDefinitionInput = {
  key: 'quorum',
  name: 'Quorum',
  nodes: [
    { id: 'start', type: 'start' },
    { id: 'approve', type: 'approval', approvers: { group: 'ops' }, policy: { kind: 'quorum', count: 2 } },
    { id: 'done', type: 'end' },
    { id: 'refused', type: 'end', outcome: 'rejected' },
  ],
  edges: [
    { from: 'start', to: 'approve' },
    { from: 'approve', to: 'done', on: 'approved' },
    { from: 'approve', to: 'refused', on: 'rejected' },
  ],
};

describe('task commands: four eyes', () => {
  let f: RuntimeFixture;
  beforeEach(async () => {
    f = await runtimeFixture();
    await f.publish(quorumFlow);
  });
  afterEach(async () => f.dispose());

  const open = async () => {
    const c = await f.runtime.openCase({ flow: 'quorum', customerId: 'cu-1', channel: 'web', actor: 'ann' });
    const ballotOf = Object.fromEntries(c.tasks.map((t) => [t.assignee!, t.id]));
    return { id: c.id, ballotOf };
  };

  it('refuses an outcome the task does not have, naming the field and the outcomes it has (400)', async () => {
    const { ballotOf } = await open();
    await expect(f.runtime.completeTask(ballotOf.bob!, { outcome: 'perhaps' }, 'bob')).rejects.toMatchObject({
      status: 400,
      details: { path: 'outcome', allowed: expect.arrayContaining(['approve']) },
    });
  });

  it("refuses to let one approver take another's ballot and vote twice", async () => {
    const { id, ballotOf } = await open();
    await expect(f.runtime.delegateTask(ballotOf.cat!, 'bob', 'bob')).rejects.toMatchObject({ status: 403 });
    await expect(f.runtime.delegateTask(ballotOf.cat!, 'bob', 'cat')).rejects.toMatchObject({
      status: 409,
      details: { reason: 'holds-ballot' },
    });
    await f.runtime.completeTask(ballotOf.bob!, { outcome: 'approve' }, 'bob');
    // Even after bob voted, his cast ballot keeps him from taking cat's.
    await expect(f.runtime.delegateTask(ballotOf.cat!, 'bob', 'cat')).rejects.toMatchObject({ status: 409 });
    expect((await f.runtime.getCase(id))?.activeNodes).toEqual(['approve']);
  });

  it('lets an approver hand the ballot to a group member without one, who then votes', async () => {
    const { id, ballotOf } = await open();
    // Joins ops after the approvers were chosen: a member without a ballot.
    await f.store.users.create({
      username: 'dee',
      passwordHash: 'x',
      roles: ['agent'],
      groups: ['ops'],
      createdAt: T0,
    });
    expect(await f.runtime.delegateTask(ballotOf.cat!, 'dee', 'cat')).toMatchObject({ assignee: 'dee' });
    await f.runtime.completeTask(ballotOf.bob!, { outcome: 'approve' }, 'bob');
    const after = await f.runtime.completeTask(ballotOf.cat!, { outcome: 'approve' }, 'dee');
    expect(after.status).toBe('resolved');
    const votes = (await f.runtime.timeline(id)).filter((e) => e.type === 'approval.vote');
    expect(votes.map((v) => v.data.voter).sort()).toEqual(['bob', 'dee']);
  });

  it('refuses customers and deactivated users as delegates (422)', async () => {
    await f.store.users.create({
      username: 'carla',
      passwordHash: 'x',
      roles: ['customer'],
      groups: ['ops'],
      customerId: 'cu-1',
      createdAt: T0,
    });
    await f.store.users.create({
      username: 'eve',
      passwordHash: 'x',
      roles: ['agent'],
      groups: ['ops'],
      createdAt: T0,
    });
    await f.store.users.update('eve', { active: false });
    const { ballotOf } = await open();
    for (const to of ['carla', 'eve']) {
      await expect(f.runtime.delegateTask(ballotOf.cat!, to, 'cat')).rejects.toMatchObject({
        status: 422,
        code: 'not-eligible',
      });
    }
  });

  it('counts one vote per person even when one person holds two ballots (409 on the second)', async () => {
    const { id, ballotOf } = await open();
    // A state the delegation rules no longer allow (e.g. rows from before them): bob holds both.
    await f.store.tasks.update(ballotOf.cat!, { assignee: 'bob', updatedAt: T0 });
    await f.runtime.completeTask(ballotOf.bob!, { outcome: 'approve' }, 'bob');
    await expect(f.runtime.completeTask(ballotOf.cat!, { outcome: 'approve' }, 'bob')).rejects.toMatchObject({
      status: 409,
      details: { reason: 'voted' },
    });
    expect((await f.runtime.getCase(id))?.status).toBe('open');
  });

  it('refuses task work by a deactivated agent (403)', async () => {
    const { ballotOf } = await open();
    await f.store.users.update('bob', { active: false });
    await expect(f.runtime.completeTask(ballotOf.bob!, { outcome: 'approve' }, 'bob')).rejects.toMatchObject({
      status: 403,
    });
  });
});
