import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CoreBankingStub, startCoreBankingStub } from '../../examples/core-banking/stub';
import { eventually } from '../support/eventually';
import { type RuntimeProcess, startRuntime } from '../support/runtime-process';
import { scenarioBackends } from '../support/test-database';

/**
 * The lost-card example end to end against the built runtime process, on SQLite and on
 * PostgreSQL, with the core-banking stub on loopback and the manual clock:
 *
 *   lena opens a case → freeze (real HTTP call to the stub) → fraud-check subflow (clear)
 *   → triage L1: SLA warning at 15 min, breach at 30 min escalates to L2 and notifies
 *   → marco: replace-card → quorum of 2 among 3 card-ops approvers, one rejects
 *   → parallel: issue-card task ‖ notify + cool-off timer → join → notify → CSAT → resolved
 *
 * plus the outage branch (freeze fails after its retries → manual freeze task) and the wait
 * for the customer (resolution SLA paused, signal resumes it).
 */

interface Task {
  id: string;
  nodeId: string;
  kind: 'task' | 'approval';
  status: string;
  tier: string | null;
  group: string | null;
  assignee: string | null;
}
interface Entry {
  seq: number;
  type: string;
  actor: string;
  data: Record<string, unknown>;
}

let stub: CoreBankingStub;
beforeAll(async () => {
  stub = await startCoreBankingStub();
});
afterAll(() => stub?.close());

describe.each(scenarioBackends())('lost card over HTTP on $backend', ({ backend, skip }) => {
  describe.skipIf(skip)('scenario', () => {
    let rt: RuntimeProcess;
    beforeAll(async () => {
      rt = await startRuntime({ CORE_BANKING_URL: stub.url }, { backend });
    });
    afterAll(() => rt?.stop());

    const tasksOf = async (caseId: string): Promise<Task[]> => {
      const res = await rt.api('GET', `/api/tasks?case=${caseId}&limit=100`, { as: 'admin' });
      expect(res.status).toBe(200);
      return res.body.items;
    };
    /** The whole timeline, page after page (the route is paged). */
    const timeline = async (caseId: string): Promise<Entry[]> => {
      const entries: Entry[] = [];
      let cursor: string | null = null;
      do {
        const query: string = cursor ? `?cursor=${encodeURIComponent(cursor)}` : '';
        const res = await rt.api('GET', `/api/cases/${caseId}/timeline${query}`, { as: 'olivia' });
        expect(res.status).toBe(200);
        entries.push(...res.body.items);
        cursor = res.body.next;
      } while (cursor);
      return entries;
    };
    const getCase = async (caseId: string) => {
      const res = await rt.api('GET', `/api/cases/${caseId}`, { as: 'lena' });
      expect(res.status).toBe(200);
      return res.body;
    };
    const open = async (customerId: string, variables: Record<string, unknown>) => {
      const res = await rt.api('POST', '/api/cases', {
        as: 'lena',
        body: { flow: 'lost-card', customerId, channel: 'phone', subject: 'Card lost', variables },
      });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      return res.body.id as string;
    };
    /** The freeze runs in the outbox after the answer: wait until the case has left it. */
    const settled = (caseId: string, node: string) =>
      eventually(async () => {
        const c = await getCase(caseId);
        return c.activeNodes.includes(node) ? c : undefined;
      }, `case ${caseId} at ${node}`);

    describe('the happy path with an escalation and a split vote', () => {
      let caseId = '';
      let triage: Task;

      it('adds a third card-ops approver (admin) so that the quorum of two can survive a rejection', async () => {
        const res = await rt.api('POST', '/api/users', {
          as: 'admin',
          body: {
            username: 'kim',
            password: 'demo1234',
            roles: ['agent'],
            groups: ['card-ops'],
            tiers: ['L2'],
          },
        });
        expect(res.status, JSON.stringify(res.body)).toBe(201);
      });

      it('opens a case as an agent and freezes the accounts at core banking', async () => {
        caseId = await open('c-1001', { cardLast4: '4242', suspiciousTransactions: 0 });
        const call = await eventually(
          async () => stub.calls.find((c) => (c.body as { caseId?: string } | null)?.caseId === caseId),
          'the freeze call at the stub',
        );
        expect(call).toMatchObject({
          customerId: 'c-1001',
          status: 200,
          body: { reason: 'lost-card', caseId, cardLast4: '4242' },
        });
        expect(call.idempotencyKey).toEqual(expect.any(String));
        const c = await settled(caseId, 'triage');
        expect(c.activeNodes).toEqual(['triage']);
        expect(c.status).toBe('open');
      });

      it('puts triage in the L1 service-desk queue with a 30-minute SLA', async () => {
        const tasks = await tasksOf(caseId);
        triage = tasks.find((t) => t.nodeId === 'triage' && t.status === 'open')!;
        expect(triage).toMatchObject({ kind: 'task', tier: 'L1', group: 'service-desk' });
        const claim = await rt.api('POST', `/api/tasks/${triage.id}/claim`, { as: 'lena' });
        expect(claim.status).toBe(200);
        expect(claim.body).toMatchObject({ status: 'claimed', assignee: 'lena' });
      });

      it('records the first response from an agent message (response SLA met)', async () => {
        const res = await rt.api('POST', `/api/cases/${caseId}/messages`, {
          as: 'lena',
          body: { channel: 'phone', body: 'Your accounts are frozen.', from: 'agent' },
        });
        expect(res.status).toBe(201);
        const c = await getCase(caseId);
        expect(c.slas.find((s: { id: string }) => s.id === 'response')?.status).toBe('met');
      });

      it('warns at half the triage SLA', async () => {
        await rt.advance('PT15M');
        const entries = await timeline(caseId);
        expect(entries.some((e) => e.type === 'sla.warning')).toBe(true);
        const c = await getCase(caseId);
        const taskSla = c.slas.find((s: { scope: string; taskId: string }) => s.taskId === triage.id);
        expect(taskSla?.status).toBe('warning');
      });

      it('escalates triage L1 → L2 on the breach', async () => {
        const moved = await rt.advance('PT16M');
        expect(moved.fired).toBeGreaterThanOrEqual(1);
        const tasks = await tasksOf(caseId);
        expect(tasks.find((t) => t.id === triage.id)?.status).toBe('escalated');
        const l2 = tasks.filter((t) => t.nodeId === 'triage' && t.status === 'open');
        expect(l2).toHaveLength(1);
        expect(l2[0]).toMatchObject({ tier: 'L2', group: 'card-ops' });
        const entries = await timeline(caseId);
        expect(entries.map((e) => e.type)).toEqual(
          expect.arrayContaining(['sla.breached', 'task.escalated']),
        );
        const escalated = entries.find((e) => e.type === 'task.escalated');
        expect(escalated?.data).toMatchObject({ taskId: triage.id, fromTier: 'L1', toTier: 'L2' });
        triage = l2[0]!;
      });

      // Issue #3 §8 asks that the breach "escalates the triage task L1→L2 and notifies"; the
      // engine notifies the SLA's recipients only when the task cannot move up (top tier),
      // see the escalation-ladder test below. Reported to the owner; kept as the spec's wish.
      it('notifies the supervisors on the L1 → L2 breach', async () => {
        const outbox = await rt.api('GET', `/api/outbox?case=${caseId}`, { as: 'admin' });
        const notes = outbox.body.items.filter((o: { kind: string }) => o.kind === 'notify');
        expect(notes.some((o: { payload: { to?: string } }) => o.payload.to === 'group:supervisors')).toBe(
          true,
        );
      });

      it('lets only card-ops work the escalated task; marco asks for a replacement', async () => {
        const lena = await rt.api('POST', `/api/tasks/${triage.id}/complete`, {
          as: 'lena',
          body: { outcome: 'replace-card' },
        });
        expect(lena.status).toBe(403);
        const res = await rt.api('POST', `/api/tasks/${triage.id}/complete`, {
          as: 'marco',
          body: { outcome: 'replace-card', values: { note: 'customer is abroad' } },
        });
        expect(res.status, JSON.stringify(res.body)).toBe(200);
        expect(res.body.activeNodes).toEqual(['approve-replacement']);
      });

      it('decides the quorum of two with one rejection among three approvers', async () => {
        const votes = (await tasksOf(caseId)).filter((t) => t.kind === 'approval' && t.status === 'open');
        expect(votes.map((t) => t.assignee).sort()).toEqual(['kim', 'marco', 'nora']);
        const voteOf = (user: string) => votes.find((t) => t.assignee === user)!;
        const vote = (user: string, outcome: string) =>
          rt.api('POST', `/api/tasks/${voteOf(user).id}/complete`, { as: user, body: { outcome } });

        expect((await vote('marco', 'approve')).status).toBe(200);
        const rejected = await vote('kim', 'reject');
        expect(rejected.status).toBe(200);
        expect(rejected.body.activeNodes).toEqual(['approve-replacement']);
        const approved = await vote('nora', 'approve');
        expect(approved.status).toBe(200);
        // Approved: the parallel split runs the card issue and the cool-off timer side by side.
        expect([...approved.body.activeNodes].sort()).toEqual(['cool-off', 'issue-card']);
        const entries = await timeline(caseId);
        expect(entries.filter((e) => e.type === 'approval.vote')).toHaveLength(3);
      });

      it('joins the parallel branches only when both are done', async () => {
        const issue = (await tasksOf(caseId)).find((t) => t.nodeId === 'issue-card' && t.status === 'open')!;
        const res = await rt.api('POST', `/api/tasks/${issue.id}/complete`, {
          as: 'nora',
          body: { outcome: 'issued' },
        });
        expect(res.status).toBe(200);
        expect(res.body.activeNodes).toEqual(['cool-off']);
        expect(res.body.status).toBe('open');
        await rt.advance('PT1H');
        const c = await getCase(caseId);
        expect(c.status).toBe('resolved');
        expect(c.closedAt).toEqual(expect.any(String));
        expect(c.slas.find((s: { id: string }) => s.id === 'resolution')?.status).toBe('met');
      });

      it('reports how long the met resolution clock ran', async () => {
        const c = await getCase(caseId);
        const resolution = c.slas.find((s: { id: string }) => s.id === 'resolution');
        expect(resolution.status).toBe('met');
        expect(resolution.elapsedMs).toBeGreaterThanOrEqual(60 * 60_000);
      });

      it('takes the CSAT answer with the survey token only, once', async () => {
        // Staff see the survey without its token; the customer's own view carries it.
        const staff = (await getCase(caseId)).surveys.find((s: { kind: string }) => s.kind === 'csat');
        expect(staff).toEqual({ kind: 'csat', answered: false, score: null });
        const own = await rt.api('GET', `/api/cases/${caseId}`, { as: 'carla' });
        const survey = own.body.surveys.find((s: { kind: string }) => s.kind === 'csat');
        expect(survey).toMatchObject({ answered: false, token: expect.any(String) });
        const answer = await rt.api('POST', `/api/surveys/${survey.token}`, { body: { score: 5 } });
        expect(answer.status, JSON.stringify(answer.body)).toBe(200);
        expect((await rt.api('POST', `/api/surveys/${survey.token}`, { body: { score: 1 } })).status).toBe(
          409,
        );
        const after = await getCase(caseId);
        expect(after.surveys.find((s: { kind: string }) => s.kind === 'csat')).toMatchObject({
          answered: true,
          score: 5,
        });
      });

      it('shows the customer only the public part of the timeline', async () => {
        const staff = await timeline(caseId);
        const mine = await rt.api('GET', `/api/cases/${caseId}/timeline`, { as: 'carla' });
        expect(mine.status).toBe(200);
        expect(mine.body.items.length).toBeGreaterThan(0);
        expect(mine.body.items.length).toBeLessThan(staff.length);
        const types = new Set(mine.body.items.map((e: Entry) => e.type));
        for (const internal of ['approval.vote', 'task.claimed', 'sla.warning'])
          expect(types).not.toContain(internal);
      });

      it('counts the case in the metrics: resolved, escalated, with a CSAT', async () => {
        const res = await rt.api('GET', '/api/metrics?flow=lost-card', { as: 'olivia' });
        expect(res.status).toBe(200);
        expect(res.body.total).toMatchObject({ cases: 1, resolved: 1, escalations: 1 });
        // The CSAT scale of the metrics (mean score or share satisfied) is the analytics' call.
        expect(res.body.total.csat).toEqual(expect.any(Number));
      });

      it('puts the customer on the watch list', async () => {
        const res = await rt.api('GET', '/api/customers/c-1001', { as: 'lena' });
        expect(res.status).toBe(200);
        expect(res.body.tags).toContain('watch-list');
      });

      it('has the whole story on the timeline, in order', async () => {
        const entries = await timeline(caseId);
        const seqs = entries.map((e) => e.seq);
        expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
        expect(new Set(seqs).size).toBe(seqs.length);
        expect(entries[0]?.type).toBe('case.opened');
        expect(entries.at(-1)?.type === 'survey.answered' || entries.at(-1)?.type === 'case.closed').toBe(
          true,
        );
        const types = new Set(entries.map((e) => e.type));
        for (const t of [
          'case.opened',
          'node.entered',
          'node.left',
          'http.called',
          'task.created',
          'task.claimed',
          'task.completed',
          'task.escalated',
          'approval.vote',
          'sla.started',
          'sla.warning',
          'sla.breached',
          'sla.met',
          'message',
          'notify.queued',
          'survey.sent',
          'survey.answered',
          'case.closed',
        ]) {
          expect(types, `timeline type ${t}`).toContain(t);
        }
      });
    });

    describe('a refused replacement', () => {
      it('closes the case rejected once the quorum can no longer be reached, and tells the customer', async () => {
        const caseId = await open('c-1002', { cardLast4: '2020', suspiciousTransactions: 0 });
        await settled(caseId, 'triage');
        const triage = (await tasksOf(caseId)).find((t) => t.nodeId === 'triage' && t.status === 'open')!;
        const asked = await rt.api('POST', `/api/tasks/${triage.id}/complete`, {
          as: 'lena',
          body: { outcome: 'replace-card' },
        });
        expect(asked.status).toBe(200);
        const ballots = (await tasksOf(caseId)).filter((t) => t.kind === 'approval' && t.status === 'open');
        expect(ballots).toHaveLength(3);
        const ballotOf = (user: string) => ballots.find((t) => t.assignee === user)!;
        const first = await rt.api('POST', `/api/tasks/${ballotOf('marco').id}/complete`, {
          as: 'marco',
          body: { outcome: 'reject' },
        });
        expect(first.body.status).toBe('open');
        const second = await rt.api('POST', `/api/tasks/${ballotOf('nora').id}/complete`, {
          as: 'nora',
          body: { outcome: 'reject' },
        });
        expect(second.status).toBe(200);
        expect(second.body.status).toBe('rejected');
        // The third ballot is moot: cancelled, and voting on it is refused.
        const kims = (await tasksOf(caseId)).find((t) => t.id === ballotOf('kim').id);
        expect(kims?.status).toBe('cancelled');
        const late = await rt.api('POST', `/api/tasks/${ballotOf('kim').id}/complete`, {
          as: 'kim',
          body: { outcome: 'approve' },
        });
        expect(late.status).toBe(409);
        const outbox = await rt.api('GET', `/api/outbox?case=${caseId}`, { as: 'admin' });
        const templates = outbox.body.items
          .filter((o: { kind: string }) => o.kind === 'notify')
          .map((o: { payload: { template: string } }) => o.payload.template);
        expect(templates).toContain('replacement-rejected');
        const c = await getCase(caseId);
        expect(c.slas.find((s: { id: string }) => s.id === 'resolution')?.status).toBe('met');
      });
    });

    describe('a core-banking outage', () => {
      it('falls back to a manual freeze after the retries fail', async () => {
        stub.failNext(4);
        const caseId = await open('c-1003', { cardLast4: '1111', suspiciousTransactions: 0 });
        // Retries back off on the (manual) clock: move it until the outbox gives up.
        const c = await eventually(
          async () => {
            await rt.advance('PT1M');
            const now = await getCase(caseId);
            return now.activeNodes.includes('manual-freeze') ? now : undefined;
          },
          'the manual freeze task',
          20_000,
        );
        expect(c.activeNodes).toEqual(['manual-freeze']);
        const mine = stub.calls.filter((x) => (x.body as { caseId?: string } | null)?.caseId === caseId);
        expect(mine.map((x) => x.status)).toEqual([503, 503, 503, 503]);
        // Every retry carried the same idempotency key, and the admin sees the dead letter.
        expect(new Set(mine.map((x) => x.idempotencyKey)).size).toBe(1);
        const outbox = await rt.api('GET', `/api/outbox?case=${caseId}`, { as: 'admin' });
        const http = outbox.body.items.filter((o: { kind: string }) => o.kind === 'http');
        expect(http).toHaveLength(1);
        expect(http[0]).toMatchObject({
          status: 'dead',
          attempts: 4,
          lastError: expect.stringContaining('503'),
        });
        const task = (await tasksOf(caseId)).find((t) => t.nodeId === 'manual-freeze')!;
        expect(task).toMatchObject({ tier: 'L2', group: 'card-ops' });
        const done = await rt.api('POST', `/api/tasks/${task.id}/complete`, {
          as: 'marco',
          body: { outcome: 'frozen' },
        });
        expect(done.status).toBe(200);
        expect(done.body.activeNodes).toEqual(['triage']);
      });
    });

    describe('the escalation ladder', () => {
      it('escalates L1 → L2 → L3 on each breach and notifies the supervisors at the top', async () => {
        const caseId = await open('c-1005', { cardLast4: '3333', suspiciousTransactions: 0 });
        await settled(caseId, 'triage');
        await rt.advance('PT31M');
        await rt.advance('PT31M');
        const open3 = (await tasksOf(caseId)).filter((t) => t.nodeId === 'triage' && t.status === 'open');
        expect(open3.map((t) => [t.tier, t.group])).toEqual([['L3', 'fraud']]);
        await rt.advance('PT31M');
        const outbox = await rt.api('GET', `/api/outbox?case=${caseId}`, { as: 'admin' });
        expect(outbox.status).toBe(200);
        const notes = outbox.body.items
          .filter((o: { kind: string }) => o.kind === 'notify')
          .map(
            (o: { payload: { to: string; template: string } }) => `${o.payload.template} → ${o.payload.to}`,
          );
        // Every breach tells the supervisors the SLA names; at the top the fraud team hears
        // that the task cannot move further.
        expect(notes.filter((n: string) => n === 'sla-breached → group:supervisors')).toHaveLength(3);
        expect(notes).toContain('escalation-top-tier → group:fraud');
        const types = (await timeline(caseId)).map((e) => e.type);
        expect(types.filter((t) => t === 'task.escalated')).toHaveLength(2);
        expect(types).toContain('notify.queued');
      });

      it('breaches the case resolution SLA after eight business hours and tells the supervisors', async () => {
        const caseId = await open('c-1006', { cardLast4: '6666', suspiciousTransactions: 0 });
        await settled(caseId, 'triage');
        // An hour at a time, so that each timer fires at its own time (see the skipped test).
        for (let h = 0; h < 30; h++) await rt.advance('PT1H');
        const c = await getCase(caseId);
        expect(c.slas.find((s: { id: string }) => s.id === 'resolution')?.status).toBe('breached');
        const warnings = (await timeline(caseId)).filter(
          (e) => e.type === 'sla.warning' && e.data.slaId === 'resolution',
        );
        expect(warnings.map((e) => e.data.fraction)).toEqual([0.5, 0.8]);
        const outbox = await rt.api('GET', `/api/outbox?case=${caseId}`, { as: 'admin' });
        const notes = outbox.body.items
          .filter((o: { kind: string }) => o.kind === 'notify')
          .map(
            (o: { payload: { to: string; template: string } }) => `${o.payload.template} → ${o.payload.to}`,
          );
        expect(notes).toContain('sla-breached → group:supervisors');
      });

      // Reported: after one big jump (POST /api/_test/clock {advance:"P2D"}) the resolution SLA's
      // 0.8 warning fires AFTER its breach (timeline: sla.warning 0.5, sla.breached, sla.warning
      // 0.8) and GET /api/cases/:id shows the SLA as "warning" instead of "breached": due timers
      // are not fired in due order, and a late warning overwrites a breached clock.
      it('keeps a breached SLA breached when one clock jump makes its warnings and breach due together', async () => {
        const caseId = await open('c-1006', { cardLast4: '6767', suspiciousTransactions: 0 });
        await settled(caseId, 'triage');
        await rt.advance('P2D');
        const c = await getCase(caseId);
        expect(c.slas.find((s: { id: string }) => s.id === 'resolution')?.status).toBe('breached');
        const order = (await timeline(caseId))
          .filter((e) => e.data.slaId === 'resolution' && e.type !== 'sla.started')
          .map((e) => `${e.type} ${e.data.fraction ?? ''}`.trim());
        expect(order).toEqual(['sla.warning 0.5', 'sla.warning 0.8', 'sla.breached']);
      });
    });

    describe('the demo without CORE_BANKING_URL', () => {
      it('starts its own core-banking stub so that the freeze succeeds', async () => {
        const demo = await startRuntime({ CORE_BANKING_URL: '' }, { backend });
        try {
          const res = await demo.api('POST', '/api/cases', {
            as: 'lena',
            body: {
              flow: 'lost-card',
              customerId: 'c-1001',
              channel: 'phone',
              variables: { cardLast4: '7777' },
            },
          });
          expect(res.status).toBe(201);
          const entries = await eventually(async () => {
            const t = await demo.api('GET', `/api/cases/${res.body.id}/timeline`, { as: 'admin' });
            return t.body.items.some((e: Entry) => e.type === 'http.called')
              ? (t.body.items as Entry[])
              : undefined;
          }, 'the freeze call');
          expect(entries.find((e) => e.type === 'http.called')?.data).toMatchObject({
            ok: true,
            status: 200,
          });
          // Not the test's stub: the process answered with its own.
          expect(stub.calls.some((c) => (c.body as { caseId?: string } | null)?.caseId === res.body.id)).toBe(
            false,
          );
        } finally {
          await demo.stop();
        }
      });
    });

    describe('waiting for the customer', () => {
      let waitingCase = '';
      it('pauses the resolution SLA while waiting and resumes on the signal', async () => {
        const caseId = await open('c-1004', { cardLast4: '2222', suspiciousTransactions: 0 });
        await settled(caseId, 'triage');
        const task = (await tasksOf(caseId)).find((t) => t.nodeId === 'triage' && t.status === 'open')!;
        const res = await rt.api('POST', `/api/tasks/${task.id}/complete`, {
          as: 'lena',
          body: { outcome: 'await-customer' },
        });
        expect(res.status).toBe(200);
        expect(res.body.activeNodes).toEqual(['await-customer']);
        expect(res.body.slas.find((s: { id: string }) => s.id === 'resolution')?.status).toBe('paused');

        const sig = await rt.api('POST', `/api/cases/${caseId}/signals`, {
          as: 'lena',
          body: { name: 'customer-replied', data: { text: 'found the receipt' } },
        });
        expect(sig.status).toBe(200);
        expect(sig.body.activeNodes).toEqual(['triage']);
        expect(sig.body.slas.find((s: { id: string }) => s.id === 'resolution')?.status).toBe('running');
        const types = (await timeline(caseId)).map((e) => e.type);
        expect(types).toEqual(expect.arrayContaining(['sla.paused', 'signal']));
        waitingCase = caseId;
      });

      // Reported: one POST /api/cases/:id/signals {name:"customer-replied"} (200) writes TWO
      // `signal` entries: {name, data} from the runtime and {nodeId, name, data} from the engine.
      it('records one delivered signal once on the timeline', async () => {
        const signals = (await timeline(waitingCase)).filter((e) => e.type === 'signal');
        expect(signals).toHaveLength(1);
      });
    });
  });
});
