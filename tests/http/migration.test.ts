import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Json, MAPPING, V1, V2 } from '../support/migration-flows';
import { type RuntimeProcess, startRuntime } from '../support/runtime-process';
import { scenarioBackends } from '../support/test-database';

/**
 * Moving running cases to a fixed version over HTTP (DESIGN §13), on both stores:
 *
 *   v1: start → triage (task, service desk, SLA 4h) → approve (marco + nora, quorum 2) → closed
 *   v2: start → check  (task, service desk, SLA 4h) → approve (anyone of them)          → closed
 *
 * 50 cases run on v1 (in a pilot's control cohort): 48 wait at triage, 2 at the approval with
 * marco's vote cast. The admin maps triage → check and confirms the changed approval; the dry
 * run refuses the two voted cases (under `any` their vote already decides, so they would never
 * move on), the migration moves the 48, and they finish on v2.
 */
const TOTAL = 50;
const VOTED = 2;

describe.each(scenarioBackends())('migration of running cases on $backend', ({ backend, skip }) => {
  describe.skipIf(skip)('scenario', () => {
    let rt: RuntimeProcess;
    const ids: string[] = [];
    const voted: string[] = [];
    let migrationId = '';

    const publish = async (definition: Json) => {
      const saved = await rt.api('PUT', '/api/flows/repair', { as: 'olivia', body: { definition } });
      expect(saved.status, JSON.stringify(saved.body)).toBe(200);
      const published = await rt.api('POST', '/api/flows/repair/publish', { as: 'olivia', body: {} });
      expect(published.status, JSON.stringify(published.body)).toBe(201);
    };
    const caseOf = async (id: string) => (await rt.api('GET', `/api/cases/${id}`, { as: 'admin' })).body;
    const openTasks = async (id: string) =>
      (await rt.api('GET', `/api/tasks?case=${id}&limit=100`, { as: 'admin' })).body.items.filter(
        (t: Json) => t.status === 'open' || t.status === 'claimed',
      );
    const complete = (taskId: string, as: string, outcome: string) =>
      rt.api('POST', `/api/tasks/${taskId}/complete`, { as, body: { outcome } });
    const migrate = (body: Json, as = 'admin') =>
      rt.api('POST', '/api/flows/repair/migrations', { as, body });

    beforeAll(async () => {
      rt = await startRuntime({}, { backend });
      await publish(V1);
      await publish(V2);
      // A pilot of v2 for ben only: carla's cases run v1 in its control cohort.
      const pilot = await rt.api('POST', '/api/flows/repair/pilots', {
        as: 'admin',
        body: { version: 2, customerIds: ['c-1002'], note: 'ben first' },
      });
      expect(pilot.status).toBe(201);
      for (let i = 0; i < TOTAL; i++) {
        const opened = await rt.api('POST', '/api/cases', {
          as: 'lena',
          body: { flow: 'repair', customerId: 'c-1001', channel: 'phone', subject: `repair ${i}` },
        });
        expect(opened.status, JSON.stringify(opened.body)).toBe(201);
        ids.push(opened.body.id);
      }
      for (const id of ids.slice(0, VOTED)) {
        const [triage] = await openTasks(id);
        expect((await complete(triage.id, 'lena', 'done')).status).toBe(200);
        const ballot = (await openTasks(id)).find((t: Json) => t.assignee === 'marco');
        expect((await complete(ballot.id, 'marco', 'approve')).status).toBe(200);
        voted.push(id);
      }
      await rt.advance('PT1H');
    });
    afterAll(() => rt?.stop());

    it('opens the cases on v1 in the control cohort', async () => {
      const first = await caseOf(ids[VOTED]!);
      expect(first).toMatchObject({ version: 1, cohort: 'control', activeNodes: ['triage'] });
      expect((await caseOf(voted[0]!)).activeNodes).toEqual(['approve']);
    });

    it('lets only admins migrate, and names the field of a bad request', async () => {
      expect(
        (await migrate({ from: 1, to: 2, mapping: MAPPING, cases: 'all', dryRun: true }, 'olivia')).status,
      ).toBe(403);
      const unknown = await migrate({ from: 1, to: 9, mapping: MAPPING, cases: 'all', dryRun: true });
      expect(unknown.status).toBe(400);
      expect(unknown.body.error.details).toEqual([{ path: 'to', message: 'unknown version' }]);
      const wrongKind = await migrate({
        from: 1,
        to: 2,
        mapping: { triage: 'approve' },
        cases: 'all',
        dryRun: true,
      });
      expect(wrongKind.status).toBe(400);
      expect(wrongKind.body.error.details[0].path).toBe('mapping.triage');
      const same = await migrate({ from: 1, to: 1, cases: 'all' });
      expect(same.status).toBe(400);
      expect((await rt.api('GET', '/api/flows/repair/migrations/nope', { as: 'admin' })).status).toBe(404);
      expect(
        (
          await rt.api('POST', '/api/flows/nope/migrations', {
            as: 'admin',
            body: { from: 1, to: 2, cases: 'all' },
          })
        ).status,
      ).toBe(404);
    });

    it('dry run: plans 48 cases and refuses the two whose votes decide under v2, with reasons', async () => {
      const dry = await migrate({ from: 1, to: 2, mapping: MAPPING, cases: 'all', dryRun: true });
      expect(dry.status, JSON.stringify(dry.body)).toBe(200);
      expect(dry.body).toMatchObject({ status: 'dry-run', planned: TOTAL - VOTED, migrated: 0, pending: 0 });
      expect(dry.body.refused.map((r: Json) => r.caseId).sort()).toEqual([...voted].sort());
      for (const r of dry.body.refused) {
        expect(r.reason).toMatch(
          /1 vote\(s\) already cast on "Approve the repair" decide it under the new policy \(any\)/,
        );
      }
      expect(dry.body.plan.nodes).toEqual([
        {
          nodeId: 'triage',
          type: 'task',
          label: 'Triage the request',
          change: 'removed',
          target: 'check',
          how: 'mapped',
        },
        {
          nodeId: 'approve',
          type: 'approval',
          label: 'Approve the repair',
          change: 'changed',
          target: 'approve',
          how: 'mapped',
        },
      ]);
      // A dry run moves nothing.
      expect((await caseOf(ids[VOTED]!)).version).toBe(1);
    });

    it('without the mapping, every case is refused for its removed node', async () => {
      const dry = await migrate({ from: 1, to: 2, cases: ids.slice(VOTED, VOTED + 2), dryRun: true });
      expect(dry.body.planned).toBe(0);
      expect(dry.body.refused[0].reason).toMatch(/"Triage the request", which the new version removed/);
    });

    it('migrates the 48 in the background, each with a case.migrated entry, clocks and cohort kept', async () => {
      const before = await caseOf(ids[VOTED]!);
      const started = await migrate({ from: 1, to: 2, mapping: MAPPING, cases: 'all' });
      expect(started.status, JSON.stringify(started.body)).toBe(202);
      migrationId = started.body.id;
      let progress = started.body;
      for (let i = 0; i < 200 && progress.status !== 'done'; i++) {
        await new Promise((r) => setTimeout(r, 50));
        progress = (await rt.api('GET', `/api/flows/repair/migrations/${migrationId}`, { as: 'admin' })).body;
      }
      expect(progress).toMatchObject({
        status: 'done',
        planned: TOTAL - VOTED,
        migrated: TOTAL - VOTED,
        pending: 0,
      });
      expect(progress.refused).toHaveLength(VOTED);

      const after = await caseOf(ids[VOTED]!);
      expect(after).toMatchObject({
        version: 2,
        cohort: 'control',
        pilotId: before.pilotId,
        activeNodes: ['check'],
      });
      // The running SLA clock is carried over, not restarted.
      expect(after.slas.map((s: Json) => [s.id, s.status, s.dueAt])).toEqual(
        before.slas.map((s: Json) => [s.id, s.status, s.dueAt]),
      );
      const [moved] = await openTasks(ids[VOTED]!);
      expect(moved).toMatchObject({ nodeId: 'check', status: 'open' });
      const timeline = await rt.api('GET', `/api/cases/${ids[VOTED]}/timeline?order=desc&limit=5`, {
        as: 'admin',
      });
      const entry = timeline.body.items.find((e: Json) => e.type === 'case.migrated');
      expect(entry).toMatchObject({
        actor: 'admin',
        data: { migrationId, from: 1, to: 2, moved: [{ from: 'triage', to: 'check' }], cohort: 'control' },
      });
      for (const id of voted) expect((await caseOf(id)).version).toBe(1);
    });

    it('the migrated cases finish on v2', async () => {
      for (const id of ids.slice(VOTED)) {
        const [check] = await openTasks(id);
        const done = await complete(check.id, 'lena', 'done');
        expect(done.status, JSON.stringify(done.body)).toBe(200);
        const ballot = (await openTasks(id)).find((t: Json) => t.assignee === 'nora');
        const approved = await complete(ballot.id, 'nora', 'approve');
        expect(approved.status, JSON.stringify(approved.body)).toBe(200);
        // One approval decides under v2's policy.
        expect(approved.body).toMatchObject({ status: 'resolved', version: 2 });
      }
    });

    it('running the same migration again moves nothing: the cases are on v2 now', async () => {
      const again = await migrate({
        from: 1,
        to: 2,
        mapping: MAPPING,
        cases: ids.slice(VOTED, VOTED + 3),
        dryRun: true,
      });
      expect(again.body.planned).toBe(0);
      expect(again.body.refused.map((r: Json) => r.reason)).toEqual([
        'the case is on version 2',
        'the case is on version 2',
        'the case is on version 2',
      ]);
    });
  });
});
