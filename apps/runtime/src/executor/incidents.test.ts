import type { CaseSnapshot, CompiledFlow } from '@caseflow/engine';
import { ExpressionBudgetError } from '@caseflow/engine';
import type { EngineEvent, FlowDefinitionInput } from '@caseflow/schema';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Transport } from '../outbox/transport';
import { AppError } from './errors';
import { type RuntimeFixture, runtimeFixture, T0 } from './test-support/runtime-fixture';

/*
 * Fault injection: the engine's start/step are wrapped so that a test can make the next
 * start, or every step of one event type, throw what it likes (an expression over its budget,
 * a bug). Everything else runs for real on a SQLite store.
 */
const faults = vi.hoisted(() => ({
  start: null as (() => Error) | null,
  step: new Map<string, () => Error>(),
}));
vi.mock('@caseflow/engine', async (importOriginal) => {
  const engine = await importOriginal<typeof import('@caseflow/engine')>();
  return {
    ...engine,
    start: (...args: Parameters<typeof engine.start>) => {
      if (faults.start) throw faults.start();
      return engine.start(...args);
    },
    step: (compiled: CompiledFlow, snapshot: CaseSnapshot, event: EngineEvent, now: number) => {
      const fault = faults.step.get(event.type);
      if (fault) throw fault();
      return engine.step(compiled, snapshot, event, now);
    },
  };
});

const overBudget = () =>
  new ExpressionBudgetError(
    'steps',
    'count(for i in 1..100000000 return i) > 0',
    'FEEL budget exceeded',
    'decide',
  );

/** start → cool-off (timer PT1H) → wait-reply (wait for "reply") → done. */
const coolOffFlow: FlowDefinitionInput = {
  key: 'cool-off',
  name: 'Cool off',
  nodes: [
    { id: 'start', type: 'start' },
    { id: 'cool-off', type: 'timer', duration: 'PT1H' },
    { id: 'wait-reply', type: 'wait', signal: 'reply' },
    { id: 'done', type: 'end' },
  ],
  edges: [
    { from: 'start', to: 'cool-off' },
    { from: 'cool-off', to: 'wait-reply' },
    { from: 'wait-reply', to: 'done', on: 'reply' },
  ],
};

/** start → tell (notify the customer) → wait-reply → done. */
const notifyFlow: FlowDefinitionInput = {
  key: 'tell',
  name: 'Tell',
  nodes: [
    { id: 'start', type: 'start' },
    { id: 'tell', type: 'notify', to: 'customer', template: 'hello' },
    { id: 'wait-reply', type: 'wait', signal: 'reply' },
    { id: 'done', type: 'end' },
  ],
  edges: [
    { from: 'start', to: 'tell' },
    { from: 'tell', to: 'wait-reply' },
    { from: 'wait-reply', to: 'done', on: 'reply' },
  ],
};

const admin = { username: 'root', roles: ['admin' as const] };
const owner = { username: 'olga', roles: ['owner' as const] };
const agent = { username: 'ann', roles: ['agent' as const] };

/** The error a promise rejects with. */
async function failure(p: Promise<unknown>): Promise<AppError> {
  try {
    await p;
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected a failure');
}

describe('incidents', () => {
  let fx: RuntimeFixture;
  let transportFault: (() => Error) | null;
  const delivered: string[] = [];
  const transport: Transport = {
    name: 'test',
    async deliver(row) {
      if (transportFault) throw transportFault();
      delivered.push(row.id);
      return { ok: true };
    },
  };

  beforeEach(async () => {
    faults.start = null;
    faults.step.clear();
    transportFault = null;
    delivered.length = 0;
    fx = await runtimeFixture({ transport });
    await fx.publish(coolOffFlow);
    await fx.publish(notifyFlow);
  });
  afterEach(async () => fx.dispose());

  const open = (flow = 'cool-off') =>
    fx.runtime.openCase({ flow, customerId: 'cu-1', channel: 'email', actor: 'ann' });
  const waitingForReply = async () => {
    const c = await open();
    fx.clock.advance('PT1H');
    await fx.runtime.fireDueTimers();
    return c.id;
  };

  describe('a command whose step throws', () => {
    it('answers 422 incident, leaves the case at its node and records the incident', async () => {
      const caseId = await waitingForReply();
      const before = await fx.store.cases.get(caseId);
      faults.step.set('signal', overBudget);

      const error = await failure(fx.runtime.signal(caseId, 'reply', {}, 'ann'));

      expect(error.status).toBe(422);
      expect(error.code).toBe('incident');
      const details = error.details as { incidentId: string; nodeId: string; kind: string };
      expect(details).toMatchObject({ nodeId: 'decide', kind: 'expression', caseId });
      const after = await fx.store.cases.get(caseId);
      expect(after).toMatchObject({
        revision: before!.revision,
        activeNodes: ['wait-reply'],
        status: 'open',
      });
      // The signal's timeline entry rolled back with the event.
      expect((await fx.store.timeline.list(caseId)).some((e) => e.type === 'signal')).toBe(false);
      expect(await fx.store.incidents.get(details.incidentId)).toMatchObject({
        caseId,
        nodeId: 'decide',
        kind: 'expression',
        message: 'FEEL budget exceeded',
        status: 'open',
        attempts: 1,
        source: { type: 'command', command: 'signal', args: [caseId, 'reply', {}, 'ann'] },
      });
    });

    it('counts a repeat of the same command as another attempt of the same incident', async () => {
      const caseId = await waitingForReply();
      faults.step.set('signal', () => new TypeError("Cannot read properties of undefined (reading 'x')"));
      const first = await failure(fx.runtime.signal(caseId, 'reply', {}, 'ann'));
      const second = await failure(fx.runtime.signal(caseId, 'reply', {}, 'ann'));
      const id = (first.details as { incidentId: string }).incidentId;
      expect((second.details as { incidentId: string }).incidentId).toBe(id);
      const page = await fx.runtime.listIncidents({ status: 'open' }, owner);
      expect(page.items).toHaveLength(1);
      expect(page.items[0]).toMatchObject({
        id,
        kind: 'internal',
        attempts: 2,
        nodeId: 'wait-reply',
        message: "TypeError: Cannot read properties of undefined (reading 'x')",
      });
    });

    it('keeps modelled refusals as they were: no incident for a signal nobody waits for', async () => {
      const c = await open();
      const error = await failure(fx.runtime.signal(c.id, 'reply', {}, 'ann'));
      expect(error.status).toBe(409);
      expect((await fx.store.incidents.list()).items).toEqual([]);
    });

    it('stores nothing but the incident when opening the case fails', async () => {
      faults.start = overBudget;
      const error = await failure(open());
      expect(error).toMatchObject({ status: 422, code: 'incident' });
      expect((await fx.store.cases.list()).items).toEqual([]);
      const [incident] = (await fx.store.incidents.list()).items;
      expect(incident).toMatchObject({ caseId: null, kind: 'expression', source: { command: 'openCase' } });

      // Retried once the cause is gone: the case opens and the incident is resolved with it.
      faults.start = null;
      const resolved = await fx.runtime.retryIncident(incident!.id, admin);
      expect(resolved).toMatchObject({ status: 'resolved', resolvedBy: 'root', note: 'retried' });
      expect((await fx.store.cases.list()).items).toHaveLength(1);
    });
  });

  describe('a timer whose firing throws', () => {
    it('is parked with an incident, does not come back, and other timers still fire', async () => {
      const poisoned = await open();
      fx.clock.advance('PT30M');
      const healthy = await open();
      faults.step.set('timer.fire', overBudget);
      fx.clock.advance('PT30M');
      expect(await fx.runtime.fireDueTimers()).toBe(0);
      faults.step.clear();
      // Only the poisoned case's timer was due; the healthy one fires at its own time.
      expect(await fx.store.timers.listByCase(poisoned.id)).toEqual([]);
      const [incident] = (await fx.store.incidents.list()).items;
      expect(incident).toMatchObject({
        caseId: poisoned.id,
        kind: 'expression',
        nodeId: 'decide',
        attempts: 1,
        source: { type: 'timer', timer: { caseId: poisoned.id } },
      });
      expect(fx.logger.lines.some((l) => l.msg === 'timer parked with an incident')).toBe(true);

      fx.clock.advance('PT1H');
      expect(await fx.runtime.fireDueTimers()).toBe(1);
      expect((await fx.runtime.getCase(healthy.id))?.activeNodes).toEqual(['wait-reply']);
      expect((await fx.runtime.getCase(poisoned.id))?.activeNodes).toEqual(['cool-off']);
      expect((await fx.store.incidents.get(incident!.id))?.attempts).toBe(1);
    });

    it('fires again on retry: a failing retry adds an attempt, a good one moves the case on', async () => {
      const c = await open();
      faults.step.set('timer.fire', () => new Error('engine bug'));
      fx.clock.advance('PT1H');
      await fx.runtime.fireDueTimers();
      const [incident] = (await fx.store.incidents.list()).items;
      expect(incident).toMatchObject({ kind: 'timer', message: 'Error: engine bug' });

      const again = await failure(fx.runtime.retryIncident(incident!.id, admin));
      expect(again).toMatchObject({ status: 422, code: 'incident' });
      expect(await fx.store.incidents.get(incident!.id)).toMatchObject({ status: 'open', attempts: 2 });

      faults.step.clear();
      expect(await fx.runtime.retryIncident(incident!.id, admin)).toMatchObject({ status: 'resolved' });
      expect((await fx.runtime.getCase(c.id))?.activeNodes).toEqual(['wait-reply']);
      await expect(fx.runtime.retryIncident(incident!.id, admin)).rejects.toMatchObject({ status: 409 });
    });
  });

  describe('a delivery that throws', () => {
    it('goes dead with an incident instead of coming back every lease, and is retried on demand', async () => {
      transportFault = () => new Error('transport bug');
      const c = await open('tell');
      await fx.runtime.dispatchOutbox();
      const [row] = await fx.runtime.outboxEntries(c.id);
      expect(row).toMatchObject({ status: 'dead' });
      const [incident] = (await fx.store.incidents.list()).items;
      expect(incident).toMatchObject({
        caseId: c.id,
        kind: 'delivery',
        source: { type: 'outbox', outboxId: row!.id },
      });
      expect(row!.lastError).toContain(incident!.id);
      // Long after the lease, nothing is claimed again.
      fx.clock.advance('PT1H');
      expect(await fx.runtime.dispatchOutbox()).toBe(0);

      await expect(fx.runtime.retryIncident(incident!.id, admin)).rejects.toMatchObject({ code: 'incident' });
      expect(await fx.store.incidents.get(incident!.id)).toMatchObject({ attempts: 2, status: 'open' });

      transportFault = null;
      expect(await fx.runtime.retryIncident(incident!.id, admin)).toMatchObject({ status: 'resolved' });
      expect(delivered).toEqual([row!.id]);
      expect((await fx.store.outbox.get(row!.id))?.status).toBe('delivered');
    });
  });

  describe('authorisation and resolving', () => {
    it('lets owners list, and only admins retry or resolve (checked in the command)', async () => {
      faults.start = overBudget;
      await failure(open());
      const [incident] = (await fx.store.incidents.list()).items;
      await expect(fx.runtime.listIncidents({}, agent)).rejects.toMatchObject({ status: 403 });
      expect((await fx.runtime.listIncidents({}, owner)).items).toHaveLength(1);
      await expect(fx.runtime.retryIncident(incident!.id, owner)).rejects.toMatchObject({ status: 403 });
      await expect(fx.runtime.resolveIncident(incident!.id, 'x', owner)).rejects.toMatchObject({
        status: 403,
      });
      await expect(fx.runtime.resolveIncident(incident!.id, '  ', admin)).rejects.toMatchObject({
        status: 400,
      });
      await expect(fx.runtime.resolveIncident('nope', 'x', admin)).rejects.toMatchObject({ status: 404 });

      fx.clock.advance('PT5M');
      const resolved = await fx.runtime.resolveIncident(incident!.id, 'flow fixed in v2', admin);
      expect(resolved).toMatchObject({
        status: 'resolved',
        note: 'flow fixed in v2',
        resolvedBy: 'root',
        resolvedAt: T0 + 5 * 60_000,
      });
      await expect(fx.runtime.resolveIncident(incident!.id, 'again', admin)).rejects.toMatchObject({
        status: 409,
      });
      expect((await fx.runtime.listIncidents({ status: 'open' }, owner)).items).toEqual([]);
    });
  });
});
