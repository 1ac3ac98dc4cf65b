import { type CompiledFlow, compileFlow, Simulator, validateFlow } from '@caseflow/engine';
import { BusinessCalendar, CatalogItem, type Effect, FlowDefinition } from '@caseflow/schema';
import { describe, expect, it } from 'vitest';
import { exampleCalendars, exampleCatalog, exampleFlows } from './index';

// Monday 2026-01-05 10:00 in Berlin: inside the business calendar's hours.
const MONDAY_10 = Date.parse('2026-01-05T09:00:00Z');
const flows: Record<string, CompiledFlow> = Object.fromEntries(
  exampleFlows.map((f) => [f.key, compileFlow(f, { calendars: exampleCalendars })]),
);

function simulator(http: 'ok' | 'fail' | 'pending' = 'ok') {
  return new Simulator({
    flows,
    now: MONDAY_10,
    env: { CORE_BANKING_URL: 'http://core.test' },
    ...(http === 'pending'
      ? {}
      : {
          http: () =>
            http === 'ok' ? { ok: true, status: 200, result: { frozen: true } } : { ok: false, status: 503 },
        }),
  });
}

const types = (effects: Effect[]) =>
  effects.map((e) => (e.type === 'audit' ? `audit:${e.entry.type}` : e.type));
const of = <T extends Effect['type']>(effects: Effect[], type: T) =>
  effects.filter((e): e is Extract<Effect, { type: T }> => e.type === type);

function lostCard(
  sim: Simulator,
  variables: Record<string, unknown> = { cardLast4: '4242', suspiciousTransactions: 0 },
) {
  return sim.open('lost-card', {
    customerId: 'c-1001',
    channel: 'phone',
    subject: 'Lost my card',
    variables,
  });
}

/** Every task a case created ended: completed, cancelled or escalated into a successor. */
function expectNoTaskLeftBehind(sim: Simulator, caseId: string) {
  const effects = sim.case(caseId).effects;
  const created = [
    ...of(effects, 'task.create').map((e) => e.task.taskId),
    ...of(effects, 'task.escalate').map((e) => e.task.taskId),
  ];
  const ended = new Set([
    ...of(effects, 'task.cancel').map((e) => e.taskId),
    ...of(effects, 'task.escalate').map((e) => e.taskId),
    ...effects.flatMap((e) =>
      e.type === 'audit' && e.entry.type === 'task.completed' ? [String(e.entry.data.taskId)] : [],
    ),
  ]);
  expect(created.filter((id) => !ended.has(id))).toEqual([]);
  expect(sim.pendingTimers().filter((t) => t.caseId === caseId)).toEqual([]);
}

describe('example data', () => {
  it('is valid against the schemas and has no problems', () => {
    for (const flow of exampleFlows) {
      FlowDefinition.parse(flow);
      expect(validateFlow(flow, { calendars: ['business'], flows: exampleFlows.map((f) => f.key) })).toEqual(
        [],
      );
    }
    for (const item of exampleCatalog) {
      CatalogItem.parse(item);
      expect(exampleFlows.map((f) => f.key)).toContain(item.flow);
    }
    for (const calendar of exampleCalendars) BusinessCalendar.parse(calendar);
  });
});

describe('lost-card', () => {
  it('freezes, checks fraud, triages, replaces the card with a quorum and closes with a survey', () => {
    const sim = simulator();
    const id = lostCard(sim);
    const call = of(sim.case(id).effects, 'http.call')[0]!;
    // The call names the connection; the runtime adds base URL and credentials at delivery.
    expect(call).toMatchObject({ url: '', connection: 'core-banking', path: '/accounts/c-1001/freeze' });
    expect(call.headers).not.toHaveProperty('authorization');
    expect(call.body).toEqual({ reason: 'lost-card', caseId: id, cardLast4: '4242' });
    expect(sim.view(id).results.verify).toEqual({ outcome: 'resolved', result: 'clear' });

    const triage = sim.task('triage');
    expect(triage).toMatchObject({
      tier: 'L1',
      group: 'service-desk',
      outcomes: ['replace-card', 'await-customer', 'no-action'],
    });
    sim.complete(triage.taskId, 'replace-card', { note: 'customer is abroad' });

    const votes = sim.tasks(id).filter((t) => t.kind === 'approval');
    expect(votes.map((t) => t.assignee)).toEqual(['card-ops-1', 'card-ops-2', 'card-ops-3']);
    sim.complete(votes[0]!.taskId, 'approve');
    sim.complete(votes[1]!.taskId, 'reject');
    expect(sim.view(id).activeNodes).toEqual(['approve-replacement']);
    sim.complete(votes[2]!.taskId, 'approve');
    expect(sim.view(id).results['approve-replacement']).toMatchObject({ result: 'approved' });

    expect(sim.view(id).activeNodes.sort()).toEqual(['cool-off', 'issue-card']);
    sim.complete(sim.task('issue-card').taskId, 'issued');
    expect(sim.view(id).activeNodes).toEqual(['cool-off']);
    sim.advance('PT1H');

    const view = sim.view(id);
    expect(view.status).toBe('resolved');
    const effects = sim.case(id).effects;
    expect(of(effects, 'notify').map((n) => n.template)).toEqual([
      'replacement-in-progress',
      'card-replaced',
    ]);
    expect(of(effects, 'survey.send')).toMatchObject([{ kind: 'csat', to: 'customer' }]);
    expect(of(effects, 'customer.update')).toMatchObject([
      { addTags: ['watch-list'], attributes: { lastIncident: 'lost-card' } },
    ]);
    expect(of(effects, 'case.close')).toEqual([
      { type: 'case.close', outcome: 'resolved', nodeId: 'closed' },
    ]);
    expect(view.slas.find((s) => s.slaId === 'resolution')?.status).toBe('met');
    expectNoTaskLeftBehind(sim, id);
  });

  it('falls back to a manual freeze when core banking fails', () => {
    const sim = simulator('fail');
    const id = lostCard(sim);
    expect(sim.view(id).results.freeze).toMatchObject({ ok: false, status: 503 });
    const manual = sim.task('manual-freeze');
    expect(manual.tier).toBe('L2');
    sim.complete(manual.taskId, 'frozen');
    expect(sim.view(id).activeNodes).toEqual(['triage']);
  });

  it('sends suspected fraud to the L3 specialists through the fraud-check subflow', () => {
    const sim = simulator();
    const id = lostCard(sim, { cardLast4: '4242', suspiciousTransactions: 2 });
    const assess = sim.task('assess');
    expect(assess.tier).toBe('L3');
    sim.complete(assess.taskId, 'fraud');
    expect(sim.view(id).results.verify).toEqual({ outcome: 'resolved', result: 'fraud' });
    const review = sim.task('fraud-review');
    expect(review).toMatchObject({ tier: 'L3', group: 'fraud' });
    sim.complete(review.taskId, 'false-alarm');
    expect(sim.view(id).activeNodes).toEqual(['triage']);
  });

  it('replaces the card at once when the fraud is confirmed', () => {
    const sim = simulator();
    const id = lostCard(sim, { cardLast4: '4242', suspiciousTransactions: 1 });
    sim.complete(sim.task('assess').taskId, 'clear');
    expect(sim.view(id).activeNodes).toEqual(['triage']);
    const other = lostCard(sim, { cardLast4: '1111', suspiciousTransactions: 3 });
    sim.complete(sim.tasks().find((t) => t.nodeId === 'assess')!.taskId, 'fraud');
    sim.complete(sim.task('fraud-review').taskId, 'confirmed', { amountAtRisk: 120 });
    expect(sim.view(other).activeNodes.sort()).toEqual(['cool-off', 'issue-card']);
  });

  it('waits for the customer with the resolution clock paused, and gives up after three days', () => {
    const sim = simulator();
    const id = lostCard(sim);
    sim.complete(sim.task('triage').taskId, 'await-customer');
    expect(sim.view(id).slas.find((s) => s.slaId === 'resolution')?.status).toBe('paused');
    sim.signal(id, 'customer-replied', { text: 'found the receipt' });
    expect(sim.view(id).results['await-customer']).toMatchObject({ signal: 'customer-replied' });
    expect(sim.view(id).slas.find((s) => s.slaId === 'resolution')?.status).toBe('running');

    sim.complete(sim.task('triage').taskId, 'await-customer');
    sim.advance('P3D');
    expect(sim.view(id).status).toBe('cancelled');
    expect(of(sim.case(id).effects, 'notify').map((n) => n.template)).toContain('case-closed-no-reply');
    expectNoTaskLeftBehind(sim, id);
  });

  it('rejects the replacement when two of three approvers reject', () => {
    const sim = simulator();
    const id = lostCard(sim);
    sim.complete(sim.task('triage').taskId, 'replace-card');
    const [a, b, c] = sim.tasks(id);
    sim.complete(a!.taskId, 'reject');
    sim.complete(b!.taskId, 'reject');
    expect(sim.view(id).status).toBe('rejected');
    expect(of(sim.case(id).effects, 'task.cancel').map((t) => t.taskId)).toContain(c!.taskId);
    expect(of(sim.case(id).effects, 'notify').map((n) => n.template)).toContain('replacement-rejected');
    expectNoTaskLeftBehind(sim, id);
  });

  it('goes back to triage when the approvers do not decide within a day', () => {
    const sim = simulator();
    const id = lostCard(sim);
    sim.complete(sim.task('triage').taskId, 'replace-card');
    sim.advance('P1D');
    expect(sim.view(id).results['approve-replacement']).toMatchObject({ result: 'timeout' });
    expect(sim.view(id).activeNodes).toEqual(['triage']);
  });

  it('warns, then escalates triage L1 → L2 → L3 on SLA breaches, then notifies at the top', () => {
    const sim = simulator();
    const id = lostCard(sim);
    sim.complete(sim.task('triage').taskId, 'no-action');
    const again = lostCard(sim);
    const first = sim.tasks(again).find((t) => t.nodeId === 'triage')!;
    sim.advance('PT15M');
    expect(of(sim.case(again).effects, 'sla.warning')).toMatchObject([
      { slaId: `${first.taskId}.sla`, fraction: 0.5 },
    ]);
    sim.advance('PT15M');
    const l2 = sim.tasks(again).find((t) => t.nodeId === 'triage')!;
    expect(l2).toMatchObject({ tier: 'L2', group: 'card-ops' });
    expect(of(sim.case(again).effects, 'task.escalate')[0]).toMatchObject({
      taskId: first.taskId,
      fromTier: 'L1',
      toTier: 'L2',
      reason: 'SLA breached',
    });
    sim.advance('PT30M');
    expect(sim.tasks(again).find((t) => t.nodeId === 'triage')).toMatchObject({ tier: 'L3', group: 'fraud' });
    sim.advance('PT30M');
    const notes = of(sim.case(again).effects, 'notify');
    expect(notes.filter((n) => n.template === 'escalation-top-tier').map((n) => n.to)).toEqual([
      'group:fraud',
    ]);
    // Every breach also tells the supervisors the SLA names: L1, L2 and L3.
    expect(notes.filter((n) => n.template === 'sla-breached').map((n) => n.to)).toEqual([
      'group:supervisors',
      'group:supervisors',
      'group:supervisors',
    ]);
    expect(sim.tasks(again).find((t) => t.nodeId === 'triage')?.tier).toBe('L3');
    expect(sim.view(id).status).toBe('resolved');
  });

  it('lets an agent escalate by hand and counts business hours only', () => {
    const sim = simulator();
    const id = lostCard(sim);
    sim.escalate(sim.task('triage').taskId, 'card used abroad');
    expect(sim.task('triage')).toMatchObject({ tier: 'L2' });
    // Friday-evening style check: the resolution SLA (8 business hours) is due next morning.
    const resolution = sim.view(id).slas.find((s) => s.slaId === 'resolution')!;
    expect(new Date(resolution.dueAt!).toISOString()).toBe('2026-01-06T09:00:00.000Z');
  });

  it('breaches the case resolution SLA, escalating open work and telling the supervisors', () => {
    const sim = simulator();
    const id = lostCard(sim);
    // 8 business hours from Monday 10:00 in Berlin: due Tuesday 10:00.
    sim.advance('PT24H');
    const effects = sim.case(id).effects;
    expect(
      of(effects, 'sla.warning')
        .filter((w) => w.slaId === 'resolution')
        .map((w) => w.fraction),
    ).toEqual([0.5, 0.8]);
    expect(of(effects, 'sla.breach').map((b) => b.slaId)).toContain('resolution');
    expect(
      of(effects, 'notify').some((n) => n.to === 'group:supervisors' && n.template === 'sla-breached'),
    ).toBe(true);
    // Triage already sits on the top tier by then (its own SLA escalated it twice): it notifies.
    const capped = of(effects, 'audit').filter((a) => a.entry.type === 'task.escalation-capped');
    expect(capped.map((a) => a.entry.data.reason)).toContain('case SLA "resolution" breached');
  });
});

describe('password-reset', () => {
  const request = (accountType: string) => ({
    customerId: 'c-1002',
    channel: 'web' as const,
    variables: { request: { username: 'ben', accountType, contact: 'ben@example.com' } },
  });

  it('resets a standard account, waits for the confirmation and asks for effort (CES)', () => {
    const sim = simulator();
    const id = sim.open('password-reset', request('standard'));
    const reset = sim.task('reset');
    expect(reset.title).toBe('Reset the password of ben');
    sim.complete(reset.taskId, 'done', { ticket: 'IAM-7' });
    expect(sim.view(id).activeNodes).toEqual(['grace']);
    sim.advance('PT15M');
    expect(sim.view(id).activeNodes).toEqual(['await-confirmation']);
    sim.signal(id, 'customer-confirmed');
    expect(sim.view(id).status).toBe('resolved');
    expect(of(sim.case(id).effects, 'survey.send')).toMatchObject([{ kind: 'ces' }]);
    expectNoTaskLeftBehind(sim, id);
  });

  it('closes on its own when the customer never confirms', () => {
    const sim = simulator();
    const id = sim.open('password-reset', request('standard'));
    sim.complete(sim.task('reset').taskId, 'done');
    sim.advance('PT15M');
    sim.advance('P2D');
    expect(sim.view(id).status).toBe('resolved');
    expect(sim.view(id).results['await-confirmation']).toMatchObject({ result: 'timeout' });
  });

  it('needs two approvals for a privileged account', () => {
    const sim = simulator();
    const id = sim.open('password-reset', request('privileged'));
    const votes = sim.tasks(id);
    expect(votes[0]?.title).toBe('Approve a privileged password reset for ben');
    sim.complete(votes[0]!.taskId, 'approve');
    sim.complete(votes[1]!.taskId, 'approve');
    expect(sim.view(id).activeNodes).toEqual(['reset']);
    expect(of(sim.case(id).effects, 'task.cancel').map((t) => t.taskId)).toEqual([votes[2]!.taskId]);
  });

  it('refuses a privileged reset when approvals are refused or time out', () => {
    const sim = simulator();
    const refused = sim.open('password-reset', request('privileged'));
    const [a, b] = sim.tasks(refused);
    sim.complete(a!.taskId, 'reject');
    sim.complete(b!.taskId, 'reject');
    expect(sim.view(refused).status).toBe('rejected');
    const late = sim.open('password-reset', request('privileged'));
    sim.advance('PT8H');
    expect(sim.view(late).status).toBe('rejected');
    expect(sim.view(late).results.approve).toMatchObject({ result: 'timeout' });
  });

  it('fails when the password cannot be reset, and escalates a late reset to L2', () => {
    const sim = simulator();
    const failed = sim.open('password-reset', request('standard'));
    sim.complete(sim.task('reset').taskId, 'cannot-reset');
    expect(sim.view(failed).status).toBe('failed');
    const late = sim.open('password-reset', request('standard'));
    sim.advance('PT1H');
    expect(sim.tasks(late)[0]).toMatchObject({ nodeId: 'reset', tier: 'L2', group: 'identity' });
    expect(types(sim.case(late).effects)).toContain('task.escalate');
  });
});
