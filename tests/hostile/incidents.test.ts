import Database from 'better-sqlite3';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually } from '../support/eventually';
import { type RuntimeProcess, startRuntime } from '../support/runtime-process';
import { scenarioBackends } from '../support/test-database';

/*
 * Leak 1 of issue #11, against the built runtime on SQLite and PostgreSQL: an event, timer or
 * delivery that fails for a reason the flow does not model must leave the case where it was,
 * open an incident, answer a JSON error, and never take the process down — nor keep it from
 * starting when the failing thing is a timer that is due at start-up.
 *
 * Two ways to make a step fail:
 * - the FEEL budget: a decision `count(for i in 1..100000000 return i) > 0` (before the budget,
 *   it blocked the event loop and ended in "JavaScript heap out of memory");
 * - a damaged case: its stored snapshot names a state the flow does not have, so the engine
 *   throws a plain Error on the case's next event (what a bad hand edit or a bug leaves).
 */

const BUDGET_BUSTER = 'count(for i in 1..100000000 return i) > 0';

/** start → cool-off (timer PT1H) → wait-reply (signal "reply") → decide → done | other. */
function waitingFlow(key: string, when: string) {
  return {
    key,
    name: key,
    kind: 'case',
    nodes: [
      { id: 'start', type: 'start', trigger: { kind: 'case' } },
      { id: 'cool-off', type: 'timer', duration: 'PT1H' },
      { id: 'wait-reply', type: 'wait', signal: 'reply' },
      { id: 'decide', type: 'decision' },
      { id: 'done', type: 'end', outcome: 'resolved' },
      { id: 'other', type: 'end', outcome: 'resolved' },
    ],
    edges: [
      { from: 'start', to: 'cool-off' },
      { from: 'cool-off', to: 'wait-reply' },
      { from: 'wait-reply', to: 'decide', on: 'reply' },
      { from: 'decide', to: 'done', when },
      { from: 'decide', to: 'other', default: true },
    ],
  };
}

/** start → decide (budget buster) → done | other: opening a case busts the budget. */
const bustAtStart = {
  key: 'bust-at-start',
  name: 'Bust at start',
  kind: 'case',
  nodes: [
    { id: 'start', type: 'start', trigger: { kind: 'case' } },
    { id: 'decide', type: 'decision' },
    { id: 'done', type: 'end', outcome: 'resolved' },
    { id: 'other', type: 'end', outcome: 'resolved' },
  ],
  edges: [
    { from: 'start', to: 'decide' },
    { from: 'decide', to: 'done', when: BUDGET_BUSTER },
    { from: 'decide', to: 'other', default: true },
  ],
};

/** Reads and writes the runtime's database directly (a damaged case, as an operator could). */
interface Db {
  snapshot(caseId: string): Promise<string>;
  setSnapshot(caseId: string, text: string): Promise<void>;
}
function dbOf(rt: RuntimeProcess): Db {
  if (rt.backend === 'sqlite') {
    const run = <T>(fn: (db: Database.Database) => T): T => {
      const db = new Database(rt.db, { timeout: 5000 });
      try {
        return fn(db);
      } finally {
        db.close();
      }
    };
    return {
      async snapshot(caseId) {
        return run(
          (db) =>
            (db.prepare('select snapshot from cases where id = ?').get(caseId) as { snapshot: string })
              .snapshot,
        );
      },
      async setSnapshot(caseId, text) {
        run((db) => db.prepare('update cases set snapshot = ? where id = ?').run(text, caseId));
      },
    };
  }
  const run = async <T>(fn: (client: pg.Client) => Promise<T>): Promise<T> => {
    const client = new pg.Client({ connectionString: rt.db });
    await client.connect();
    try {
      return await fn(client);
    } finally {
      await client.end();
    }
  };
  return {
    snapshot: (caseId) =>
      run(
        async (c) =>
          (await c.query('select snapshot::text as s from cases where id = $1', [caseId])).rows[0].s,
      ),
    setSnapshot: (caseId, text) =>
      run(async (c) => {
        await c.query('update cases set snapshot = $1::json where id = $2', [text, caseId]);
      }),
  };
}

/** The snapshot with its state value replaced by one the flow does not have. */
const damaged = (text: string) => JSON.stringify({ ...JSON.parse(text), value: 'no-such-node' });

describe.each(scenarioBackends())('incidents on $backend', ({ backend, skip }) => {
  describe.skipIf(skip)('scenario', () => {
    let rt: RuntimeProcess;
    let db: Db;

    const publish = async (definition: { key: string }) => {
      const saved = await rt.api('PUT', `/api/flows/${definition.key}`, {
        as: 'olivia',
        body: { definition },
      });
      expect(saved.status, JSON.stringify(saved.body)).toBe(200);
      const published = await rt.api('POST', `/api/flows/${definition.key}/publish`, {
        as: 'olivia',
        body: { note: 'test' },
      });
      expect(published.status, JSON.stringify(published.body)).toBeLessThan(300);
    };
    const openCase = (flow: string) =>
      rt.api('POST', '/api/cases', {
        as: 'lena',
        body: { flow, customerId: 'c-1001', channel: 'phone', subject: 'incident test' },
      });
    const caseOf = async (id: string) => (await rt.api('GET', `/api/cases/${id}`, { as: 'lena' })).body;
    const incidents = async (query = '') =>
      (await rt.api('GET', `/api/incidents${query}`, { as: 'olivia' })).body.items as Array<
        Record<string, unknown>
      >;
    const healthy = async () => (await rt.api('GET', '/api/health')).status === 200;
    /** A case of `flow` past its timer, waiting for the "reply" signal. */
    const waitingForReply = async (flow: string) => {
      const opened = await openCase(flow);
      expect(opened.status, JSON.stringify(opened.body)).toBe(201);
      await rt.advance('PT1H');
      expect((await caseOf(opened.body.id)).activeNodes).toEqual(['wait-reply']);
      return opened.body.id as string;
    };

    beforeAll(async () => {
      rt = await startRuntime({}, { backend });
      db = dbOf(rt);
      await publish(waitingFlow('plain', 'true'));
    });
    afterAll(() => rt?.stop());

    describe('an event that fails', () => {
      it('answers a JSON 422 naming the incident, keeps the case at its node and stays up', async () => {
        const id = await waitingForReply('plain');
        const original = await db.snapshot(id);
        await db.setSnapshot(id, damaged(original));

        const res = await rt.api('POST', `/api/cases/${id}/signals`, { as: 'lena', body: { name: 'reply' } });

        expect(res.status).toBe(422);
        expect(res.body.error).toMatchObject({
          code: 'incident',
          message: expect.any(String),
          details: { incidentId: expect.any(String), nodeId: 'wait-reply', caseId: id, kind: 'internal' },
        });
        expect(JSON.stringify(res.body)).not.toMatch(/\n\s+at /);
        expect(await healthy()).toBe(true);
        const listed = await incidents(`?status=open&case=${id}`);
        expect(listed).toEqual([
          expect.objectContaining({
            id: res.body.error.details.incidentId,
            caseId: id,
            nodeId: 'wait-reply',
            kind: 'internal',
            attempts: 1,
            status: 'open',
            source: { type: 'command', command: 'signal' },
          }),
        ]);
        const staffView = await caseOf(id);
        expect(staffView.activeNodes).toEqual(['wait-reply']);
        expect(staffView.incidents).toEqual([
          expect.objectContaining({ id: listed[0]!.id, kind: 'internal' }),
        ]);
        const customerView = (await rt.api('GET', `/api/cases/${id}`, { as: 'carla' })).body;
        expect(customerView.incidents).toBeUndefined();

        // The same failure again is another attempt of the same incident, not a new row.
        expect(
          (await rt.api('POST', `/api/cases/${id}/signals`, { as: 'lena', body: { name: 'reply' } })).status,
        ).toBe(422);
        expect(await incidents(`?case=${id}`)).toEqual([expect.objectContaining({ attempts: 2 })]);

        // (c) Retry after the cause is fixed: the signal is delivered, the incident resolved.
        await db.setSnapshot(id, original);
        expect((await rt.api('POST', `/api/incidents/${listed[0]!.id}/retry`, { as: 'olivia' })).status).toBe(
          403,
        );
        const retried = await rt.api('POST', `/api/incidents/${listed[0]!.id}/retry`, { as: 'admin' });
        expect(retried.status, JSON.stringify(retried.body)).toBe(200);
        expect(retried.body).toMatchObject({ status: 'resolved', resolvedBy: 'admin' });
        expect((await caseOf(id)).status).toBe('resolved');
        expect((await caseOf(id)).incidents).toEqual([]);
        expect((await rt.api('POST', `/api/incidents/${listed[0]!.id}/retry`, { as: 'admin' })).status).toBe(
          409,
        );
      });

      it('resolves with a required note, and a failing retry adds an attempt', async () => {
        const id = await waitingForReply('plain');
        await db.setSnapshot(id, damaged(await db.snapshot(id)));
        const failed = await rt.api('POST', `/api/cases/${id}/signals`, {
          as: 'lena',
          body: { name: 'reply' },
        });
        const incidentId = failed.body.error.details.incidentId as string;

        const again = await rt.api('POST', `/api/incidents/${incidentId}/retry`, { as: 'admin' });
        expect(again.status).toBe(422);
        expect(again.body.error).toMatchObject({ code: 'incident', details: { incidentId } });
        expect(await incidents(`?case=${id}`)).toEqual([
          expect.objectContaining({ attempts: 2, status: 'open' }),
        ]);

        const path = `/api/incidents/${incidentId}/resolve`;
        expect((await rt.api('POST', path, { as: 'admin', body: {} })).status).toBe(400);
        expect((await rt.api('POST', path, { as: 'admin', body: { note: 'x'.repeat(2001) } })).status).toBe(
          400,
        );
        expect((await rt.api('POST', path, { as: 'olivia', body: { note: 'mine' } })).status).toBe(403);
        expect((await rt.api('GET', '/api/incidents', { as: 'lena' })).status).toBe(403);
        const resolved = await rt.api('POST', path, { as: 'admin', body: { note: 'case closed by hand' } });
        expect(resolved.status).toBe(200);
        expect(resolved.body).toMatchObject({ status: 'resolved', note: 'case closed by hand' });
        expect(await incidents(`?status=resolved&case=${id}`)).toHaveLength(1);
        expect(await incidents(`?status=open&case=${id}`)).toEqual([]);
        expect(
          (await rt.api('POST', '/api/incidents/nope/resolve', { as: 'admin', body: { note: 'x' } })).status,
        ).toBe(404);
      });

      it('turns a decision over the FEEL budget into an incident of kind expression', async () => {
        await publish(waitingFlow('budget', BUDGET_BUSTER));
        const id = await waitingForReply('budget');
        const started = Date.now();
        const res = await rt.api('POST', `/api/cases/${id}/signals`, {
          as: 'lena',
          body: { name: 'reply' },
        });
        expect(Date.now() - started).toBeLessThan(10_000);
        expect(res.status).toBe(422);
        expect(res.body.error).toMatchObject({
          code: 'incident',
          details: { kind: 'expression', caseId: id },
        });
        expect(await healthy()).toBe(true);
        expect((await caseOf(id)).activeNodes).toEqual(['wait-reply']);
        expect(await incidents(`?case=${id}`)).toEqual([expect.objectContaining({ kind: 'expression' })]);
      });

      it('refuses to open a case whose start busts the budget, storing only the incident', async () => {
        await publish(bustAtStart);
        const res = await openCase('bust-at-start');
        expect(res.status).toBe(422);
        expect(res.body.error).toMatchObject({
          code: 'incident',
          details: { kind: 'expression', caseId: null },
        });
        expect((await rt.api('GET', '/api/cases?flow=bust-at-start', { as: 'admin' })).body.items).toEqual(
          [],
        );
        const open = await incidents('?status=open');
        expect(open.filter((i) => i.caseId === null && i.kind === 'expression')).toHaveLength(1);
        expect(await healthy()).toBe(true);
      });
    });

    describe('a timer that fails at start-up (crash loop)', () => {
      it('starts, answers, lists the incident and still fires the other timers', async () => {
        const poisoned = (await openCase('plain')).body.id as string;
        const fine = (await openCase('plain')).body.id as string;
        // The decision right after this flow's timer busts the FEEL budget when the timer fires.
        await publish(timerThenBust());
        const budgetCase = (await openCase('budget-timer')).body.id as string;
        await rt.kill('SIGTERM');
        await db.setSnapshot(poisoned, damaged(await db.snapshot(poisoned)));
        // Two hours on: every timer above is due the moment the runtime starts.
        const later = new Date(Date.parse(rt.now) + 2 * 3_600_000).toISOString();
        await rt.restart({ clockStart: later });

        expect(await healthy()).toBe(true);
        await eventually(
          async () => (await caseOf(fine)).activeNodes[0] === 'wait-reply' || undefined,
          'the healthy timer',
        );
        const parked = await eventually(
          async () => (await incidents(`?case=${poisoned}`))[0],
          'the incident of the poisoned timer',
        );
        expect(parked).toMatchObject({
          kind: 'timer',
          nodeId: 'cool-off',
          status: 'open',
          source: { type: 'timer' },
        });
        expect((await caseOf(poisoned)).activeNodes).toEqual(['cool-off']);
        const bust = await eventually(
          async () => (await incidents(`?case=${budgetCase}`))[0],
          'the budget incident',
        );
        expect(bust).toMatchObject({ kind: 'expression', nodeId: 'decide', source: { type: 'timer' } });
        expect((await caseOf(budgetCase)).activeNodes).toEqual(['cool-off']);

        // A second restart neither crashes nor fires the parked timer again.
        await rt.restart();
        expect(await healthy()).toBe(true);
        expect(await incidents(`?case=${poisoned}`)).toEqual([expect.objectContaining({ attempts: 1 })]);
        expect(rt.output()).not.toMatch(/heap out of memory/);
      });
    });
  });
});

/** start → cool-off (timer PT1H) → decide (budget buster) → done | other. */
function timerThenBust() {
  return {
    key: 'budget-timer',
    name: 'Budget after a timer',
    kind: 'case',
    nodes: [
      { id: 'start', type: 'start', trigger: { kind: 'case' } },
      { id: 'cool-off', type: 'timer', duration: 'PT1H' },
      { id: 'decide', type: 'decision' },
      { id: 'done', type: 'end', outcome: 'resolved' },
      { id: 'other', type: 'end', outcome: 'resolved' },
    ],
    edges: [
      { from: 'start', to: 'cool-off' },
      { from: 'cool-off', to: 'decide' },
      { from: 'decide', to: 'done', when: BUDGET_BUSTER },
      { from: 'decide', to: 'other', default: true },
    ],
  };
}
