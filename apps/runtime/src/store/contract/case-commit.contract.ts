import { beforeEach, describe, expect, it } from 'vitest';
import type { CaseCommitPatch, SlaRow, Store, SurveyRow } from '../store';
import { caseRow, T0, taskRow } from './fixtures';

const sla = (caseId: string, id: string, over: Partial<SlaRow> = {}): SlaRow => ({
  caseId,
  id,
  scope: 'case',
  taskId: null,
  status: 'running',
  target: 'PT4H',
  calendar: 'default',
  startedAt: T0,
  dueAt: T0 + 4 * 3_600_000,
  elapsedMs: 0,
  updatedAt: T0,
  ...over,
});

const survey = (caseId: string, token: string, over: Partial<SurveyRow> = {}): SurveyRow => ({
  token,
  caseId,
  customerId: 'c1',
  surveyId: 's1',
  nodeId: 'survey',
  kind: 'csat',
  to: 'ada@example.com',
  score: null,
  comment: null,
  sentAt: T0,
  answeredAt: null,
  ...over,
});

const patch = (over: Partial<CaseCommitPatch> = {}): CaseCommitPatch => ({
  status: 'open',
  activeNodes: ['review'],
  variables: { zeta: 1, alpha: 2 },
  snapshot: { value: 'review', context: { n: 2 } },
  closedAt: null,
  updatedAt: T0 + 5,
  ...over,
});

/** Contract of cases.commit and cases.parts (an event's case write and the resource read). */
export function caseCommitContract(current: () => Store): void {
  let store: Store;
  beforeEach(() => {
    store = current();
  });

  describe('cases.commit / cases.parts', () => {
    it('answers the parts exactly as the single-table lists do', async () => {
      await store.cases.insert(caseRow('k1'));
      await store.cases.insert(caseRow('k2'));
      await store.tasks.insert(taskRow('t2', 'k1', { createdAt: T0 + 2, form: { b: 1, a: [2] } }));
      await store.tasks.insert(taskRow('t1', 'k1', { createdAt: T0 + 2, dueAt: T0 + 99 }));
      await store.tasks.insert(taskRow('t0', 'k1', { createdAt: T0 + 1 }));
      await store.tasks.update('t0', {
        status: 'completed',
        outcome: 'done',
        values: { y: 1, x: 2 },
        updatedAt: T0 + 3,
        closedAt: T0 + 3,
      });
      await store.tasks.insert(taskRow('other', 'k2'));
      await store.slas.upsert(sla('k1', 'b', { elapsedMs: 3_000_000_000 }));
      await store.slas.upsert(sla('k1', 'a', { scope: 'task', taskId: 't1', startedAt: null, dueAt: null }));
      await store.surveys.insert(survey('k1', 'tok1', { sentAt: T0 + 1 }));
      await store.surveys.insert(survey('k1', 'tok0', { score: 4.5, answeredAt: T0 + 2 }));
      const parts = await store.cases.parts('k1');
      expect(parts).toEqual({
        tasks: await store.tasks.listByCase('k1'),
        slas: await store.slas.listByCase('k1'),
        surveys: await store.surveys.listByCase('k1'),
      });
      expect(parts.tasks.map((t) => t.id)).toEqual(['t0', 't1', 't2']);
      expect(Object.keys(parts.tasks[2]!.form as object)).toEqual(['b', 'a']);
      expect(parts.slas.map((s) => s.id)).toEqual(['a', 'b']);
      expect(parts.surveys.map((s) => s.token)).toEqual(['tok0', 'tok1']);
      expect(await store.cases.parts('nope')).toEqual({ tasks: [], slas: [], surveys: [] });
    });

    it('writes the case at the expected revision and appends its timeline', async () => {
      await store.cases.insert(caseRow('k1'));
      await store.timeline.append('k1', [{ at: T0, type: 'case.opened' }]);
      await store.tasks.insert(taskRow('t1', 'k1'));
      const done = await store.cases.commit(
        'k1',
        1,
        patch(),
        [
          { at: T0 + 5, type: 'signal', actor: 'ada', data: { b: 1, a: 2 }, public: true },
          { at: T0 + 5, type: 'task.created', nodeId: 'review' },
        ],
        true,
      );
      expect(done).not.toBeNull();
      const { snapshot: _s, ...summary } = { ...caseRow('k1'), ...patch(), revision: 2 };
      expect(done!.row).toEqual(summary);
      expect(done!.parts).toEqual({ tasks: await store.tasks.listByCase('k1'), slas: [], surveys: [] });
      expect(await store.cases.get('k1')).toEqual({ ...caseRow('k1'), ...patch(), revision: 2 });
      const timeline = await store.timeline.list('k1');
      expect(timeline.map((e) => [e.seq, e.type, e.actor, e.nodeId, e.public])).toEqual([
        [1, 'case.opened', null, null, false],
        [2, 'signal', 'ada', null, true],
        [3, 'task.created', null, 'review', false],
      ]);
      expect(Object.keys(timeline[1]!.data)).toEqual(['b', 'a']);
      // Later appends go on numbering after the committed entries.
      await store.timeline.append('k1', [{ at: T0 + 6, type: 'note' }]);
      expect((await store.timeline.list('k1')).map((e) => e.seq)).toEqual([1, 2, 3, 4]);
      const again = await store.cases.commit(
        'k1',
        2,
        patch({ status: 'resolved', closedAt: T0 + 7 }),
        [],
        false,
      );
      expect(again).toMatchObject({
        row: { revision: 3, status: 'resolved', closedAt: T0 + 7 },
        parts: null,
      });
    });

    it('writes nothing on a stale revision or an unknown case', async () => {
      await store.cases.insert(caseRow('k1'));
      const entry = { at: T0 + 5, type: 'signal' };
      expect(await store.cases.commit('k1', 7, patch(), [entry], true)).toBeNull();
      expect(await store.cases.commit('nope', 1, patch(), [entry], false)).toBeNull();
      expect(await store.cases.get('k1')).toEqual(caseRow('k1'));
      expect(await store.timeline.list('k1')).toEqual([]);
    });

    it('keeps the first response set earlier in the transaction', async () => {
      await store.cases.insert(caseRow('k1'));
      const done = await store.transaction(async (tx) => {
        await tx.cases.markFirstResponse('k1', T0 + 1);
        return tx.cases.commit('k1', 1, patch(), [], false);
      });
      expect(done?.row.firstResponseAt).toBe(T0 + 1);
    });

    it('writes its riders (change row, rollup mark) only with a successful commit', async () => {
      await store.cases.insert(caseRow('k1'));
      const head = await store.changes.head();
      const change = {
        caseId: 'k1',
        customerId: 'c1',
        topLevel: true,
        kinds: ['case' as const],
        publicKinds: [],
        groups: ['service-desk'],
        users: ['ada'],
        at: T0 + 5,
      };
      const riders = { change, touchRollup: true };
      expect(await store.cases.commit('k1', 7, patch(), [], false, riders)).toBeNull();
      expect(await store.changes.after(head, 10)).toEqual([]);
      expect(await store.rollups.dirty(10)).toEqual([]);

      expect(await store.cases.commit('k1', 1, patch(), [], false, riders)).not.toBeNull();
      const [row, ...more] = await store.changes.after(head, 10);
      expect(more).toEqual([]);
      const { cursor: _cursor, ...written } = row!;
      expect(written).toEqual(change);
      expect((await store.rollups.dirty(10)).map((m) => m.caseId)).toEqual(['k1']);
      // Without riders nothing else is written.
      expect(await store.cases.commit('k1', 2, patch(), [], true)).not.toBeNull();
      expect(await store.changes.after(head, 10)).toHaveLength(1);
    });

    it('writes the timer changes riding on it as timers.apply does, and none on a stale revision', async () => {
      await store.cases.insert(caseRow('k1'));
      await store.timers.schedule({ caseId: 'k1', timerId: 'old', fireAt: T0 + 5, purpose: 'sla' });
      await store.timers.schedule({ caseId: 'k1', timerId: 'moved', fireAt: T0 + 6, purpose: 'sla' });
      const timers = [
        { op: 'cancel' as const, caseId: 'k1', timerId: 'old' },
        {
          op: 'schedule' as const,
          timer: { caseId: 'k1', timerId: 'new', fireAt: T0 + 30, purpose: 'wait' },
        },
        {
          op: 'schedule' as const,
          timer: { caseId: 'k2', timerId: 'other', fireAt: T0 + 40, purpose: 'wait' },
        },
        {
          op: 'schedule' as const,
          timer: { caseId: 'k1', timerId: 'moved', fireAt: T0 + 60, purpose: 'timer' },
        },
      ];
      const listed = async () =>
        [...(await store.timers.listByCase('k1')), ...(await store.timers.listByCase('k2'))].map((x) => [
          x.caseId,
          x.timerId,
          x.fireAt,
          x.purpose,
        ]);
      const before = await listed();
      expect(await store.cases.commit('k1', 7, patch(), [], false, { timers })).toBeNull();
      expect(await listed()).toEqual(before);
      expect(await store.cases.commit('k1', 1, patch(), [], false, { timers })).not.toBeNull();
      expect(await listed()).toEqual([
        ['k1', 'new', T0 + 30, 'wait'],
        ['k1', 'moved', T0 + 60, 'timer'],
        ['k2', 'other', T0 + 40, 'wait'],
      ]);
      // The moved timer is claimable at its new time, its claim cleared.
      expect((await store.timers.claimDue(T0 + 60, 10, 1000)).map((x) => x.timerId)).toEqual([
        'new',
        'other',
        'moved',
      ]);
    });
  });
}
