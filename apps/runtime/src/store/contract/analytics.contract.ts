import { beforeEach, describe, expect, it } from 'vitest';
import type { Store } from '../store';
import { caseRow, T0, taskRow } from './fixtures';

/** Contract of the narrow analytics reads; `current` answers the store of the running test. */
export function analyticsContract(current: () => Store): void {
  // Inside its own describe: the fixture rows must not leak into the other contract parts.
  describe('analytics', () => {
    let store: Store;
    beforeEach(async () => {
      store = current();
      await store.cases.insert(
        caseRow('a1', {
          status: 'resolved',
          cohort: 'pilot',
          pilotId: 'p1',
          customerId: 'cu1',
          variables: { catalogItem: 'refund-request', other: 1 },
          closedAt: T0 + 5000,
          firstResponseAt: T0 + 1000,
        }),
      );
      await store.cases.insert(caseRow('a2', { flow: 'other', version: 2, createdAt: T0 + 10 }));
      await store.cases.insert(caseRow('a3', { createdAt: T0 + 20, channel: 'chat' }));
      await store.messages.insert(message('m1', 'a1', 'customer'));
      await store.messages.insert(message('m2', 'a1', 'agent'));
      await store.messages.insert(message('m3', 'a1', 'agent'));
      await store.tasks.insert(taskRow('a1.t1', 'a1', { tier: 'L1', group: 'support', status: 'escalated' }));
      await store.tasks.insert(
        taskRow('a1.t2', 'a1', {
          tier: 'L2',
          group: 'experts',
          status: 'completed',
          assignee: 'eve',
          closedAt: T0 + 4000,
        }),
      );
      await store.timeline.append('a1', [
        { at: T0 + 2000, type: 'task.claimed', data: { taskId: 'a1.t2' } },
        { at: T0 + 3000, type: 'task.claimed', data: { taskId: 'a1.t2' } },
        { at: T0 + 3500, type: 'task.claimed', data: { taskId: 'a1.t1' } },
      ]);
      await store.slas.upsert({
        caseId: 'a1',
        id: 'resolve',
        scope: 'case',
        taskId: null,
        status: 'met',
        target: 'PT1H',
        calendar: '24x7',
        startedAt: T0,
        dueAt: T0 + 3_600_000,
        elapsedMs: 5000,
        updatedAt: T0 + 5000,
      });
      await store.surveys.insert(survey('s1', 'a1'));
      await store.surveys.insert(survey('s2', 'a1'));
      await store.surveys.answer('s1', 4, null, T0 + 6000);
    });

    describe('reads', () => {
      it('reduces cases to their facts with message counts and the catalog item, oldest first', async () => {
        const facts = await store.analytics.caseFacts({ flow: 'refund' });
        expect(facts).toEqual([
          {
            id: 'a1',
            flow: 'refund',
            version: 1,
            cohort: 'pilot',
            channel: 'email',
            status: 'resolved',
            customerId: 'cu1',
            createdAt: T0,
            closedAt: T0 + 5000,
            firstResponseAt: T0 + 1000,
            catalogItem: 'refund-request',
            parentCaseId: null,
            pilotId: 'p1',
            messages: 3,
            responses: 2,
            inboundChannels: 1,
          },
          expect.objectContaining({
            id: 'a3',
            channel: 'chat',
            catalogItem: null,
            messages: 0,
            responses: 0,
            inboundChannels: 0,
          }),
        ]);
        expect((await store.analytics.caseFacts({ version: 2 })).map((c) => c.id)).toEqual(['a2']);
        expect((await store.analytics.caseFacts({ pilotId: 'p1' })).map((c) => c.id)).toEqual(['a1']);
        expect(
          (await store.analytics.caseFacts({ createdFrom: T0 + 10, createdTo: T0 + 20 })).map((c) => c.id),
        ).toEqual(['a2', 'a3']);
        expect((await store.analytics.caseFacts({ caseIds: ['a3', 'a2', 'zz'] })).map((c) => c.id)).toEqual([
          'a2',
          'a3',
        ]);
      });

      it('counts the distinct channels the customer wrote on (a switch), not the agents’', async () => {
        await store.messages.insert({ ...message('m4', 'a2', 'customer'), channel: 'chat' });
        await store.messages.insert({ ...message('m5', 'a2', 'customer'), channel: 'chat' });
        await store.messages.insert({ ...message('m6', 'a2', 'customer'), channel: 'whatsapp' });
        await store.messages.insert({ ...message('m7', 'a2', 'agent'), channel: 'email' });
        expect((await store.analytics.caseFacts({ caseIds: ['a2'] }))[0]).toMatchObject({
          messages: 4,
          inboundChannels: 2,
        });
      });

      it('answers SLA clocks, tasks with their latest claim, and answered surveys of the scan', async () => {
        expect(await store.analytics.slaFacts({ flow: 'refund' })).toEqual([
          { caseId: 'a1', id: 'resolve', status: 'met' },
        ]);
        expect(await store.analytics.slaFacts({ flow: 'other' })).toEqual([]);
        const tasks = await store.analytics.taskFacts({});
        expect(tasks.sort((a, b) => a.id.localeCompare(b.id))).toEqual([
          {
            caseId: 'a1',
            id: 'a1.t1',
            status: 'escalated',
            tier: 'L1',
            group: 'support',
            assignee: null,
            createdAt: T0,
            claimedAt: T0 + 3500,
            closedAt: null,
          },
          {
            caseId: 'a1',
            id: 'a1.t2',
            status: 'completed',
            tier: 'L2',
            group: 'experts',
            assignee: 'eve',
            createdAt: T0,
            claimedAt: T0 + 3000,
            closedAt: T0 + 4000,
          },
        ]);
        expect(await store.analytics.surveyFacts({ flow: 'refund' })).toEqual([
          { caseId: 'a1', kind: 'csat', score: 4 },
        ]);
        expect(await store.analytics.surveyFacts({ flow: 'other' })).toEqual([]);
      });

      it('aggregates the metrics figures per group in the database (summary) and lists the versions', async () => {
        const s = await store.analytics.summary(
          { scan: { flow: 'refund' }, by: ['channel'] },
          { to: T0 + 10_000 },
        );
        expect(s.cases).toEqual([
          { key: ['email'], cases: 1, resolved: 1, fcrCases: 0, firstCreatedAt: T0, order: 1 },
          { key: ['chat'], cases: 1, resolved: 0, fcrCases: 0, firstCreatedAt: T0 + 20, order: 2 },
        ]);
        expect(s.messages).toEqual([{ key: ['email'], messages: 3, responses: 2 }]);
        const one = (value: number) => ({ count: 1, sum: value, min: value, picks: [{ rank: 1, value }] });
        expect([...s.durations].sort((a, b) => a.kind.localeCompare(b.kind))).toEqual([
          { key: ['email'], kind: 'a', ...one(1000) },
          { key: ['email'], kind: 'f', ...one(1000) },
          { key: ['email'], kind: 'r', ...one(5000) },
        ]);
        expect(s.slas).toEqual([{ key: ['email'], id: 'resolve', met: 1, breached: 0 }]);
        expect(s.escalations).toEqual([{ key: ['email'], tier: 'L1', count: 1 }]);
        expect(s.handled).toEqual([{ key: ['email'], count: 1 }]);
        expect(s.surveys).toEqual([
          { key: ['email'], kind: 'csat', count: 1, satisfied: 1, promoters: 0, detractors: 1, sum: 4 },
        ]);
        // eve held a1.t2 from its latest claim (T0 + 3000) to completion (T0 + 4000).
        expect(s.agents).toEqual([
          { agent: 'eve', handled: 1, handlingSum: 1000, handlingCount: 1, busyMs: 1000 },
        ]);
        expect(s.period).toEqual({ from: T0, to: T0 + 10_000 });
        const empty = await store.analytics.summary({ scan: { flow: 'none' }, by: [] }, { to: T0 });
        expect(empty.cases).toEqual([]);
        expect(empty.agents).toEqual([]);
        const versions = await store.analytics.versions({});
        expect(versions.sort((a, b) => a.flow.localeCompare(b.flow))).toEqual([
          { flow: 'other', version: 2 },
          { flow: 'refund', version: 1 },
        ]);
      });
    });
  });
}

function message(id: string, caseId: string, from: 'customer' | 'agent') {
  return {
    id,
    caseId,
    customerId: null,
    channel: 'email' as const,
    direction: from === 'agent' ? ('out' as const) : ('in' as const),
    from,
    author: null,
    body: 'hi',
    at: T0,
  };
}

function survey(token: string, caseId: string) {
  return {
    token,
    caseId,
    customerId: null,
    surveyId: 'csat',
    nodeId: null,
    kind: 'csat' as const,
    to: 'x@example.com',
    score: null,
    comment: null,
    sentAt: T0,
    answeredAt: null,
  };
}
