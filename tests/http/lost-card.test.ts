import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RuntimeProcess, startRuntime } from '../support/runtime-process';

/**
 * The lost-card example over HTTP against the built runtime, on the manual clock starting
 * Monday 2026-01-05 09:00 Berlin (business hours):
 *
 *   carla reports (portal) → freeze (http) → verify (fraud-check subflow) → fraud? no
 *   → triage (L1 service-desk) --SLA breach--> escalated to L2 card-ops
 *   → marco: replace-card → approval, quorum 2 of card-ops (marco, nora)
 *   → replace ∥ { issue-card (L2) ; notify + cool-off PT1H } → join → tell-customer → csat
 *   → watch-list → closed (resolved)
 */
let rt: RuntimeProcess;
let caseId = '';

// biome-ignore lint/suspicious/noExplicitAny: scenario reads the Case resource loosely
type AnyCase = any;

async function getCase(as = 'marco'): Promise<AnyCase> {
  const res = await rt.api('GET', `/api/cases/${caseId}`, { as });
  expect(res.status).toBe(200);
  return res.body;
}

/** Moves the clock a second at a time until the case is at `node` (the outbox runs in between). */
async function until(node: string, attempts = 20): Promise<AnyCase> {
  for (let i = 0; i < attempts; i++) {
    const kase = await getCase();
    if (kase.activeNodes.includes(node)) return kase;
    await rt.api('POST', '/api/_test/clock', { body: { advance: 'PT1S' } });
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`case never reached ${node}: ${JSON.stringify((await getCase()).activeNodes)}`);
}

function openTask(kase: AnyCase, nodeId: string) {
  return kase.tasks.find(
    (t: { nodeId: string; status: string }) => t.nodeId === nodeId && t.status === 'open',
  );
}

beforeAll(async () => {
  rt = await startRuntime();
});
afterAll(() => rt?.stop());

describe('lost card over HTTP', () => {
  it('opens a case from the portal and reaches triage in the L1 queue', async () => {
    const res = await rt.api('POST', '/api/catalog/report-lost-card/requests', {
      as: 'carla',
      body: { values: { cardLast4: '4711' } },
    });
    expect(res.status).toBe(201);
    caseId = res.body.id;
    const kase = await until('triage');
    const triage = openTask(kase, 'triage');
    expect(triage).toMatchObject({ tier: 'L1', group: 'service-desk' });
    expect((await rt.api('POST', `/api/tasks/${triage.id}/claim`, { as: 'marco' })).status).toBe(403);
  });

  it('escalates triage to card-ops when its SLA breaches', async () => {
    await rt.api('POST', '/api/_test/clock', { body: { advance: 'PT2H' } });
    const kase = await getCase();
    expect(
      kase.tasks.some(
        (t: { nodeId: string; status: string }) => t.nodeId === 'triage' && t.status === 'escalated',
      ),
    ).toBe(true);
    expect(openTask(kase, 'triage')).toMatchObject({ tier: 'L2', group: 'card-ops' });
    const timeline = await rt.api('GET', `/api/cases/${caseId}/timeline`, { as: 'sam' });
    const types = timeline.body.items.map((e: { type: string }) => e.type);
    expect(types).toEqual(expect.arrayContaining(['sla.breached', 'task.escalated']));
  });

  it('asks two of card-ops to approve the replacement', async () => {
    const triage = openTask(await getCase(), 'triage');
    const done = await rt.api('POST', `/api/tasks/${triage.id}/complete`, {
      as: 'marco',
      body: { outcome: 'replace-card', values: { note: 'card gone for good' } },
    });
    expect(done.status).toBe(200);
    const approvals = done.body.tasks.filter(
      (t: { kind: string; status: string }) => t.kind === 'approval' && t.status === 'open',
    );
    expect(approvals.map((t: { assignee: string }) => t.assignee).sort()).toEqual(['marco', 'nora']);
    for (const a of approvals) {
      const vote = await rt.api('POST', `/api/tasks/${a.id}/complete`, {
        as: a.assignee,
        body: { outcome: 'approve' },
      });
      expect(vote.status).toBe(200);
    }
    expect(openTask(await getCase(), 'issue-card')).toMatchObject({ group: 'card-ops' });
  });

  it('issues the card, lets it arrive and closes the case resolved', async () => {
    const issue = openTask(await getCase(), 'issue-card');
    expect(
      (await rt.api('POST', `/api/tasks/${issue.id}/complete`, { as: 'nora', body: { outcome: 'issued' } }))
        .status,
    ).toBe(200);
    await rt.api('POST', '/api/_test/clock', { body: { advance: 'PT2H' } });
    let kase = await getCase('carla');
    for (let i = 0; i < 20 && kase.status === 'open'; i++) {
      await rt.api('POST', '/api/_test/clock', { body: { advance: 'PT1S' } });
      kase = await getCase('carla');
    }
    expect(kase.status).toBe('resolved');
    expect(kase.surveys.map((s: { kind: string }) => s.kind)).toEqual(['csat']);
    const customer = await rt.api('GET', '/api/customers/c-1001', { as: 'lena' });
    expect(customer.body.tags).toContain('watch-list');
  });

  it('shows the customer a public timeline and lets them answer the CSAT survey', async () => {
    const staff = await rt.api('GET', `/api/cases/${caseId}/timeline`, { as: 'sam' });
    const mine = await rt.api('GET', `/api/cases/${caseId}/timeline`, { as: 'carla' });
    expect(mine.body.items.length).toBeLessThan(staff.body.items.length);
    const survey = (await getCase('carla')).surveys[0];
    expect((await rt.api('POST', `/api/surveys/${survey.token}`, { body: { score: 5 } })).status).toBe(200);
    const metrics = await rt.api('GET', '/api/metrics?flow=lost-card', { as: 'olivia' });
    expect(metrics.body.total).toMatchObject({ cases: 1, resolved: 1, csat: 5, escalations: 1, fcr: 0 });
  });
});
