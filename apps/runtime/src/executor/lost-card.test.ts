import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type CoreBankingStub, startCoreBankingStub } from '../../../../examples/core-banking/stub';
import { exampleCalendars, exampleFlow } from '../../../../examples/index';
import { moveClock } from './runtime';
import { type RuntimeFixture, runtimeFixture, T0 } from './test-support/runtime-fixture';

/*
 * The lost-card example end to end through the runtime (real SQLite, real HTTP stub):
 *
 *   start → freeze (http) → verify (subflow fraud-check) → fraud? → triage
 *         → approve-replacement (quorum 2 of card-ops) → replace ⟨issue-card | notify → cool-off⟩
 *         → replaced (join) → tell-customer → csat → watch-list → closed
 */
describe('lost-card example through the runtime', () => {
  let f: RuntimeFixture;
  let bank: CoreBankingStub;

  beforeEach(async () => {
    bank = await startCoreBankingStub({ host: '127.0.0.1' });
    f = await runtimeFixture({ calendars: exampleCalendars, flowEnv: { CORE_BANKING_URL: bank.url } });
    for (const name of ['service-desk', 'card-ops', 'fraud']) {
      await f.store.groups.create({ name, description: '', createdAt: T0 });
    }
    await f.store.users.update('ann', { groups: ['service-desk'] });
    await f.store.users.update('bob', { groups: ['card-ops'] });
    await f.store.users.update('cat', { groups: ['card-ops'] });
    await f.runtime.connections.create(
      { username: 'admin', roles: ['admin'] },
      { name: 'core-banking', baseUrl: bank.url, auth: { kind: 'none' } },
    );
    for (const key of ['fraud-check', 'lost-card']) await f.publish(exampleFlow(key));
  });
  afterEach(async () => {
    await f.dispose();
    await bank.close();
  });

  it('runs from the report to a resolved case with a survey and the customer on the watch list', async () => {
    const opened = await f.runtime.openCase({
      flow: 'lost-card',
      customerId: 'cu-1',
      channel: 'phone',
      subject: 'Lost my card',
      variables: { cardLast4: '4242', suspiciousTransactions: 0 },
      actor: 'ann',
    });
    expect(opened.activeNodes).toEqual(['freeze']);

    // The freeze call goes out; its result, the fraud-check child (clear at once) and the
    // decision all land in the transaction that settles the call.
    await f.runtime.dispatchOutbox();
    expect(bank.calls).toHaveLength(1);
    expect(bank.calls[0]).toMatchObject({ customerId: 'cu-1', status: 200 });
    expect(bank.calls[0]!.idempotencyKey).toBeTruthy();
    let c = (await f.runtime.getCase(opened.id))!;
    expect(c.activeNodes).toEqual(['triage']);
    const child = (await f.store.cases.list({ parentCaseId: c.id })).items[0]!;
    expect(child).toMatchObject({ flow: 'fraud-check', status: 'resolved' });

    await f.runtime.addMessage(c.id, { channel: 'phone', body: 'We froze it', from: 'agent', author: 'ann' });
    const triage = c.tasks.find((t) => t.nodeId === 'triage' && t.status === 'open')!;
    c = await f.runtime.completeTask(triage.id, { outcome: 'replace-card', values: { note: 'ok' } }, 'ann');
    const votes = c.tasks.filter((t) => t.kind === 'approval' && t.status === 'open');
    expect(votes.map((t) => t.assignee).sort()).toEqual(['bob', 'cat']);
    await f.runtime.completeTask(votes[0]!.id, { outcome: 'approve' }, votes[0]!.assignee!);
    c = await f.runtime.completeTask(votes[1]!.id, { outcome: 'approve' }, votes[1]!.assignee!);
    expect(c.activeNodes.sort()).toEqual(['cool-off', 'issue-card']);

    const issue = c.tasks.find((t) => t.nodeId === 'issue-card' && t.status === 'open')!;
    await f.runtime.claimTask(issue.id, 'bob');
    c = await f.runtime.completeTask(issue.id, { outcome: 'issued' }, 'bob');
    expect(c.status).toBe('open');
    await moveClock(f.runtime, { advance: 'PT1H' });

    c = (await f.runtime.getCase(c.id))!;
    expect(c.status).toBe('resolved');
    expect(c.surveys).toEqual([expect.objectContaining({ kind: 'csat', answered: false })]);
    expect(c.slas.find((s) => s.id === 'response')).toMatchObject({ status: 'met' });
    const customer = (await f.store.customers.get('cu-1'))!;
    expect(customer.tags).toContain('watch-list');
    expect(customer.attributes.lastIncident).toBe('lost-card');

    await f.runtime.dispatchOutbox();
    const outbox = await f.runtime.outboxEntries(c.id);
    expect(outbox.every((r) => r.status === 'delivered')).toBe(true);
    expect(outbox.map((r) => r.kind).sort()).toEqual(['http', 'notify', 'notify', 'survey']);
    expect(await f.store.timers.listByCase(c.id)).toEqual([]);
    expect((await f.runtime.timeline(c.id)).at(-1)).toMatchObject({ type: 'case.closed' });
  });

  it('hands the freeze to a person when core banking stays down', async () => {
    bank.failNext(10);
    const opened = await f.runtime.openCase({
      flow: 'lost-card',
      customerId: 'cu-1',
      channel: 'phone',
      variables: { cardLast4: '4242', suspiciousTransactions: 0 },
      actor: 'ann',
    });
    for (let i = 0; i < 4; i++) {
      await f.runtime.dispatchOutbox();
      await moveClock(f.runtime, { advance: 'PT1M' });
    }
    expect(bank.calls).toHaveLength(4);
    const c = (await f.runtime.getCase(opened.id))!;
    expect(c.activeNodes).toEqual(['manual-freeze']);
    expect((await f.runtime.outboxEntries(c.id))[0]).toMatchObject({
      kind: 'http',
      status: 'dead',
      attempts: 4,
    });
  });
});
