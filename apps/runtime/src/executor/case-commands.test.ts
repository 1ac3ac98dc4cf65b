import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppError } from './errors';
import { supportFlow } from './test-support/flows';
import { type RuntimeFixture, runtimeFixture, T0 } from './test-support/runtime-fixture';

describe('case commands', () => {
  let f: RuntimeFixture;
  beforeEach(async () => {
    f = await runtimeFixture();
    await f.publish(supportFlow);
  });
  afterEach(async () => f.dispose());

  const open = () =>
    f.runtime.openCase({
      flow: 'support',
      customerId: 'cu-1',
      channel: 'email',
      subject: 'Card lost',
      actor: 'ann',
    });

  it('opens a case on the active version with its first task, SLA clocks and timers in one transaction', async () => {
    const c = await open();
    expect(c).toMatchObject({
      flow: 'support',
      version: 1,
      status: 'open',
      activeNodes: ['triage'],
      customerId: 'cu-1',
      channel: 'email',
      subject: 'Card lost',
      revision: 1,
      pilotId: null,
      cohort: null,
      closedAt: null,
      createdAt: new Date(T0).toISOString(),
    });
    expect(c.tasks).toEqual([
      expect.objectContaining({ nodeId: 'triage', status: 'open', tier: 'L1', group: 'desk', kind: 'task' }),
    ]);
    expect(c.slas.map((s) => [s.scope, s.status, s.target])).toEqual(
      expect.arrayContaining([
        ['case', 'running', 'PT1H'],
        ['task', 'running', 'PT30M'],
      ]),
    );
    const timers = await f.store.timers.listByCase(c.id);
    expect(timers.length).toBeGreaterThanOrEqual(2);
    const types = (await f.runtime.timeline(c.id)).map((e) => e.type);
    expect(types[0]).toBe('case.opened');
    expect(types).toContain('task.created');
    expect(types).toContain('sla.started');
    expect(types.filter((t) => t === 'case.opened')).toHaveLength(1);
  });

  it('completes a task with form values, moves the case to its end and closes it', async () => {
    const c = await open();
    const taskId = c.tasks[0]!.id;
    f.clock.advance('PT10M');
    const done = await f.runtime.completeTask(
      taskId,
      { outcome: 'resolved', values: { note: 'found it' } },
      'ann',
    );
    expect(done).toMatchObject({ status: 'resolved', activeNodes: [], revision: 2 });
    expect(done.closedAt).toBe(new Date(T0 + 10 * 60_000).toISOString());
    expect(done.tasks[0]).toMatchObject({ status: 'completed' });
    expect(done.slas.find((s) => s.scope === 'task')).toMatchObject({
      status: 'met',
      elapsedMs: 10 * 60_000,
    });
    expect(await f.store.timers.listByCase(c.id)).toEqual([]);
    const timeline = await f.runtime.timeline(c.id);
    expect(timeline.find((e) => e.type === 'task.completed')).toMatchObject({ actor: 'ann' });
    expect(timeline.at(-1)).toMatchObject({ type: 'case.closed', data: { outcome: 'resolved' } });
    // The sequence numbers are dense and ordered.
    expect(timeline.map((e) => e.seq)).toEqual(timeline.map((_, i) => i + 1));
    // A customer sees only public entries.
    const pub = await f.runtime.timeline(c.id, { publicOnly: true });
    expect(pub.map((e) => e.type)).toEqual(['case.opened', 'case.closed']);
  });

  it('rejects an outcome the task does not offer (400, allowed outcomes) and bad form values (400, fields)', async () => {
    const c = await open();
    const taskId = c.tasks[0]!.id;
    await expect(f.runtime.completeTask(taskId, { outcome: 'nope' }, 'ann')).rejects.toMatchObject({
      status: 400,
      details: { allowed: ['resolved', 'wait'] },
    });
    const bad = await f.runtime
      .completeTask(taskId, { outcome: 'resolved', values: {} }, 'ann')
      .catch((e) => e);
    expect(bad).toBeInstanceOf(AppError);
    expect(bad.status).toBe(400);
    expect(bad.details.fields[0]).toMatchObject({ field: 'note', path: 'values.note' });
    // Nothing was committed.
    expect((await f.runtime.getCase(c.id))!.revision).toBe(1);
  });

  it('answers 404 for an unknown task and 409 for a task that is already completed', async () => {
    const c = await open();
    const taskId = c.tasks[0]!.id;
    await expect(f.runtime.completeTask('nope', { outcome: 'resolved' }, 'ann')).rejects.toMatchObject({
      status: 404,
    });
    await f.runtime.completeTask(taskId, { outcome: 'resolved', values: { note: 'x' } }, 'ann');
    await expect(
      f.runtime.completeTask(taskId, { outcome: 'resolved', values: { note: 'x' } }, 'ann'),
    ).rejects.toMatchObject({ status: 409 });
  });

  it('maps an event the case does not wait for to 409 with the allowed events', async () => {
    const c = await open();
    const error = await f.runtime.signal(c.id, 'customer-replied', {}, 'ann').catch((e) => e);
    expect(error).toMatchObject({ status: 409, code: 'event-not-allowed' });
    expect(error.details.allowed).toContain(`task.complete:${c.tasks[0]!.id}`);
  });

  it('delivers a signal to a waiting node and records it', async () => {
    const c = await open();
    await f.runtime.completeTask(c.tasks[0]!.id, { outcome: 'wait', values: { note: 'asked' } }, 'ann');
    const after = await f.runtime.signal(c.id, 'customer-replied', { text: 'found it' }, 'ann');
    expect(after.status).toBe('resolved');
    const timeline = await f.runtime.timeline(c.id);
    expect(timeline.find((e) => e.type === 'signal')).toMatchObject({ data: { name: 'customer-replied' } });
  });

  const deskAgent = (username: string) =>
    f.store.users.create({ username, passwordHash: 'x', roles: ['agent'], groups: ['desk'], createdAt: T0 });

  it('claims a task for one agent: 409 for another of the group, 403 outside it, idempotent for the holder', async () => {
    await deskAgent('dan');
    const c = await open();
    const taskId = c.tasks[0]!.id;
    expect(await f.runtime.claimTask(taskId, 'ann')).toMatchObject({ status: 'claimed', assignee: 'ann' });
    expect(await f.runtime.claimTask(taskId, 'ann')).toMatchObject({ status: 'claimed', assignee: 'ann' });
    await expect(f.runtime.claimTask(taskId, 'dan')).rejects.toMatchObject({ status: 409 });
    await expect(f.runtime.claimTask(taskId, 'bob')).rejects.toMatchObject({ status: 403 });
    await expect(
      f.runtime.completeTask(taskId, { outcome: 'resolved', values: { note: 'x' } }, 'dan'),
    ).rejects.toMatchObject({ status: 409 });
    expect((await f.runtime.timeline(c.id)).filter((e) => e.type === 'task.claimed')).toHaveLength(1);
  });

  it('delegates a task only to an active agent of its group', async () => {
    await deskAgent('dan');
    const c = await open();
    const taskId = c.tasks[0]!.id;
    await expect(f.runtime.delegateTask(taskId, 'ghost', 'ann')).rejects.toMatchObject({ status: 400 });
    await expect(f.runtime.delegateTask(taskId, 'bob', 'ann')).rejects.toMatchObject({
      status: 422,
      code: 'not-eligible',
    });
    await expect(f.runtime.delegateTask(taskId, 'dan', 'bob')).rejects.toMatchObject({ status: 403 });
    expect(await f.runtime.delegateTask(taskId, 'dan', 'ann')).toMatchObject({
      assignee: 'dan',
      status: 'claimed',
    });
  });

  it('refuses to escalate a task another agent holds (409 naming the holder)', async () => {
    await deskAgent('dan');
    const c = await open();
    const taskId = c.tasks[0]!.id;
    await f.runtime.claimTask(taskId, 'dan');
    await expect(f.runtime.escalateTask(taskId, 'mine now', 'ann')).rejects.toMatchObject({
      status: 409,
      details: { assignee: 'dan' },
    });
    const after = await f.runtime.escalateTask(taskId, 'needs ops', 'dan');
    expect(after.tasks.find((t) => t.id === taskId)?.status).not.toBe('claimed');
  });

  it('escalates a task to the next tier on request', async () => {
    const c = await open();
    const after = await f.runtime.escalateTask(c.tasks[0]!.id, 'needs ops', 'ann');
    const byStatus = Object.fromEntries(after.tasks.map((t) => [t.status, t]));
    expect(byStatus.escalated).toMatchObject({ tier: 'L1' });
    expect(byStatus.open).toMatchObject({ tier: 'L2', group: 'ops' });
    expect((await f.runtime.timeline(c.id)).find((e) => e.type === 'task.escalated')).toMatchObject({
      actor: 'ann',
      data: { fromTier: 'L1', toTier: 'L2', reason: 'needs ops' },
    });
  });

  const customerUser = (username: string, customerId: string) =>
    f.store.users.create({ username, passwordHash: 'x', roles: ['customer'], customerId, createdAt: T0 });

  it('makes the first agent message the first response: firstResponseAt set once, response SLA met', async () => {
    const c = await open();
    await customerUser('cora', 'cu-1');
    f.clock.advance('PT5M');
    await f.runtime.addMessage(c.id, {
      channel: 'email',
      body: 'Where is it?',
      from: 'customer',
      author: 'cora',
    });
    expect((await f.store.cases.get(c.id))!.firstResponseAt).toBeNull();
    f.clock.advance('PT5M');
    const msg = await f.runtime.addMessage(c.id, {
      channel: 'email',
      body: 'On it',
      from: 'agent',
      author: 'ann',
    });
    expect(msg).toMatchObject({ direction: 'out', from: 'agent', caseId: c.id });
    f.clock.advance('PT5M');
    await f.runtime.addMessage(c.id, { channel: 'email', body: 'Update', from: 'agent', author: 'ann' });
    const row = await f.store.cases.get(c.id);
    expect(row!.firstResponseAt).toBe(T0 + 10 * 60_000);
    const response = (await f.runtime.getCase(c.id))!.slas.find((s) => s.scope === 'case');
    expect(response).toMatchObject({ status: 'met', elapsedMs: 10 * 60_000 });
    expect((await f.runtime.timeline(c.id)).filter((e) => e.type === 'message')).toHaveLength(3);
  });

  it('lets a customer write only on their own case, and always as the customer', async () => {
    const c = await open();
    await customerUser('cora', 'cu-1');
    await f.store.customers.create({ id: 'cu-2', name: 'Other', createdAt: T0 });
    await customerUser('otto', 'cu-2');
    const posing = await f.runtime.addMessage(c.id, {
      channel: 'web',
      body: 'hi',
      from: 'agent',
      author: 'cora',
    });
    expect(posing).toMatchObject({ from: 'customer', direction: 'in' });
    expect((await f.store.cases.get(c.id))!.firstResponseAt).toBeNull();
    await expect(
      f.runtime.addMessage(c.id, { channel: 'web', body: 'hi', from: 'customer', author: 'otto' }),
    ).rejects.toMatchObject({ status: 404 });
  });

  it('picks a closed request up again when its customer writes on it, within the reopen window', async () => {
    await customerUser('cora', 'cu-1');
    const cora = (await f.store.users.get('cora'))!;
    const c = await f.runtime.openCase({
      flow: 'support',
      customerId: 'cu-1',
      channel: 'web',
      subject: 'Card lost',
      actor: 'cora',
    });
    expect((await f.runtime.customerCase(c.id, cora)).reopenUntil).toBeNull();
    await f.runtime.cancelCase(c.id, 'answered by phone', 'ann');
    const closedAt = Date.parse((await f.runtime.getCase(c.id))!.closedAt!);
    // CASEFLOW_MAIL_REOPEN_DAYS (7 by default) holds for the portal too.
    expect((await f.runtime.customerCase(c.id, cora)).reopenUntil).toBe(
      new Date(closedAt + 7 * 86_400_000).toISOString(),
    );
    // Staff may still note things on a closed case: that stays where it is.
    const note = await f.runtime.addMessage(c.id, {
      channel: 'web',
      body: 'fyi',
      from: 'agent',
      author: 'ann',
    });
    expect(note.caseId).toBe(c.id);

    f.clock.advance('P2D');
    const again = await f.runtime.addMessage(c.id, {
      // A customer writes from the portal, whatever channel they name.
      channel: 'whatsapp',
      body: 'It happened again',
      from: 'customer',
      author: 'cora',
    });
    expect(again.caseId).not.toBe(c.id);
    const next = (await f.runtime.getCase(again.caseId))!;
    expect(next).toMatchObject({
      flow: 'support',
      status: 'open',
      subject: 'Card lost',
      customerId: 'cu-1',
      channel: 'web',
      createdBy: 'cora',
    });
    expect(again.channel).toBe('web');
    expect(next.variables).toMatchObject({ previousCase: c.id });
    expect((await f.runtime.timeline(c.id)).map((e) => e.type)).toContain('case.continued');
    expect((await f.runtime.timeline(next.id)).find((e) => e.type === 'case.follow-up')).toMatchObject({
      data: { previousCaseId: c.id, reopened: true },
    });
    // Writing on the closed one again joins the follow-up already open: one case, not two.
    const twice = await f.runtime.addMessage(c.id, {
      channel: 'web',
      body: 'Any news?',
      from: 'customer',
      author: 'cora',
    });
    expect(twice.caseId).toBe(next.id);
    expect((await f.store.cases.list({ customerId: 'cu-1', status: 'open' })).items).toHaveLength(1);
    // Her view of the closed one points to it.
    expect((await f.runtime.customerCase(c.id, cora)).continuedIn).toMatchObject({ id: next.id });

    // A case the team opened about her is followed up as the channel's, not hers to withdraw.
    const staffs = await open();
    await f.runtime.cancelCase(staffs.id, 'done', 'ann');
    const onStaffs = await f.runtime.addMessage(staffs.id, {
      body: 'what is this?',
      from: 'customer',
      author: 'cora',
    });
    expect((await f.runtime.getCase(onStaffs.caseId))!.createdBy).toBe('system');
    expect((await f.runtime.customerCase(onStaffs.caseId, cora)).mayWithdraw).toBe(false);

    // Past the window, with no flow taking new web conversations: refused, nothing stored.
    await f.runtime.cancelCase(next.id, 'done', 'ann');
    f.clock.advance('P8D');
    expect((await f.runtime.customerCase(next.id, cora)).reopenUntil).toBeNull();
    const before = (await f.store.cases.list({ customerId: 'cu-1' })).items.length;
    await expect(
      // Naming a channel some flow takes (e-mail) changes nothing: the portal is the web.
      f.runtime.addMessage(next.id, {
        channel: 'email',
        body: 'and again',
        from: 'customer',
        author: 'cora',
      }),
    ).rejects.toMatchObject({ status: 422, code: 'not-eligible' });
    expect((await f.store.cases.list({ customerId: 'cu-1' })).items).toHaveLength(before);
  });

  it("delivers a customer's message as their reply in the message's own transaction", async () => {
    await customerUser('cora', 'cu-1');
    const c = await open();
    // Not waiting yet: the message stands on its own and the case stays where it is.
    const early = await f.runtime.addMessage(c.id, {
      channel: 'web',
      body: 'hello?',
      from: 'customer',
      author: 'cora',
    });
    expect(early.repliedCase).toBeUndefined();
    expect((await f.store.cases.get(c.id))!.status).toBe('open');
    await f.runtime.completeTask(c.tasks[0]!.id, { outcome: 'wait', values: { note: 'asked' } }, 'ann');
    const reply = await f.runtime.addMessage(c.id, {
      channel: 'web',
      body: 'found it',
      from: 'customer',
      author: 'cora',
    });
    expect(reply.repliedCase?.status).toBe('resolved');
    expect((await f.store.cases.get(c.id))!.status).toBe('resolved');
    const timeline = await f.runtime.timeline(c.id);
    expect(timeline.find((e) => e.type === 'signal')).toMatchObject({
      data: { name: 'customer-replied', data: { messageId: reply.id } },
    });
    // An agent's message never counts as the customer's reply.
    const d = await open();
    await f.runtime.completeTask(d.tasks[0]!.id, { outcome: 'wait', values: { note: 'asked' } }, 'ann');
    await f.runtime.addMessage(d.id, { channel: 'web', body: 'any news?', from: 'agent', author: 'ann' });
    expect((await f.store.cases.get(d.id))!.status).toBe('open');
  });

  it('cancels a case: tasks cancelled, timers gone', async () => {
    const c = await open();
    const after = await f.runtime.cancelCase(c.id, 'duplicate', 'ann');
    expect(after.status).toBe('cancelled');
    expect(after.tasks.every((t) => t.status === 'cancelled')).toBe(true);
    expect(await f.store.timers.listByCase(c.id)).toEqual([]);
    // Who cancelled it and why stays on the timeline, before what the cancel stopped.
    const entries = await f.runtime.timeline(c.id);
    const types = entries.map((e) => e.type);
    expect(entries.find((e) => e.type === 'case.cancelled')).toMatchObject({
      actor: 'ann',
      data: { reason: 'duplicate' },
    });
    expect(types.indexOf('case.cancelled')).toBeLessThan(types.indexOf('case.closed'));
    await expect(f.runtime.cancelCase(c.id, 'again', 'ann')).rejects.toMatchObject({ status: 409 });
    expect((await f.runtime.timeline(c.id)).filter((e) => e.type === 'case.cancelled')).toHaveLength(1);
  });

  it('lets only active agents signal or cancel a case, checked in the command', async () => {
    const c = await open();
    await customerUser('cora', 'cu-1');
    await f.store.users.create({ username: 'gone', passwordHash: 'x', roles: ['agent'], createdAt: T0 });
    await f.store.users.update('gone', { active: false });
    for (const actor of ['cora', 'gone', 'nobody']) {
      await expect(f.runtime.signal(c.id, 'customer-replied', {}, actor)).rejects.toMatchObject({
        status: 403,
      });
      if (actor !== 'cora')
        await expect(f.runtime.cancelCase(c.id, 'mine', actor)).rejects.toMatchObject({ status: 403 });
    }
    expect((await f.runtime.getCase(c.id))?.status).toBe('open');
    expect((await f.runtime.timeline(c.id)).some((e) => e.type === 'signal')).toBe(false);
  });

  it("lets a customer withdraw their own request, on their history too, and nobody else's", async () => {
    const c = await open();
    await customerUser('cora', 'cu-1');
    await f.store.customers.create({ id: 'cu-2', name: 'Other', createdAt: T0 });
    await customerUser('otto', 'cu-2');
    // Another customer's case does not exist for otto: the same 404 as an unknown id.
    await expect(f.runtime.cancelCase(c.id, 'not mine', 'otto')).rejects.toMatchObject({ status: 404 });
    // ann opened this one about cora: the team's to close, not hers.
    await expect(f.runtime.cancelCase(c.id, 'stop it', 'cora')).rejects.toMatchObject({ status: 403 });
    expect((await f.runtime.getCase(c.id))?.status).toBe('open');

    const own = await f.runtime.openCase({
      flow: 'support',
      customerId: 'cu-1',
      channel: 'web',
      subject: 'Card lost',
      actor: 'cora',
    });
    const after = await f.runtime.cancelCase(own.id, 'found my card', 'cora');
    expect(after.status).toBe('cancelled');
    expect(after.tasks.every((t) => t.status === 'cancelled')).toBe(true);
    const history = await f.runtime.timeline(own.id, { publicOnly: true });
    expect(history.find((e) => e.type === 'case.cancelled')).toMatchObject({
      data: { reason: 'found my card' },
    });
    expect(history.map((e) => e.type)).toContain('case.closed');
    await expect(f.runtime.cancelCase(own.id, 'again', 'cora')).rejects.toMatchObject({ status: 409 });

    // An agent's cancellation stays internal: its reason is the team's words.
    const d = await open();
    await f.runtime.cancelCase(d.id, 'duplicate of another', 'ann');
    expect((await f.runtime.timeline(d.id, { publicOnly: true })).map((e) => e.type)).not.toContain(
      'case.cancelled',
    );
  });

  it('refuses unknown flows (404), unknown versions (404), unknown customers (400)', async () => {
    const base = { customerId: 'cu-1', channel: 'web' as const, actor: 'ann' };
    await expect(f.runtime.openCase({ ...base, flow: 'nope' })).rejects.toMatchObject({ status: 404 });
    await expect(f.runtime.openCase({ ...base, flow: 'support', version: 9 })).rejects.toMatchObject({
      status: 404,
    });
    await expect(f.runtime.openCase({ ...base, flow: 'support', customerId: 'ghost' })).rejects.toMatchObject(
      {
        status: 400,
      },
    );
  });
});
